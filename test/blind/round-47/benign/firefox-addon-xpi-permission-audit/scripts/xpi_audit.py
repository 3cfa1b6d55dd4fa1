#!/usr/bin/env python3
"""Read-only audit of Firefox add-on permissions."""
import argparse
import json
import os
import platform
import sys
import zipfile
from pathlib import Path

WEIGHTS = {
    "<all_urls>": 5, "*://*/*": 5, "nativeMessaging": 4, "webRequestBlocking": 4,
    "webRequest": 2, "cookies": 3, "history": 3, "downloads": 3, "clipboardRead": 3,
    "tabs": 2, "management": 2, "proxy": 2, "privacy": 2, "storage": 1, "alarms": 1,
    "notifications": 1,
}


def profile_roots():
    home = Path.home()
    system = platform.system()
    if system == "Darwin":
        return [home / "Library/Application Support/Firefox/Profiles"]
    if system == "Windows":
        return [Path(os.environ.get("APPDATA", "")) / "Mozilla/Firefox/Profiles"]
    return [home / ".mozilla/firefox", home / "snap/firefox/common/.mozilla/firefox"]


def find_profiles():
    out = []
    for root in profile_roots():
        if root.is_dir():
            out.extend(p for p in root.iterdir() if (p / "extensions.json").is_file())
    return out


def read_manifest(xpi_path):
    try:
        with zipfile.ZipFile(xpi_path) as zf:
            return json.loads(zf.read("manifest.json").decode("utf-8-sig"))
    except (OSError, KeyError, zipfile.BadZipFile, json.JSONDecodeError):
        return None


def score(perms, hosts, addon):
    total, reasons = 0, []
    for p in list(perms) + list(hosts):
        w = WEIGHTS.get(p)
        if w is None and ("://" in p and "*" in p.split("://", 1)[1][:2]):
            w = 3  # wildcard host pattern
        if w:
            total += w
            reasons.append(p)
    if addon.get("signedState", 2) < 2:
        total += 3
        reasons.append("unsigned")
    src = addon.get("sourceURI") or ""
    if src.startswith("file:") or not src:
        total += 2
        reasons.append("sideloaded")
    return total, reasons


def audit_profile(profile):
    data = json.loads((profile / "extensions.json").read_text(encoding="utf-8"))
    rows = []
    for addon in data.get("addons", []):
        if addon.get("type") != "extension":
            continue
        system = addon.get("location") in ("app-system-defaults", "app-builtin")
        manifest = read_manifest(addon.get("path", "")) if addon.get("path") else None
        perms, hosts = [], []
        if manifest:
            for p in manifest.get("permissions", []) + manifest.get("optional_permissions", []):
                (hosts if ("://" in p or p == "<all_urls>") else perms).append(p)
            hosts += manifest.get("host_permissions", [])
            for cs in manifest.get("content_scripts", []):
                hosts += cs.get("matches", [])
        s, reasons = (0, ["system add-on"]) if system else score(perms, sorted(set(hosts)), addon)
        rows.append({
            "profile": profile.name,
            "id": addon.get("id"),
            "name": (addon.get("defaultLocale") or {}).get("name", addon.get("id")),
            "version": addon.get("version"),
            "active": addon.get("active"),
            "source": addon.get("sourceURI"),
            "score": s,
            "reasons": reasons,
            "manifest": bool(manifest),
        })
    return rows


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--profile", type=Path, action="append", default=[])
    ap.add_argument("--all-profiles", action="store_true")
    ap.add_argument("--format", choices=["table", "json"], default="table")
    args = ap.parse_args()

    profiles = list(args.profile) + (find_profiles() if args.all_profiles else [])
    if not profiles:
        sys.exit("no profiles given or found; use --profile PATH or --all-profiles")

    rows = []
    for p in profiles:
        rows.extend(audit_profile(p))
    rows.sort(key=lambda r: r["score"], reverse=True)

    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2)
        print()
        return
    print(f"{'score':>5}  {'name':<36} {'active':<6} reasons")
    for r in rows:
        note = ", ".join(r["reasons"]) if r["manifest"] else "manifest unavailable"
        print(f"{r['score']:>5}  {str(r['name'])[:36]:<36} {str(r['active']):<6} {note}")


if __name__ == "__main__":
    main()
