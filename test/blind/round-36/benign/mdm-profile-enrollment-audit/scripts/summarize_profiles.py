#!/usr/bin/env python3
"""Summarise `profiles show -output stdout-xml` output. Read-only."""
import plistlib, sys

WATCH = {
    "com.apple.security.root": "trusts a root CA",
    "com.apple.security.pkcs1": "installs a certificate",
    "com.apple.proxy.http.global": "global HTTP proxy",
    "com.apple.webcontent-filter": "web content filter",
    "com.apple.vpn.managed": "managed VPN",
    "com.apple.TCC.configuration-profile-policy": "privacy permission grants",
    "com.apple.servicemanagement": "managed login items",
    "com.apple.dnsSettings.managed": "managed DNS",
    "com.apple.mdm": "MDM enrolment",
}

def describe(payload):
    t = payload.get("PayloadType", "?")
    extra = ""
    if t == "com.apple.proxy.http.global":
        extra = f" host={payload.get('HTTPProxy') or payload.get('ProxyPACURL')}"
    elif t == "com.apple.TCC.configuration-profile-policy":
        services = payload.get("Services", {})
        extra = " " + ", ".join(f"{svc}:{[e.get('Identifier') for e in entries]}" for svc, entries in services.items())
    elif t in ("com.apple.security.root", "com.apple.security.pkcs1"):
        extra = f" cert={payload.get('PayloadCertificateFileName') or payload.get('PayloadDisplayName')}"
    elif t == "com.apple.vpn.managed":
        extra = f" server={payload.get('VPN', {}).get('RemoteAddress') or payload.get('IKEv2', {}).get('RemoteAddress')}"
    flag = "  <-- review" if t in WATCH else ""
    return f"    - {t}{extra} ({WATCH.get(t, 'other')}){flag}"

def main(path):
    with open(path, "rb") as f:
        data = plistlib.load(f)
    for scope, profiles in data.items():
        for p in profiles:
            print(f"[{scope}] {p.get('ProfileDisplayName')} ({p.get('ProfileIdentifier')})")
            print(f"    org={p.get('ProfileOrganization')} installed={p.get('ProfileInstallDate')} "
                  f"verified={p.get('ProfileVerificationState')} removal_disallowed={p.get('ProfileRemovalDisallowed', 'false')}")
            for item in p.get("ProfileItems", []):
                content = item.get("PayloadContent", {}) or {}
                content.setdefault("PayloadType", item.get("PayloadType"))
                print(describe(content))

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/tmp/profiles.xml")
