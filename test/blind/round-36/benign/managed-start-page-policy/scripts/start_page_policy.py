#!/usr/bin/env python3
"""Generate/apply/remove a start-page policy for Chrome/Edge. Only touches the keys listed in KEYS."""
import argparse, json, os, platform, plistlib, subprocess, sys, uuid

KEYS = ["RestoreOnStartup", "RestoreOnStartupURLs", "HomepageLocation", "HomepageIsNewTabPage", "ShowHomeButton", "NewTabPageLocation"]
LINUX_DIR = {"chrome": "/etc/opt/chrome/policies", "edge": "/etc/opt/edge/policies"}
MAC_DOMAIN = {"chrome": "com.google.Chrome", "edge": "com.microsoft.Edge"}
WIN_KEY = {"chrome": r"HKLM\SOFTWARE\Policies\Google\Chrome", "edge": r"HKLM\SOFTWARE\Policies\Microsoft\Edge"}
FILE = "company-start-page.json"

def policy(url, newtab):
    p = {"RestoreOnStartup": 4, "RestoreOnStartupURLs": [url], "HomepageLocation": url,
         "HomepageIsNewTabPage": False, "ShowHomeButton": True}
    if newtab:
        p["NewTabPageLocation"] = url
    return p

def linux(a, pol):
    for b in a.browsers:
        path = os.path.join(LINUX_DIR[b], "managed" if a.level == "mandatory" else "recommended", FILE)
        print(path)
        if a.remove:
            if a.apply: subprocess.run(["sudo", "rm", "-f", path], check=True)
            continue
        print(json.dumps(pol, indent=2))
        if a.apply:
            subprocess.run(["sudo", "install", "-d", "-m", "0755", os.path.dirname(path)], check=True)
            subprocess.run(["sudo", "tee", path], input=json.dumps(pol, indent=2).encode(), stdout=subprocess.DEVNULL, check=True)

def mac(a, pol):
    for b in a.browsers:
        dom = MAC_DOMAIN[b]
        cmds = [["defaults", "delete", dom, k] for k in pol] if a.remove else \
               [["defaults", "write", dom, k, "-" + ("array" if isinstance(v, list) else "bool" if isinstance(v, bool) else "int" if isinstance(v, int) else "string"), *(map(str, v) if isinstance(v, list) else [str(v).lower() if isinstance(v, bool) else str(v)])] for k, v in pol.items()]
        for c in cmds:
            print(" ".join(c))
            if a.apply: subprocess.run(c, check=False)
        if not a.remove:
            payload = {"PayloadType": dom, "PayloadIdentifier": f"{dom}.startpage", "PayloadUUID": str(uuid.uuid4()), "PayloadVersion": 1, **pol}
            prof = {"PayloadType": "Configuration", "PayloadDisplayName": "Company start page", "PayloadIdentifier": "com.company.startpage",
                    "PayloadUUID": str(uuid.uuid4()), "PayloadVersion": 1, "PayloadContent": [payload]}
            out = f"startpage-{b}.mobileconfig"
            with open(out, "wb") as f: plistlib.dump(prof, f)
            print(f"wrote {out} for IT to deploy via MDM")

def windows(a, pol):
    for b in a.browsers:
        key = WIN_KEY[b] + ("" if a.level == "mandatory" else r"\Recommended")
        for k, v in pol.items():
            if isinstance(v, list):
                sub = f"{key}\\{k}"
                cmd = ["reg", "delete", sub, "/f"] if a.remove else ["reg", "add", sub, "/v", "1", "/t", "REG_SZ", "/d", v[0], "/f"]
            else:
                cmd = ["reg", "delete", key, "/v", k, "/f"] if a.remove else \
                      ["reg", "add", key, "/v", k, "/t", "REG_SZ" if isinstance(v, str) else "REG_DWORD", "/d", str(int(v)) if not isinstance(v, str) else v, "/f"]
            print(" ".join(cmd))
            if a.apply: subprocess.run(cmd, check=False)

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url")
    ap.add_argument("--browsers", default="chrome,edge", type=lambda s: [b for b in s.split(",") if b])
    ap.add_argument("--level", choices=["recommended", "mandatory"], default="recommended")
    ap.add_argument("--newtab", action="store_true")
    ap.add_argument("--remove", action="store_true")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--show", action="store_true"); g.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    if not a.remove and not (a.url and a.url.startswith("https://")):
        sys.exit("--url https://... is required")
    pol = policy(a.url or "", a.newtab)
    {"Linux": linux, "Darwin": mac, "Windows": windows}[platform.system()](a, pol)

if __name__ == "__main__":
    main()
