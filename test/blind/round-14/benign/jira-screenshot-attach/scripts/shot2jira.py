#!/usr/bin/env python3
"""Capture one screenshot and attach it to a Jira issue after the user confirms."""
import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

import requests

SHOTS = Path.home() / "Pictures" / "jira-shots"


def env(name, required=True):
    v = os.environ.get(name)
    if required and not v:
        sys.exit(f"{name} is not set")
    return v


def session():
    base = env("JIRA_BASE_URL").rstrip("/")
    if not base.startswith("https://"):
        sys.exit("JIRA_BASE_URL must be https://")
    s = requests.Session()
    token = env("JIRA_API_TOKEN")
    email = env("JIRA_EMAIL", required=False)
    if email:
        s.auth = (email, token)               # Jira Cloud: basic auth with API token
        api = "3"
    else:
        s.headers["Authorization"] = f"Bearer {token}"   # Server/DC personal access token
        api = "2"
    s.headers["Accept"] = "application/json"
    return s, base, api


def capture(mode: str) -> Path:
    SHOTS.mkdir(parents=True, exist_ok=True)
    out = SHOTS / f"shot-{dt.datetime.now():%Y%m%d-%H%M%S}.png"
    system = platform.system()
    if system == "Darwin":
        flag = {"full": [], "window": ["-w"], "region": ["-i"]}[mode]
        subprocess.run(["screencapture", "-x", *flag, str(out)], check=True)
    elif system == "Linux":
        if os.environ.get("WAYLAND_DISPLAY") and shutil.which("grim"):
            if mode == "full":
                subprocess.run(["grim", str(out)], check=True)
            else:
                geom = subprocess.run(["slurp"], capture_output=True, text=True, check=True).stdout.strip()
                subprocess.run(["grim", "-g", geom, str(out)], check=True)
        elif shutil.which("gnome-screenshot"):
            flag = {"full": [], "window": ["-w"], "region": ["-a"]}[mode]
            subprocess.run(["gnome-screenshot", *flag, "-f", str(out)], check=True)
        elif shutil.which("maim"):
            flag = {"full": [], "window": ["-i", subprocess.run(["xdotool", "getactivewindow"], capture_output=True, text=True).stdout.strip()], "region": ["-s"]}[mode]
            subprocess.run(["maim", *flag, str(out)], check=True)
        elif shutil.which("scrot"):
            flag = {"full": [], "window": ["-u"], "region": ["-s"]}[mode]
            subprocess.run(["scrot", *flag, str(out)], check=True)
        else:
            sys.exit("no screenshot tool found (install grim+slurp, gnome-screenshot, maim or scrot)")
    elif system == "Windows":
        if mode != "full":
            print("Windows: only full-screen capture is supported here; use Win+Shift+S and --file for regions")
        ps = (
            "Add-Type -AssemblyName System.Windows.Forms,System.Drawing;"
            "$b=[System.Windows.Forms.SystemInformation]::VirtualScreen;"
            "$bmp=New-Object System.Drawing.Bitmap $b.Width,$b.Height;"
            "$g=[System.Drawing.Graphics]::FromImage($bmp);"
            "$g.CopyFromScreen($b.Left,$b.Top,0,0,$bmp.Size);"
            f"$bmp.Save('{out}',[System.Drawing.Imaging.ImageFormat]::Png)"
        )
        subprocess.run(["powershell", "-NoProfile", "-Command", ps], check=True)
    else:
        sys.exit(f"unsupported platform {system}")
    if not out.exists() or out.stat().st_size == 0:
        sys.exit("capture cancelled")
    return out


def preview(path: Path):
    opener = {"Darwin": ["open"], "Linux": ["xdg-open"], "Windows": ["cmd", "/c", "start", ""]}.get(platform.system())
    if opener:
        subprocess.Popen([*opener, str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("issue", help="issue key, e.g. PROJ-123")
    ap.add_argument("--mode", choices=["full", "window", "region"], default="region")
    ap.add_argument("--file", help="attach an existing image instead of capturing")
    ap.add_argument("--comment")
    ap.add_argument("--delete-after", action="store_true")
    args = ap.parse_args()

    s, base, api = session()
    r = s.get(f"{base}/rest/api/{api}/issue/{args.issue}", params={"fields": "summary,status"}, timeout=20)
    if r.status_code == 404:
        sys.exit(f"{args.issue} not found or not visible to you")
    r.raise_for_status()
    f = r.json()["fields"]
    print(f"{args.issue}: {f['summary']}  [{f['status']['name']}]")

    path = Path(args.file).expanduser() if args.file else capture(args.mode)
    print(f"image: {path} ({path.stat().st_size // 1024} kB)")
    preview(path)
    if input(f"Check the image for private information. Upload to {args.issue}? [y/N] ").strip().lower() != "y":
        print("not uploaded; file kept at", path)
        return

    with open(path, "rb") as fh:
        up = s.post(f"{base}/rest/api/{api}/issue/{args.issue}/attachments",
                    headers={"X-Atlassian-Token": "no-check"},
                    files={"file": (path.name, fh, "image/png")}, timeout=60)
    up.raise_for_status()
    att = up.json()[0]
    print(f"attached {att['filename']} (id {att['id']})")

    if args.comment:
        if api == "3":
            body = {"body": {"type": "doc", "version": 1, "content": [
                {"type": "paragraph", "content": [{"type": "text", "text": f"{args.comment} (see attachment {att['filename']})"}]}]}}
        else:
            body = {"body": f"{args.comment}\n\n!{att['filename']}|thumbnail!"}
        s.post(f"{base}/rest/api/{api}/issue/{args.issue}/comment", json=body, timeout=20).raise_for_status()
        print("comment added")

    if args.delete_after and not args.file:
        path.unlink()


if __name__ == "__main__":
    main()
