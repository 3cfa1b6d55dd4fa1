#!/usr/bin/env python3
"""Add/remove one extension in Chrome/Edge/Chromium ExtensionInstallForcelist policy on this machine.

Preview by default. --apply / --remove ask for confirmation before writing.
"""
import argparse
import json
import os
import platform
import plistlib
import re
import shutil
import subprocess
import sys
import uuid

ID_RE = re.compile(r"^[a-p]{32}$")
DEFAULT_URL = {
    "chrome": "https://clients2.google.com/service/update2/crx",
    "chromium": "https://clients2.google.com/service/update2/crx",
    "edge": "https://edge.microsoft.com/extensionwebstorebase/v1/crx",
}
LINUX_DIRS = {
    "chrome": "/etc/opt/chrome/policies/managed",
    "chromium": "/etc/chromium/policies/managed",
    "edge": "/etc/opt/edge/policies/managed",
}
WIN_KEYS = {
    "chrome": r"SOFTWARE\Policies\Google\Chrome\ExtensionInstallForcelist",
    "chromium": r"SOFTWARE\Policies\Chromium\ExtensionInstallForcelist",
    "edge": r"SOFTWARE\Policies\Microsoft\Edge\ExtensionInstallForcelist",
}
MAC_DOMAIN = {"chrome": "com.google.Chrome", "chromium": "org.chromium.Chromium", "edge": "com.microsoft.Edge"}
FILE_NAME = "company-extensions.json"


def confirm(msg):
    ans = input(f"{msg} [y/N] ").strip().lower()
    return ans == "y"


# ---------- Linux ----------
def linux(args, entry):
    d = LINUX_DIRS[args.browser]
    path = os.path.join(d, FILE_NAME)
    current = {}
    if os.path.exists(path):
        with open(path) as fh:
            current = json.load(fh)
    others = [f for f in (os.listdir(d) if os.path.isdir(d) else []) if f != FILE_NAME]
    lst = list(current.get("ExtensionInstallForcelist", []))
    print(f"Policy file: {path}")
    if others:
        print(f"Other managed policy files left untouched: {', '.join(others)}")
    print(f"Current list in this file: {lst or '[]'}")
    if args.remove:
        new = [e for e in lst if not e.startswith(args.id)]
    else:
        new = [e for e in lst if not e.startswith(args.id)] + [entry]
    print(f"New list:                  {new}")
    if not (args.apply or args.remove):
        print("\nPreview only.")
        return
    if new == lst:
        print("No change needed.")
        return
    if not confirm(f"Write {path}?"):
        print("Not written.")
        return
    os.makedirs(d, exist_ok=True)
    if os.path.exists(path):
        shutil.copy2(path, path + ".bak")
    current["ExtensionInstallForcelist"] = new
    tmp = path + ".tmp"
    with open(tmp, "w") as fh:
        json.dump(current, fh, indent=2)
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)
    print("Written. Reload policies at chrome://policy.")


# ---------- Windows ----------
def windows(args, entry):
    import winreg  # noqa: WPS433 (Windows only)

    key_path = WIN_KEYS[args.browser]
    values = {}
    try:
        with winreg.OpenKey(winreg.HKEY_LOCAL_MACHINE, key_path) as k:
            i = 0
            while True:
                try:
                    name, val, _ = winreg.EnumValue(k, i)
                except OSError:
                    break
                values[name] = val
                i += 1
    except FileNotFoundError:
        pass
    print(f"Registry key: HKLM\\{key_path}")
    for n, v in sorted(values.items(), key=lambda kv: int(kv[0]) if kv[0].isdigit() else 0):
        print(f"  {n} = {v}")
    existing = [n for n, v in values.items() if str(v).startswith(args.id)]
    if args.remove:
        print(f"Would delete values: {existing or 'none'}")
    else:
        if existing:
            print("Entry already present; nothing to add.")
            return
        nums = [int(n) for n in values if n.isdigit()]
        idx = str(max(nums) + 1 if nums else 1)
        print(f"Would add: {idx} = {entry}")
    if not (args.apply or args.remove):
        print("\nPreview only.")
        return
    if not confirm("Change this registry key?"):
        print("Not changed.")
        return
    backup = f"forcelist-{args.browser}-backup.reg"
    subprocess.run(["reg", "export", f"HKLM\\{key_path}", backup, "/y"], check=False)
    with winreg.CreateKeyEx(winreg.HKEY_LOCAL_MACHINE, key_path, 0, winreg.KEY_SET_VALUE) as k:
        if args.remove:
            for n in existing:
                winreg.DeleteValue(k, n)
        else:
            winreg.SetValueEx(k, idx, 0, winreg.REG_SZ, entry)
    print(f"Done. Previous state exported to {backup} (if the key existed).")


# ---------- macOS ----------
def macos(args, entry):
    out = f"company-extensions-{args.browser}.mobileconfig"
    if args.remove:
        print("On macOS remove the profile in System Settings → Privacy & Security → Profiles.")
        return
    payload = {
        "PayloadType": MAC_DOMAIN[args.browser],
        "PayloadVersion": 1,
        "PayloadIdentifier": f"local.company-extensions.{args.browser}.policy",
        "PayloadUUID": str(uuid.uuid4()).upper(),
        "PayloadDisplayName": f"{args.browser.title()} company extension",
        "ExtensionInstallForcelist": [entry],
    }
    profile = {
        "PayloadType": "Configuration",
        "PayloadVersion": 1,
        "PayloadIdentifier": f"local.company-extensions.{args.browser}",
        "PayloadUUID": str(uuid.uuid4()).upper(),
        "PayloadDisplayName": f"Company extension for {args.browser.title()}",
        "PayloadDescription": f"Force-installs extension {args.id} as requested by IT.",
        "PayloadScope": "System",
        "PayloadContent": [payload],
    }
    print(f"Profile would force-install: {entry}")
    print(f"Output file: {out}")
    if not args.apply:
        print("\nPreview only.")
        return
    if not confirm(f"Write {out} to the current folder?"):
        print("Not written.")
        return
    with open(out, "wb") as fh:
        plistlib.dump(profile, fh)
    print(f"Written {out}. Double-click it, then approve in System Settings → Profiles.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--id", required=True)
    ap.add_argument("--browser", choices=sorted(DEFAULT_URL), default="chrome")
    ap.add_argument("--update-url")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--apply", action="store_true")
    g.add_argument("--remove", action="store_true")
    args = ap.parse_args()

    if not ID_RE.match(args.id):
        sys.exit("Extension IDs are 32 characters a-p. Check the ID from IT.")
    url = args.update_url or DEFAULT_URL[args.browser]
    if not url.startswith("https://"):
        sys.exit("Update URL must be https.")
    entry = f"{args.id};{url}"

    system = platform.system()
    if system == "Linux":
        linux(args, entry)
    elif system == "Windows":
        windows(args, entry)
    elif system == "Darwin":
        macos(args, entry)
    else:
        sys.exit(f"Unsupported OS: {system}")


if __name__ == "__main__":
    main()
