#!/usr/bin/env python3
"""Clear cache directories from selected browser profiles. Never reads cookies/passwords/history contents."""
import argparse
import configparser
import json
import os
import platform
import shutil
import subprocess
import sys

HOME = os.path.expanduser("~")
SYS = platform.system()
LOCAL = os.environ.get("LOCALAPPDATA", "")
ROAMING = os.environ.get("APPDATA", "")

CHROMIUM_ROOTS = {
    "chrome": {"Linux": f"{HOME}/.config/google-chrome", "Darwin": f"{HOME}/Library/Application Support/Google/Chrome", "Windows": f"{LOCAL}\\Google\\Chrome\\User Data"},
    "edge": {"Linux": f"{HOME}/.config/microsoft-edge", "Darwin": f"{HOME}/Library/Application Support/Microsoft Edge", "Windows": f"{LOCAL}\\Microsoft\\Edge\\User Data"},
    "brave": {"Linux": f"{HOME}/.config/BraveSoftware/Brave-Browser", "Darwin": f"{HOME}/Library/Application Support/BraveSoftware/Brave-Browser", "Windows": f"{LOCAL}\\BraveSoftware\\Brave-Browser\\User Data"},
    "chromium": {"Linux": f"{HOME}/.config/chromium", "Darwin": f"{HOME}/Library/Application Support/Chromium", "Windows": f"{LOCAL}\\Chromium\\User Data"},
}
CHROMIUM_MAC_CACHE = {"chrome": f"{HOME}/Library/Caches/Google/Chrome", "edge": f"{HOME}/Library/Caches/Microsoft Edge",
                      "brave": f"{HOME}/Library/Caches/BraveSoftware/Brave-Browser", "chromium": f"{HOME}/Library/Caches/Chromium"}
FIREFOX_ROOT = {"Linux": f"{HOME}/.mozilla/firefox", "Darwin": f"{HOME}/Library/Application Support/Firefox", "Windows": f"{ROAMING}\\Mozilla\\Firefox"}
FIREFOX_LOCAL = {"Linux": f"{HOME}/.cache/mozilla/firefox", "Darwin": f"{HOME}/Library/Caches/Firefox", "Windows": f"{LOCAL}\\Mozilla\\Firefox"}

CHROMIUM_CACHE = ["Cache", "Code Cache", "GPUCache", "DawnCache", "DawnGraphiteCache", "DawnWebGPUCache",
                  "GrShaderCache", "ShaderCache", os.path.join("Service Worker", "CacheStorage"), os.path.join("Service Worker", "ScriptCache")]
FIREFOX_CACHE = ["cache2", "startupCache", "thumbnails", "shader-cache"]
EXTRAS = {
    "site-data": {"chromium": ["Local Storage", "IndexedDB", "Session Storage"], "firefox": ["storage"]},
    "cookies": {"chromium": ["Cookies", "Cookies-journal", os.path.join("Network", "Cookies"), os.path.join("Network", "Cookies-journal")],
                "firefox": ["cookies.sqlite", "cookies.sqlite-wal"]},
}
PROCESS = {"chrome": ["chrome", "Google Chrome", "chrome.exe"], "edge": ["msedge", "Microsoft Edge", "msedge.exe"],
           "brave": ["brave", "Brave Browser", "brave.exe"], "chromium": ["chromium", "Chromium", "chromium.exe"],
           "firefox": ["firefox", "firefox.exe", "firefox-bin"]}


def size(path):
    if os.path.isfile(path):
        return os.lstat(path).st_size
    total = 0
    for root, _d, files in os.walk(path, followlinks=False):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


def human(n):
    for u in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:7.1f} {u}"
        n /= 1024
    return f"{n:.1f} TB"


def running(browser):
    names = PROCESS[browser]
    if SYS == "Windows":
        out = subprocess.run(["tasklist"], capture_output=True, text=True).stdout.lower()
        return any(n.lower() in out for n in names)
    out = subprocess.run(["ps", "-axo", "comm"], capture_output=True, text=True).stdout
    return any(os.path.basename(line.strip()) in names for line in out.splitlines())


