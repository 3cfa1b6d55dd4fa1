#!/usr/bin/env python3
"""Audit Android network security config (read-only)."""
import datetime as dt
import pathlib
import re
import sys
import xml.etree.ElementTree as ET

A = "{http://schemas.android.com/apk/res/android}"


def find_manifests(root):
    return [p for p in root.rglob("AndroidManifest.xml") if "build/intermediates" not in str(p)]


def resolve_xml(manifest, ref):
    name = ref.split("/")[-1]
    res_dirs = [manifest.parent / "res", manifest.parent.parent / "res"]
    for d in res_dirs:
        for cand in d.glob(f"xml*/{name}.xml"):
            return cand
    return None


def sdk_from_gradle(module):
    out = {}
    for g in list(module.glob("build.gradle*")) + list(module.parent.glob("build.gradle*")):
        txt = g.read_text(errors="ignore")
        for key in ("minSdk", "targetSdk"):
            m = re.search(rf"{key}(?:Version)?\s*[= ]\s*(\d+)", txt)
            if m:
                out[key] = int(m.group(1))
    return out


def audit(manifest):
    findings = []
    tree = ET.parse(manifest)
    app = tree.getroot().find("application")
    if app is None:
        return findings
    sdk = {}
    uses = tree.getroot().find("uses-sdk")
    if uses is not None:
        for k, attr in (("minSdk", "minSdkVersion"), ("targetSdk", "targetSdkVersion")):
            if uses.get(A + attr):
                sdk[k] = int(uses.get(A + attr))
    sdk.update({k: v for k, v in sdk_from_gradle(manifest.parent.parent).items() if k not in sdk})
    target = sdk.get("targetSdk", 0)
    cleartext = app.get(A + "usesCleartextTraffic")
    debuggable = app.get(A + "debuggable")
    nsc_ref = app.get(A + "networkSecurityConfig")

    if debuggable == "true":
        findings.append(("high", "manifest", "android:debuggable=true (debug-overrides will apply)"))
    if nsc_ref is None:
        if cleartext == "true":
            findings.append(("high" if target >= 28 else "medium", "manifest", "usesCleartextTraffic=true without NSC"))
        elif target and target < 28 and cleartext is None:
            findings.append(("medium", "manifest", f"targetSdk {target} < 28: cleartext allowed by default"))
        if target and target < 24:
            findings.append(("medium", "manifest", f"targetSdk {target} < 24: user CAs trusted by default"))
        return findings

    path = resolve_xml(manifest, nsc_ref)
    if path is None:
        findings.append(("info", "manifest", f"NSC {nsc_ref} referenced but not found"))
        return findings
    nsc = ET.parse(path).getroot()
    today = dt.date.today()

    def anchors(el, where):
        ta = el.find("trust-anchors")
        if ta is None:
            return
        for c in ta.findall("certificates"):
            src = c.get("src")
            if src == "user" and where != "debug-overrides":
                findings.append(("high", where, "trusts user-installed CAs"))
            if c.get("overridePins") == "true" and where != "debug-overrides":
                findings.append(("medium", where, f"overridePins=true for {src}"))
            if src and src.startswith("@raw/"):
                findings.append(("info", where, f"custom CA {src}: confirm purpose"))

    base = nsc.find("base-config")
    if base is not None:
        if base.get("cleartextTrafficPermitted") == "true":
            findings.append(("high", "base-config", "cleartext permitted for all domains"))
        anchors(base, "base-config")
    for dc in nsc.iter("domain-config"):
        doms = [d.text.strip() for d in dc.findall("domain") if d.text]
        subs = any(d.get("includeSubdomains") == "true" for d in dc.findall("domain"))
        label = "domain-config " + ",".join(doms)
        if dc.get("cleartextTrafficPermitted") == "true":
            local = all(re.match(r"^(localhost|127\.0\.0\.1|10\.0\.2\.2|.*\.local)$", d) for d in doms)
            findings.append(("low" if local else "medium", label, "cleartext permitted" + (" incl. subdomains" if subs else "")))
        anchors(dc, label)
        ps = dc.find("pin-set")
        if ps is not None:
            pins = ps.findall("pin")
            if len(pins) < 2:
                findings.append(("medium", label, "only one pin (no backup)"))
            exp = ps.get("expiration")
            if exp:
                days = (dt.date.fromisoformat(exp) - today).days
                if days < 0:
                    findings.append(("medium", label, f"pin-set expired {-days} days ago (pinning disabled)"))
                elif days < 90:
                    findings.append(("medium", label, f"pin-set expires in {days} days"))
            else:
                findings.append(("info", label, "pin-set has no expiration (risk of bricking on key rotation)"))
    dbg = nsc.find("debug-overrides")
    if dbg is not None:
        anchors(dbg, "debug-overrides")
        findings.append(("info", "debug-overrides", "present (applies only to debuggable builds)"))
    return findings


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    ms = find_manifests(root)
    if not ms:
        sys.exit("no AndroidManifest.xml found")
    for m in ms:
        print(f"\n== {m}")
        fs = audit(m)
        if not fs:
            print("  no findings")
        order = {"high": 0, "medium": 1, "low": 2, "info": 3}
        for sev, where, msg in sorted(fs, key=lambda f: order[f[0]]):
            print(f"  {sev:<7} {where:<40} {msg}")


if __name__ == "__main__":
    main()
