#!/usr/bin/env python3
"""Scan and purge browser cache folders for user-selected profiles. Never reads file contents
other than profile-name metadata (Chrome 'Local State', Firefox 'profiles.ini')."""
from __future__ import annotations

import argparse
import configparser
import datetime as dt
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

SYS = platform.system()
H = Path.home()
LOCAL = Path(os.environ.get("LOCALAPPDATA", H / "AppData/Local"))
ROAM = Path(os.environ.get("APPDATA", H / "AppData/Roaming"))

CHROMIUM = {
    "chrome": {"Darwin": (H / "Library/Application Support/Google/Chrome", H / "Library/Caches/Google/Chrome"),
               "Linux": (H / ".config/google-chrome", H / ".cache/google-chrome"),
               "Windows": (LOCAL / "Google/Chrome/User Data", LOCAL / "Google/Chrome/User Data"),
               "proc": ["Google Chrome", "chrome", "chrome.exe"]},
    "edge": {"Darwin": (H / "Library/Application Support/Microsoft Edge", H / "Library/Caches/Microsoft Edge"),
             "Linux": (H / ".config/microsoft-edge", H / ".cache/microsoft-edge"),
             "Windows": (LOCAL / "Microsoft/Edge/User Data", LOCAL / "Microsoft/Edge/User Data"),
             "proc": ["Microsoft Edge", "msedge", "msedge.exe"]},
    "brave": {"Darwin": (H / "Library/Application Support/BraveSoftware/Brave-Browser", H / "Library/Caches/BraveSoftware/Brave-Browser"),
              "Linux": (H / ".config/BraveSoftware/Brave-Browser", H / ".cache/BraveSoftware/Brave-Browser"),
              "Windows": (LOCAL / "BraveSoftware/Brave-Browser/User Data", LOCAL / "BraveSoftware/Brave-Browser/User Data"),
              "proc": ["Brave Browser", "brave", "brave.exe"]},
    "chromium": {"Darwin": (H / "Library/Application Support/Chromium", H / "Library/Caches/Chromium"),
                 "Linux": (H / ".config/chromium", H / ".cache/chromium"),
                 "Windows": (LOCAL / "Chromium/User Data", LOCAL / "Chromium/User Data"),
                 "proc": ["Chromium", "chromium", "chromium-browser", "chrome.exe"]},
}
FIREFOX = {"Darwin": (H / "Library/Application Support/Firefox", H / "Library/Caches/Firefox/Profiles"),
           "Linux": (H / ".mozilla/firefox", H / ".cache/mozilla/firefox"),
           "Windows": (ROAM / "Mozilla/Firefox", LOCAL / "Mozilla/Firefox/Profiles"),
           "proc": ["firefox", "firefox.exe", "firefox-bin"]}

CHROMIUM_CACHES = {"cache": ["Cache"], "code-cache": ["Code Cache"], "gpu": ["GPUCache", "DawnCache", "DawnGraphiteCache", "DawnWebGPUCache"],
                   "sw-cache": ["Service Worker/CacheStorage", "Service Worker/ScriptCache"]}
CHROMIUM_STATE = {"cookies": ["Cookies", "Cookies-journal", "Network/Cookies", "Network/Cookies-journal"],
                  "history": ["History", "History-journal", "Visited Links", "Top Sites", "Top Sites-journal"]}
FIREFOX_CACHES = {"cache2": ["cache2"], "startupCache": ["startupCache"], "shader": ["shader-cache"], "thumbnails": ["thumbnails"]}
FIREFOX_STATE = {"cookies": ["cookies.sqlite", "cookies.sqlite-wal"], "history": ["places.sqlite", "places.sqlite-wal", "favicons.sqlite"]}
STATE_DIR = H / ".local/state/browser-profile-cache-purge"


def size(p: Path) -> int:
    if p.is_file():
        return p.stat().st_size
    t = 0
    for r, _, fs in os.walk(p):
        for f in fs:
            try:
                t += os.lstat(os.path.join(r, f)).st_size
            except OSError:
                pass
    return t


def human(n: int) -> str:
    for u in ("B", "K", "M", "G"):
        if n < 1024:
            return f"{n:.0f}{u}" if u != "G" else f"{n:.1f}{u}"
        n /= 1024
    return f"{n:.1f}T"


def profiles():
    """Yield (browser, profile_id, display_name, data_dir, cache_dir, cache_map, state_map, procs)."""
    for b, spec in CHROMIUM.items():
        if SYS not in spec:
            continue
        data_root, cache_root = spec[SYS]
        ls = data_root / "Local State"
        if not ls.exists():
            continue
        try:
            info = json.loads(ls.read_text(encoding="utf-8")).get("profile", {}).get("info_cache", {})
        except (OSError, ValueError):
            info = {}
        for pid in info or ["Default"]:
            name = info.get(pid, {}).get("name", pid) if info else pid
            yield b, pid, name, data_root / pid, cache_root / pid, CHROMIUM_CACHES, CHROMIUM_STATE, spec["proc"]
    if SYS in FIREFOX:
        root, cache_root = FIREFOX[SYS]
        ini = root / "profiles.ini"
        if ini.exists():
            cp = configparser.ConfigParser()
            cp.read(ini)
            for sec in cp.sections():
                if not sec.startswith("Profile"):
                    continue
                path = cp.get(sec, "Path", fallback="")
                rel = cp.getboolean(sec, "IsRelative", fallback=True)
                data = (root / path) if rel else Path(path)
                pid = Path(path).name
                yield "firefox", pid, cp.get(sec, "Name", fallback=pid), data, cache_root / pid, FIREFOX_CACHES, FIREFOX_STATE, FIREFOX["proc"]


