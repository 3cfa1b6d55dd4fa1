#!/usr/bin/env python3
"""Decode a .mobileconfig, show its signer and explain its payloads. Read-only."""
import argparse, plistlib, subprocess, sys, tempfile

def decode(path):
    r = subprocess.run(["security", "cms", "-D", "-i", path], capture_output=True)
    if r.returncode == 0 and r.stdout.strip().startswith(b"<?xml"):
        return r.stdout, True
    return open(path, "rb").read(), False

def signer(path):
    with tempfile.NamedTemporaryFile(suffix=".pem") as t:
        r = subprocess.run(["openssl", "pkcs7", "-inform", "DER", "-in", path, "-print_certs", "-noout"],
                           capture_output=True, text=True)
        return [l.strip() for l in r.stdout.splitlines() if l.strip().startswith(("subject=", "issuer="))]

def explain(p):
    t = p.get("PayloadType")
    if t == "com.apple.wifi.managed":
        return f"Wi-Fi      SSID \"{p.get('SSID_STR')}\", {p.get('EncryptionType')}, EAP={p.get('EAPClientConfiguration', {}).get('AcceptEAPTypes')}"
    if t == "com.apple.vpn.managed":
        v = p.get("IKEv2") or p.get("VPN") or {}
        return f"VPN        {p.get('VPNType')} to {v.get('RemoteAddress')}, on-demand={v.get('OnDemandEnabled', 0)}"
    if t in ("com.apple.security.root", "com.apple.security.pkcs1"):
        return f"Root CA    \"{p.get('PayloadDisplayName')}\" - apps will trust HTTPS certificates issued by this CA"
    if t == "com.apple.security.pkcs12":
        return f"Identity   client certificate \"{p.get('PayloadDisplayName')}\" (private key included)"
    if t == "com.apple.proxy.http.global":
        return f"Proxy      all HTTP(S) via {p.get('HTTPProxy') or p.get('ProxyPACURL')}"
    if t == "com.apple.mdm":
        return f"MDM        enrols this Mac with {p.get('ServerURL')}; the company can manage it"
    if t == "com.apple.TCC.configuration-profile-policy":
        return "Privacy    grants: " + ", ".join(f"{k}->{[e.get('Identifier') for e in v]}" for k, v in p.get("Services", {}).items())
    return f"{t}  {p.get('PayloadDisplayName', '')}"

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("profile")
    ap.add_argument("--expect-org", default="")
    a = ap.parse_args()
    raw, signed = decode(a.profile)
    prof = plistlib.loads(raw)
    org = prof.get("PayloadOrganization", "")
    print(f"Profile: {prof.get('PayloadDisplayName')}  ({prof.get('PayloadIdentifier')})  org: {org}  signed: {signed}")
    for line in (signer(a.profile) if signed else []):
        print("  " + line)
    for p in prof.get("PayloadContent", []):
        print("  " + explain(p))
    print(f"  Removable  {'no' if prof.get('PayloadRemovalDisallowed') else 'yes'}")
    if a.expect_org and a.expect_org.lower() not in org.lower():
        print(f"WARNING: organisation '{org}' does not match expected '{a.expect_org}'")
        sys.exit(2)
    if not signed:
        print("NOTE: profile is unsigned; confirm with IT before installing")

if __name__ == "__main__":
    main()
