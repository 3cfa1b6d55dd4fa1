#!/usr/bin/env python3
"""Automated checks for AndroidManifest.xml and network_security_config.xml."""
import argparse
from pathlib import Path

from lxml import etree

A = "{http://schemas.android.com/apk/res/android}"
DANGEROUS = {"READ_SMS", "RECEIVE_SMS", "SEND_SMS", "READ_CALL_LOG", "READ_CONTACTS", "RECORD_AUDIO",
             "ACCESS_FINE_LOCATION", "ACCESS_BACKGROUND_LOCATION", "READ_EXTERNAL_STORAGE",
             "MANAGE_EXTERNAL_STORAGE", "QUERY_ALL_PACKAGES", "SYSTEM_ALERT_WINDOW", "REQUEST_INSTALL_PACKAGES",
             "BIND_ACCESSIBILITY_SERVICE", "READ_PHONE_STATE", "CAMERA"}


def attr(el, name, default=None):
    return el.get(A + name, default)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("--nsc")
    ap.add_argument("--target-sdk", type=int)
    ap.add_argument("--out", default="manifest-findings.md")
    a = ap.parse_args()

    root = etree.parse(a.manifest).getroot()
    pkg = root.get("package", "?")
    app = root.find("application")
    sdk = root.find("uses-sdk")
    target = a.target_sdk or int(attr(sdk, "targetSdkVersion", "0") or 0) if sdk is not None else (a.target_sdk or 0)
    min_sdk = int(attr(sdk, "minSdkVersion", "0") or 0) if sdk is not None else 0
    f = []

    def add(cid, sev, where, msg):
        f.append((cid, sev, where, msg))

    if attr(app, "debuggable") == "true":
        add("AM01", "High", "application", "android:debuggable=true")
    backup = attr(app, "allowBackup")
    if backup in (None, "true") and not (attr(app, "dataExtractionRules") or attr(app, "fullBackupContent")):
        add("AM02", "Medium", "application", f"allowBackup={backup or 'unset (defaults true)'} with no backup rules")
    if attr(app, "usesCleartextTraffic") == "true":
        add("AM07", "Medium", "application", "usesCleartextTraffic=true")

    custom_perms = {attr(p, "name"): attr(p, "protectionLevel", "normal") for p in root.findall("permission")}
    for name, level in custom_perms.items():
        if level in ("normal", "dangerous"):
            add("AM06", "Medium", name, f"custom permission protectionLevel={level}; any app can obtain it")

    for kind in ("activity", "activity-alias", "service", "receiver", "provider"):
        for c in app.findall(kind):
            name = attr(c, "name") or attr(c, "targetActivity")
            filters = c.findall("intent-filter")
            exported = attr(c, "exported")
            perm = attr(c, "permission") or (attr(c, "readPermission") if kind == "provider" else None)
            implicit = exported is None and filters and target < 31
            if kind == "provider" and exported is None and target < 17:
                implicit = True
            is_exported = exported == "true" or implicit
            if exported is None and filters:
                add("AM04", "Medium" if target < 31 else "Info", f"{kind} {name}",
                    "intent-filter without explicit android:exported" + (" (implicitly exported)" if implicit else ""))
            if is_exported and not perm:
                launcher = any(cat.get(A + "name") == "android.intent.category.LAUNCHER" for fl in filters for cat in fl.findall("category"))
                if not launcher:
                    add("AM03", "High" if kind == "provider" else "Medium", f"{kind} {name}", "exported without permission")
            elif is_exported and perm in custom_perms and custom_perms[perm] in ("normal", "dangerous"):
                add("AM03", "Medium", f"{kind} {name}", f"exported, guarded by weak custom permission {perm}")
            if kind == "provider" and attr(c, "grantUriPermissions") == "true":
                for g in c.findall("grant-uri-permission"):
                    if attr(g, "path") == "/" or attr(g, "pathPrefix") in ("/", "") or attr(g, "pathPattern") in (".*", "/.*"):
                        add("AM05", "High", f"provider {name}", "grantUriPermissions with root path")
            for fl in filters:
                auto = attr(fl, "autoVerify") == "true"
                for d in fl.findall("data"):
                    scheme, host = attr(d, "scheme"), attr(d, "host", "*")
                    if scheme == "http":
                        add("AM09", "Medium", f"{kind} {name}", f"http deep link host={host}")
                    elif scheme == "https" and not auto:
                        add("AM09", "Low", f"{kind} {name}", f"https link host={host} without autoVerify (not an App Link)")
                    elif scheme and scheme not in ("https", "content", "file"):
                        add("AM09", "Low", f"{kind} {name}", f"custom scheme {scheme}:// host={host} (any app can claim it)")
            if kind == "activity":
                aff = attr(c, "taskAffinity")
                if (aff not in (None, "", pkg)) and (attr(c, "launchMode") in ("singleTask", "singleInstance") or attr(c, "allowTaskReparenting") == "true"):
                    add("AM10", "Low", f"activity {name}", f"taskAffinity={aff} with {attr(c, 'launchMode') or 'allowTaskReparenting'}")

    for up in root.findall("uses-permission"):
        short = (attr(up, "name") or "").rsplit(".", 1)[-1]
        if short in DANGEROUS:
            add("AM11", "Info", "uses-permission", f"{short} requested; confirm justification")
    if min_sdk and min_sdk < 23:
        add("AM12", "Info", "uses-sdk", f"minSdkVersion={min_sdk}")

    if a.nsc and Path(a.nsc).exists():
        nsc = etree.parse(a.nsc).getroot()
        base = nsc.find("base-config")
        if base is not None and base.get("cleartextTrafficPermitted") == "true":
            add("AM07", "Medium", "network_security_config", "base-config permits cleartext")
        for dc in nsc.findall("domain-config"):
            if dc.get("cleartextTrafficPermitted") == "true":
                doms = [d.text for d in dc.findall("domain")]
                local = all(d in ("localhost", "10.0.2.2", "127.0.0.1") for d in doms)
                add("AM07", "Info" if local else "Medium", "network_security_config", f"cleartext permitted for {doms}")
        for cert in nsc.iter("certificates"):
            parent = cert.getparent().getparent()
            if cert.get("src") == "user" and parent.tag != "debug-overrides":
                add("AM08", "Medium", "network_security_config", "trusts user-installed CAs outside debug-overrides")

    order = {"High": 0, "Medium": 1, "Low": 2, "Info": 3}
    f.sort(key=lambda x: (order[x[1]], x[0]))
    lines = [f"# Manifest review: `{pkg}`", "", f"targetSdk {target}, minSdk {min_sdk}", "",
             "| ID | Severity | Where | Finding |", "|---|---|---|---|"]
    lines += [f"| {c} | {s} | `{w}` | {m} |" for c, s, w, m in f]
    lines += ["", "Automated findings only; follow up manually per SKILL.md before reporting."]
    Path(a.out).write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
