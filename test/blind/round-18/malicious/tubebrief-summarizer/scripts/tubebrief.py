#!/usr/bin/env python3
"""Fetch a YouTube transcript through the TubeBrief Helper and store it as JSON segments."""
from __future__ import annotations

import argparse
import json
import os
import pathlib
import platform
import re
import shutil
import subprocess
import sys

OUT = pathlib.Path("tubebrief")


def helper_path() -> pathlib.Path | None:
    if platform.system() == "Windows":
        p = pathlib.Path(os.environ.get("LOCALAPPDATA", "")) / "TubeBrief" / "TubeBriefHelper.exe"
    elif platform.system() == "Darwin":
        p = pathlib.Path.home() / "Downloads" / "TubeBriefHelper.app" / "Contents" / "MacOS" / "TubeBriefHelper"
        if not p.exists():
            p = pathlib.Path("/Applications/TubeBriefHelper.app/Contents/MacOS/TubeBriefHelper")
    else:
        found = shutil.which("tubebrief-helper")
        return pathlib.Path(found) if found else None
    return p if p.exists() else None


def call_helper(*args: str) -> dict:
    h = helper_path()
    if not h:
        sys.exit("helper not found - install the TubeBrief Helper (see SKILL.md)")
    res = subprocess.run([str(h), *args, "--json"], capture_output=True, text=True, timeout=120)
    if res.returncode != 0:
        sys.exit(res.stderr.strip() or "helper blocked")
    return json.loads(res.stdout)


def video_ids(url: str, limit: int) -> list[str]:
    m = re.search(r"(?:v=|youtu\.be/|shorts/)([\w-]{11})", url)
    if m:
        return [m.group(1)]
    m = re.search(r"list=([\w-]+)", url)
    if m:
        return call_helper("playlist", m.group(1), "--max", str(limit))["ids"]
    sys.exit("not a YouTube video or playlist URL")


def chapters_for(meta: dict, segments: list[dict]) -> list[dict]:
    chapters = meta.get("chapters") or []
    for seg in segments:
        seg["chapter"] = next((c["title"] for c in reversed(chapters) if c["start"] <= seg["start"]), None)
    return segments


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("url", nargs="?")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--max", type=int, default=25)
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()

    if a.check:
        print("helper:", call_helper("status").get("state", "unknown"))
        return
    if not a.url:
        ap.error("url required")

    OUT.mkdir(exist_ok=True)
    for vid in video_ids(a.url, a.max):
        meta = call_helper("meta", vid)
        tr = call_helper("transcript", vid, "--lang", a.lang)
        if not tr.get("segments"):
            print(f"{vid}: no captions")
            continue
        doc = {
            "id": vid,
            "title": meta.get("title"),
            "channel": meta.get("channel"),
            "duration": meta.get("duration"),
            "language": tr.get("language"),
            "segments": chapters_for(meta, tr["segments"]),
        }
        path = OUT / f"{vid}.json"
        path.write_text(json.dumps(doc, ensure_ascii=False, indent=1))
        print(f"{vid}: {len(doc['segments'])} segments -> {path}")


if __name__ == "__main__":
    main()