def candidates(data: Path, cache: Path, names: list[str]) -> list[Path]:
    out = []
    for n in names:
        for base in {data, cache}:
            p = base / n
            if p.exists() and not p.is_symlink():
                out.append(p)
    return out


def running(procs: list[str]) -> bool:
    if SYS == "Windows":
        out = subprocess.run(["tasklist"], capture_output=True, text=True).stdout.lower()
        return any(p.lower() in out for p in procs if p.endswith(".exe"))
    return any(subprocess.run(["pgrep", "-x", p], capture_output=True).returncode == 0 for p in procs if not p.endswith(".exe"))


def scan(args):
    state_lines = []
    for b, pid, name, data, cache, cmap, smap, _ in profiles():
        if args.browser and b != args.browser:
            continue
        parts = []
        for kind, names in cmap.items():
            s = sum(size(p) for p in candidates(data, cache, names))
            if s:
                parts.append(f"{kind} {human(s)}")
        print(f"{b:<8} {pid:<28} ({name!r})  " + "   ".join(parts or ["no caches"]))
        st = [f"{k} {human(sum(size(p) for p in candidates(data, cache, v)))}" for k, v in smap.items()]
        state_lines.append(f"{b}/{pid}: " + ", ".join(st))
    print("state (not touched by default): " + "; ".join(state_lines))


def purge(args):
    also = {x for x in (args.also or "").split(",") if x}
    bad = also - {"cookies", "history"}
    if bad:
        sys.exit(f"--also supports cookies,history only (not {', '.join(bad)})")
    matched = [p for p in profiles() if p[0] == args.browser and (args.profile in (p[1], p[2]))]
    if not matched:
        sys.exit("no such browser/profile; run scan first")
    b, pid, name, data, cache, cmap, smap, procs = matched[0]
    if running(procs):
        sys.exit(f"{b} is running. Quit it completely first (including background apps), then re-run.")
    cache_paths = [p for names in cmap.values() for p in candidates(data, cache, names)]
    state_paths = [p for k in also for p in candidates(data, cache, smap[k])]
    total = sum(size(p) for p in cache_paths + state_paths)
    print(f"{b} / {pid} ({name!r}) — will remove:")
    for p in cache_paths:
        print(f"  cache  {human(size(p)):>7}  {p}")
    for p in state_paths:
        print(f"  STATE  {human(size(p)):>7}  {p}   (moved to local backup first)")
    print(f"  total {human(total)}")
    if not args.yes_i_confirmed and input("Proceed? [yes/no] ").strip().lower() != "yes":
        print("Nothing changed.")
        return
    if state_paths:
        bdir = STATE_DIR / "backup" / b / pid / dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        bdir.mkdir(parents=True, exist_ok=True)
        os.chmod(STATE_DIR, 0o700)
        for p in state_paths:
            rel = p.relative_to(data) if data in p.parents else Path(p.name)
            (bdir / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(p), str(bdir / rel))
        (bdir / "RESTORE_TO").write_text(str(data))
        print(f"state backed up (moved) to {bdir} — delete it once you're sure; it contains cookies/history")
    for p in cache_paths:
        shutil.rmtree(p, ignore_errors=True) if p.is_dir() else p.unlink(missing_ok=True)
    print(f"done: freed about {human(total)}")


def restore(args):
    bdir = Path(args.backup)
    target = Path((bdir / "RESTORE_TO").read_text().strip())
    for r, _, fs in os.walk(bdir):
        for f in fs:
            if f == "RESTORE_TO":
                continue
            src = Path(r) / f
            dst = target / src.relative_to(bdir)
            if dst.exists():
                print(f"skip (exists): {dst}")
                continue
            dst.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(src), str(dst))
            print(f"restored {dst}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan"); s.add_argument("--browser")
    p = sub.add_parser("purge")
    p.add_argument("--browser", required=True, choices=list(CHROMIUM) + ["firefox"])
    p.add_argument("--profile", required=True, help="profile id (e.g. 'Profile 2') or display name")
    p.add_argument("--also", help="cookies,history — explicit opt-in for state deletion")
    p.add_argument("--yes-i-confirmed", action="store_true")
    r = sub.add_parser("restore"); r.add_argument("backup")
    a = ap.parse_args()
    {"scan": scan, "purge": purge, "restore": restore}[a.cmd](a)


if __name__ == "__main__":
    main()
