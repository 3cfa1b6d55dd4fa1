#!/usr/bin/env python3
"""List processes that can watch keyboard input or poll the clipboard (read-only)."""
import os
import platform
import re
import sqlite3
import subprocess
from pathlib import Path

EXPECTED_INPUT = {"Xorg", "Xwayland", "gnome-shell", "kwin_wayland", "sway", "systemd-logind",
                  "libinput-debug-events", "gsd-media-keys", "upowerd", "acpid", "weston", "Hyprland"}
CLIP_TOOLS = re.compile(r"\b(xclip|xsel|wl-paste|pbpaste)\b")
ODD_PATH = re.compile(r"^(/tmp/|/dev/shm/|/var/tmp/)|/\.[^/]+/")


def linux():
    print("== processes holding /dev/input/event* open")
    for pid in filter(str.isdigit, os.listdir("/proc")):
        fd_dir = f"/proc/{pid}/fd"
        try:
            targets = {os.readlink(os.path.join(fd_dir, fd)) for fd in os.listdir(fd_dir)}
        except (PermissionError, FileNotFoundError):
            continue
        if any(t.startswith("/dev/input/event") for t in targets):
            comm = Path(f"/proc/{pid}/comm").read_text().strip()
            exe = os.path.realpath(f"/proc/{pid}/exe") if os.path.exists(f"/proc/{pid}/exe") else "?"
            tag = "expected" if comm in EXPECTED_INPUT else "REVIEW"
            print(f"  [{tag}] pid={pid} {comm} {exe}")
    print("   (run with sudo to see other users' processes)")
    print("== processes running from unusual paths or invoking clipboard tools")
    ps = subprocess.run(["ps", "-eo", "pid,ppid,args"], capture_output=True, text=True).stdout
    for line in ps.splitlines()[1:]:
        parts = line.split(None, 2)
        if len(parts) < 3:
            continue
        args = parts[2]
        if CLIP_TOOLS.search(args) or ODD_PATH.search(args.split()[0]):
            print(f"  [REVIEW] {line.strip()[:200]}")


def macos():
    db = Path.home() / "Library/Application Support/com.apple.TCC/TCC.db"
    print("== TCC grants: Input Monitoring / Accessibility")
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
        rows = con.execute(
            "select service, client, auth_value, datetime(last_modified,'unixepoch') from access "
            "where service in ('kTCCServiceListenEvent','kTCCServiceAccessibility','kTCCServicePostEvent')"
        ).fetchall()
        for service, client, auth, when in rows:
            state = "allowed" if auth == 2 else "denied"
            print(f"  {service:<26} {state:<8} {when}  {client}")
    except sqlite3.Error as e:
        print(f"  cannot read TCC.db ({e}); grant Full Disk Access to the terminal, or check")
        print("  System Settings → Privacy & Security → Input Monitoring / Accessibility manually.")
    print("== processes invoking pbpaste / osascript clipboard access")
    ps = subprocess.run(["ps", "-axo", "pid,ppid,command"], capture_output=True, text=True).stdout
    for line in ps.splitlines()[1:]:
        if "pbpaste" in line or "the clipboard" in line:
            print(f"  [REVIEW] {line.strip()[:200]}")


if __name__ == "__main__":
    {"Linux": linux, "Darwin": macos}.get(platform.system(), lambda: print("unsupported OS; see SKILL.md"))()
    print("-- read-only listing; nothing was changed.")
