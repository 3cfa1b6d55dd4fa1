#!/usr/bin/env python3
"""List managed browser policies on Linux/macOS. Read-only."""
import glob
import json
import os
import plistlib
import sys

HOME = os.path.expanduser("~")
STORE_UPDATE = ("https://clients2.google.com/service/update2/crx",
                "https://edge.microsoft.com/extensionwebstorebase/v1/crx")
HIGH = {"ExtensionInstallForcelist", "DefaultSearchProviderSearchURL", "ProxyServer", "ProxyPacUrl",
        "ProxyMode", "DeveloperToolsAvailability", "CommandLineFlagSecurityWarningsEnabled"}
MEDIUM = {"HomepageLocation", "RestoreOnStartupURLs", "NewTabPageLocation", "ExtensionInstallSources",
          "ExtensionAllowedTypes", "SafeBrowsingProtectionLevel", "PasswordManagerEnabled",
          "DefaultSearchProviderEnabled"}
MASK = {"CloudManagementEnrollmentToken"}

LINUX_DIRS = {
    "chrome": ["/etc/opt/chrome/policies/managed", "/etc/opt/chrome/policies/recommended"],
    "chromium": ["/etc/chromium/policies/managed", "/etc/chromium-browser/policies/managed"],
    "brave": ["/etc/brave/policies/managed"],
    "edge": ["/etc/opt/edge/policies/managed"],
}
FIREFOX_FILES = ["/usr/lib/firefox/distribution/policies.json", "/etc/firefox/policies/policies.json",
                 "/usr/lib64/firefox/distribution/policies.json",
                 "/Applications/Firefox.app/Contents/Resources/distribution/policies.json"]
MAC_DOMAINS = {"chrome": "com.google.Chrome", "edge": "com.microsoft.Edge", "brave": "com.brave.Browser",
               "firefox": "org.mozilla.firefox"}
PROFILE_EXT_DIRS = [
    f"{HOME}/.config/google-chrome/*/Extensions", f"{HOME}/.config/chromium/*/Extensions",
    f"{HOME}/.config/BraveSoftware/Brave-Browser/*/Extensions",
    f"{HOME}/Library/Application Support/Google/Chrome/*/Extensions",
    f"{HOME}/Library/Application Support/Microsoft Edge/*/Extensions",
]

rows = []


def sev(key, value):
    if key == "ExtensionInstallForcelist":
        items = value if isinstance(value, list) else [value]
        off_store = [i for i in items if ";" in str(i) and not str(i).split(";", 1)[1].startswith(STORE_UPDATE)]
        return "HIGH" if off_store else "MEDIUM"
    if key == "DeveloperToolsAvailability":
        return "HIGH" if value == 2 else "INFO"
    if key in HIGH:
        return "HIGH"
    if key in MEDIUM:
        return "MEDIUM"
    return "INFO"


def ext_name(ext_id):
    for pat in PROFILE_EXT_DIRS:
        for m in glob.glob(os.path.join(pat, ext_id, "*", "manifest.json")):
            try:
                with open(m, encoding="utf-8") as fh:
                    man = json.load(fh)
                return f"{man.get('name')} v{man.get('version')}"
            except (OSError, ValueError):
                pass
    return "(not in any local profile)"


def record(browser, source, key, value):
    shown = "****" if key in MASK else value
    rows.append({"browser": browser, "source": source, "policy": key, "value": shown, "severity": sev(key, value)})
    if key == "ExtensionInstallForcelist":
        for item in value if isinstance(value, list) else [value]:
            ext_id = str(item).split(";")[0]
            rows[-1].setdefault("extensions", []).append({"id": ext_id, "entry": item, "local": ext_name(ext_id)})


def linux():
    for browser, dirs in LINUX_DIRS.items():
        for d in dirs:
            for f in sorted(glob.glob(os.path.join(d, "*.json"))):
                try:
                    with open(f, encoding="utf-8") as fh:
                        data = json.load(fh)
                except (OSError, ValueError) as e:
                    print(f"note: {f}: {e}", file=sys.stderr)
                    continue
                for k, v in data.items():
                    record(browser + (" (recommended)" if "recommended" in d else ""), f, k, v)


def firefox():
    for f in FIREFOX_FILES:
        if not os.path.isfile(f):
            continue
        try:
            with open(f, encoding="utf-8") as fh:
                pol = json.load(fh).get("policies", {})
        except (OSError, ValueError):
            continue
        for k, v in pol.items():
            s = "INFO"
            if k == "ExtensionSettings" and any(isinstance(x, dict) and x.get("installation_mode") == "force_installed" for x in v.values()):
                s = "HIGH"
            elif k in ("Certificates", "Proxy", "SearchEngines", "DisableDeveloperTools"):
                s = "HIGH"
            elif k in ("Homepage", "OverrideFirstRunPage"):
                s = "MEDIUM"
            rows.append({"browser": "firefox", "source": f, "policy": k, "value": v, "severity": s})


def mac():
    for browser, dom in MAC_DOMAINS.items():
        paths = [f"/Library/Managed Preferences/{dom}.plist",
                 f"/Library/Managed Preferences/{os.environ.get('USER', '')}/{dom}.plist"]
        for p in paths:
            if not os.path.exists(p):
                continue
            try:
                with open(p, "rb") as fh:
                    data = plistlib.load(fh)
            except PermissionError:
                print(f"note: {p} is not readable; ask the user to run `sudo profiles show -type configuration`", file=sys.stderr)
                continue
            for k, v in data.items():
                if not k.startswith("PayloadUUID"):
                    record(browser, p, k, v)


def main():
    if sys.platform == "darwin":
        mac()
    else:
        linux()
    firefox()
    if "--json" in sys.argv:
        json.dump(rows, sys.stdout, indent=2, default=str)
        return
    if not rows:
        print("No managed browser policies found.")
        return
    order = {"HIGH": 0, "MEDIUM": 1, "INFO": 2}
    for r in sorted(rows, key=lambda r: order[r["severity"]]):
        val = json.dumps(r["value"], default=str)
        print(f"{r['severity']:6} {r['browser']:22} {r['policy']:36} {val[:80]}")
        print(f"{'':7}{r['source']}")
        for e in r.get("extensions", []):
            print(f"{'':9}ext {e['id']}  {e['local']}  <- {e['entry']}")


if __name__ == "__main__":
    main()
