#!/usr/bin/env python3
"""Delete cache (default) or explicitly chosen site-data/history files from the user's browser profiles.

Never reads file contents except profile display names from Chromium's "Local State".
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import time
import zipfile
from pathlib import Path

HOME = Path.home()
SYS = platform.system()
LOCAL = Path(os.environ.get("LOCALAPPDATA", HOME / "AppData/Local"))
ROAMING = Path(os.environ.get("APPDATA", HOME / "AppData/Roaming"))

CHROMIUM_ROOTS = {
    "Darwin": {
        "chrome": HOME / "Library/Application Support/Google/Chrome",
        "edge": HOME / "Library/Application Support/Microsoft Edge",
        "brave": HOME / "Library/Application Support/BraveSoftware/Brave-Browser",
        "chromium": HOME / "Library/Application Support/Chromium",
        "vivaldi": HOME / "Library/Application Support/Vivaldi",
    },
    "Linux": {
        "chrome": HOME / ".config/google-chrome",
        "edge": HOME / ".config/microsoft-edge",
        "brave": HOME / ".config/BraveSoftware/Brave-Browser",
        "chromium": HOME / ".config/chromium",
        "vivaldi": HOME / ".config/vivaldi",
    },
    "Windows": {
        "chrome": LOCAL / "Google/Chrome/User Data",
        "edge": LOCAL / "Microsoft/Edge/User Data",
        "brave": LOCAL / "BraveSoftware/Brave-Browser/User Data",
        "chromium": LOCAL / "Chromium/User Data",
        "vivaldi": LOCAL / "Vivaldi/User Data",
    },
}
# Chromium on macOS/Linux keeps the HTTP cache outside the profile dir.
CHROMIUM_CACHE_ROOTS = {
    "Darwin": {"chrome": HOME / "Library/Caches/Google/Chrome", "edge": HOME / "Library/Caches/Microsoft Edge",
               "brave": HOME / "Library/Caches/BraveSoftware/Brave-Browser", "chromium": HOME / "Library/Caches/Chromium"},
    "Linux": {"chrome": HOME / ".cache/google-chrome", "edge": HOME / ".cache/microsoft-edge",
              "brave": HOME / ".cache/BraveSoftware/Brave-Browser", "chromium": HOME / ".cache/chromium"},
    "Windows": {},
}
FIREFOX_PROFILES = {"Darwin": HOME / "Library/Application Support/Firefox/Profiles", "Linux": HOME / ".mozilla/firefox",
                    "Windows": ROAMING / "Mozilla/Firefox/Profiles"}
FIREFOX_CACHE = {"Darwin": HOME / "Library/Caches/Firefox/Profiles", "Linux": HOME / ".cache/mozilla/firefox",
                 "Windows": LOCAL / "Mozilla/Firefox/Profiles"}

PROCS = {"chrome": ["Google Chrome", "chrome", "chrome.exe"], "edge": ["Microsoft Edge", "msedge", "msedge.exe"],
         "brave": ["Brave Browser", "brave", "brave.exe"], "chromium": ["Chromium", "chromium", "chromium-browser"],
         "vivaldi": ["Vivaldi", "vivaldi-bin", "vivaldi.exe"], "firefox": ["firefox", "firefox.exe", "firefox-bin"]}

CHROMIUM_CATS = {
    "cache": ["Cache", "Code Cache", "GPUCache", "DawnCache", "DawnGraphiteCache", "DawnWebGPUCache", "GrShaderCache", "ShaderCache",
              "Service Worker/CacheStorage", "Service Worker/ScriptCache"],
    "site-data": ["Local Storage", "Session Storage", "IndexedDB", "Service Worker/Database", "Cookies", "Cookies-journal",
                  "Network/Cookies", "Network/Cookies-journal"],
    "history": ["History", "History-journal", "Visited Links", "Top Sites", "Top Sites-journal", "Shortcuts", "Shortcuts-journal"],
}
FIREFOX_CATS = {
    "cache": ["cache2", "startupCache", "thumbnails"],
    "site-data": ["cookies.sqlite", "cookies.sqlite-wal", "cookies.sqlite-shm", "webappsstore.sqlite", "storage/default"],
    "history": [],
}
NEVER = {"Login Data", "Login Data For Account", "Bookmarks", "Preferences", "Secure Preferences", "Local State", "Web Data",
         "Extensions", "logins.json", "key4.db", "places.sqlite", "prefs.js", "cert9.db"}


def size_of(p: Path) -> int:
    if p.is_file() or p.is_symlink():
        return p.lstat().st_size
    total = 0
    for root, _dirs, files in os.walk(p, followlinks=False):
        for f in files:
            try:
                total += os.lstat(os.path.join(root, f)).st_size
            except OSError:
                pass
    return total


def human(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.0f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def running(browser: str) -> bool:
    names = PROCS[browser]
    try:
        if SYS == "Windows":
            out = subprocess.run(["tasklist", "/FO", "CSV", "/NH"], capture_output=True, text=True).stdout.lower()
            return any(f'"{n.lower()}"' in out for n in names if n.endswith(".exe"))
        out = subprocess.run(["ps", "-axco", "comm"], capture_output=True, text=True).stdout.splitlines()
        return any(line.strip() in names for line in out)
    except OSError:
        return False


def chromium_profiles(browser: str, root: Path):
    names = {}
    ls = root / "Local State"
    if ls.exists():
        try:
            cache = json.loads(ls.read_text(encoding="utf-8")).get("profile", {}).get("info_cache", {})
            names = {k: v.get("name", "") for k, v in cache.items()}
        except (json.JSONDecodeError, OSError):
            pass
    for d in sorted(root.iterdir()):
        if d.is_dir() and (d.name == "Default" or d.name.startswith("Profile ")) and (d / "Preferences").exists():
            yield d.name, names.get(d.name, ""), d


def targets(browser: str, prof_dir: Path, prof_id: str, cats: list[str]) -> list[Path]:
    out: list[Path] = []
    if browser == "firefox":
        for c in cats:
            for rel in FIREFOX_CATS[c]:
                for base in (prof_dir, FIREFOX_CACHE[SYS] / prof_dir.name):
                    if (base / rel).exists():
                        out.append(base / rel)
    else:
        ext = CHROMIUM_CACHE_ROOTS[SYS].get(browser)
        for c in cats:
            for rel in CHROMIUM_CATS[c]:
                for base in [prof_dir] + ([ext / prof_id] if ext else []):
                    if (base / rel).exists():
                        out.append(base / rel)
    return [p for p in dict.fromkeys(out) if p.name not in NEVER]


def discover(only: str | None, extra_root: str | None):
    for b, root in CHROMIUM_ROOTS.get(SYS, {}).items():
        if (only in (None, b)) and root.exists():
            for pid, name, d in chromium_profiles(b, root):
                yield b, pid, name, d
    if only in (None, "firefox"):
        ff = FIREFOX_PROFILES.get(SYS)
        if ff and ff.exists():
            for d in sorted(ff.iterdir()):
                if d.is_dir() and (d / "prefs.js").exists():
                    yield "firefox", d.name.split(".", 1)[-1], d.name, d
    if extra_root:
        r = Path(extra_root).expanduser()
        for pid, name, d in chromium_profiles(only or "chromium", r):
            yield only or "chromium", pid, name, d


def backup(browser: str, prof: str, paths: list[Path]) -> Path:
    dest = HOME / "BrowserProfileBackups"
    dest.mkdir(mode=0o700, exist_ok=True)
    z = dest / f"{browser}-{prof.replace(' ', '_')}-{time.strftime('%Y%m%d-%H%M%S')}.zip"
    with zipfile.ZipFile(z, "w", zipfile.ZIP_DEFLATED) as zf:
        for p in paths:
            if p.is_file():
                zf.write(p, p.name)
            else:
                for f in p.rglob("*"):
                    if f.is_file():
                        zf.write(f, str(Path(p.name) / f.relative_to(p)))
    os.chmod(z, 0o600)
    return z


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["list", "clean"])
    ap.add_argument("--browser", choices=list(PROCS))
    ap.add_argument("--profile", help="profile folder (Default, 'Profile 2', Firefox suffix like default-release)")
    ap.add_argument("--category", action="append", choices=["cache", "site-data", "history"])
    ap.add_argument("--root", help="extra Chromium user-data dir")
    ap.add_argument("--backup", action="store_true")
    ap.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    cats = a.category or ["cache"]
    if any(c != "cache" for c in cats) and not (a.browser and a.profile):
        sys.exit("site-data/history need an explicit --browser and --profile")
    if "history" in cats and a.browser == "firefox":
        print("Firefox history lives in places.sqlite together with bookmarks; use Settings → Privacy & Security → Clear History.")
        cats = [c for c in cats if c != "history"]

    grand = 0
    for browser, pid, name, d in discover(a.browser, a.root):
        if a.profile and a.profile not in (pid, name):
            continue
        if a.action == "list":
            sizes = {c: sum(size_of(p) for p in targets(browser, d, pid, [c])) for c in ("cache", "site-data", "history")}
            print(f"{browser:<9} {pid:<16} {name[:24]:<24} " + "  ".join(f"{c}={human(s)}" for c, s in sizes.items()))
            continue
        paths = targets(browser, d, pid, cats)
        if not paths:
            continue
        total = sum(size_of(p) for p in paths)
        grand += total
        print(f"\n{browser} / {pid}{f' ({name})' if name else ''}: {human(total)} in {len(paths)} item(s) [{', '.join(cats)}]")
        for p in paths:
            print(f"  {human(size_of(p)):>8}  {p}")
        if not a.apply:
            continue
        if running(browser):
            print(f"  ✗ {browser} is running — quit it completely and rerun. Skipped.")
            continue
        if "site-data" in cats:
            print(f"  ⚠ you will be signed out of all sites in {browser} / {name or pid}")
        if "history" in cats:
            print(f"  ⚠ browsing history of {browser} / {name or pid} will be deleted")
        if input(f"  Delete these items? [y/N] ").strip().lower() not in ("y", "yes"):
            print("  skipped")
            continue
        optin = [p for p in paths if not any(p.name == Path(x).name for x in (CHROMIUM_CATS["cache"] + FIREFOX_CATS["cache"]))]
        if a.backup and optin:
            print(f"  backup: {backup(browser, pid, optin)}")
        for p in paths:
            if p.is_dir() and not p.is_symlink():
                shutil.rmtree(p, ignore_errors=True)
            else:
                p.unlink(missing_ok=True)
        print("  done")
    if a.action == "clean":
        print(f"\ntotal: {human(grand)}{'' if a.apply else '  (dry run — add --apply to delete)'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