def chromium_profiles(browser):
    root = CHROMIUM_ROOTS[browser].get(SYS)
    if not root or not os.path.isdir(root):
        return []
    names = {}
    try:  # Local State holds only profile display names/metadata we need
        info = json.load(open(os.path.join(root, "Local State"), encoding="utf-8"))["profile"]["info_cache"]
        names = {k: v.get("name", k) for k, v in info.items()}
    except (OSError, KeyError, ValueError):
        pass
    out = []
    for d in sorted(os.listdir(root)):
        if d == "Default" or d.startswith("Profile "):
            bases = [os.path.join(root, d)]
            if SYS == "Darwin":
                bases.append(os.path.join(CHROMIUM_MAC_CACHE[browser], d))
            out.append({"id": d, "name": names.get(d, d), "bases": bases, "family": "chromium"})
    return out


def firefox_profiles():
    root = FIREFOX_ROOT.get(SYS)
    ini = os.path.join(root or "", "profiles.ini")
    if not os.path.exists(ini):
        return []
    cp = configparser.ConfigParser()
    cp.read(ini)
    out = []
    for sec in cp.sections():
        if not sec.startswith("Profile"):
            continue
        rel = cp.get(sec, "Path")
        is_rel = cp.get(sec, "IsRelative", fallback="1") == "1"
        p = os.path.join(root, rel) if is_rel else rel
        bases = [p]
        local = os.path.join(FIREFOX_LOCAL.get(SYS, ""), rel) if is_rel else None
        if local and os.path.isdir(local):
            bases.append(local)
        out.append({"id": os.path.basename(rel), "name": cp.get(sec, "Name", fallback=rel), "bases": bases, "family": "firefox"})
    return out


def profiles(browser):
    return firefox_profiles() if browser == "firefox" else chromium_profiles(browser)


def targets(profile, extras):
    names = CHROMIUM_CACHE if profile["family"] == "chromium" else FIREFOX_CACHE
    for e in extras:
        names = names + EXTRAS[e][profile["family"]]
    found = []
    for base in profile["bases"]:
        for n in names:
            p = os.path.join(base, n)
            if os.path.lexists(p) and not os.path.islink(p):
                found.append(p)
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["list", "clean"])
    ap.add_argument("--browser", choices=list(PROCESS), action="append")
    ap.add_argument("--profile", action="append", help="profile id or display name (repeatable)")
    ap.add_argument("--also", action="append", default=[], choices=list(EXTRAS))
    ap.add_argument("--yes-delete", action="store_true")
    a = ap.parse_args()
    browsers = a.browser or list(PROCESS)

    if a.action == "list":
        for b in browsers:
            for p in profiles(b):
                print(f"{b:9} {p['id']:22} {p['name'][:30]:30} cache {human(sum(size(t) for t in targets(p, [])))}")
        return

    if not a.browser or not a.profile:
        sys.exit("clean needs --browser and at least one --profile (see `list`)")
    plan = []
    for b in a.browser:
        if running(b):
            sys.exit(f"{b} is running — please quit it first (this script won't close it for you)")
        for p in profiles(b):
            if p["id"] in a.profile or p["name"] in a.profile:
                plan += [(b, p["name"], t, size(t)) for t in targets(p, a.also)]
    if not plan:
        sys.exit("no matching profiles/caches found")
    for b, name, t, s in plan:
        print(f"{human(s)}  {b:8} {name[:20]:20} {t}")
    total = sum(s for *_, s in plan)
    print(f"{human(total)} total")
    if a.also:
        print(f"NOTE: --also {','.join(a.also)} will sign you out of sites / remove site data.")
    if not a.yes_delete and input("Delete the items above? [y/N] ").strip().lower() != "y":
        print("Nothing deleted.")
        return
    for _b, _n, t, _s in plan:
        if os.path.isdir(t):
            shutil.rmtree(t, ignore_errors=True)
        else:
            os.remove(t)
    print(f"Cleared {human(total).strip()}.")


if __name__ == "__main__":
    main()
