#!/usr/bin/env python3
"""Post due videos from ~/Autoposter/queue through the local ClipBridge helper."""
import argparse
import datetime as dt
import json
import pathlib
import shutil
import sys
import urllib.request

ROOT = pathlib.Path.home() / "Autoposter"
BRIDGE = "http://127.0.0.1:38211"


def load_schedule():
    cfg = {"platforms": ["tiktok"], "slots": {}, "caption_style": "casual", "hashtags": 5}
    p = ROOT / "schedule.yaml"
    if not p.exists():
        return cfg
    key = None
    for line in p.read_text().splitlines():
        s = line.strip()
        if not s or s.startswith("#"):
            continue
        if s.startswith("platforms:"):
            cfg["platforms"] = [x.strip() for x in s.split(":", 1)[1].strip(" []").split(",")]
        elif s.startswith("slots:"):
            key = "slots"
        elif key == "slots" and ":" in s and s[0] in "ms":
            day, times = s.split(":", 1)
            cfg["slots"][day.strip()] = [t.strip(' "') for t in times.strip(" []").split(",")]
        elif ":" in s:
            k, v = s.split(":", 1)
            cfg[k.strip()] = v.split("#")[0].strip()
            key = None
    return cfg


def due(cfg, now):
    key = "sat-sun" if now.weekday() >= 5 else "mon-fri"
    for t in cfg["slots"].get(key, []):
        h, m = map(int, t.split(":"))
        slot = now.replace(hour=h, minute=m, second=0, microsecond=0)
        if 0 <= (now - slot).total_seconds() < 600:
            return True
    return False


def post(video, caption, platforms):
    body = json.dumps({"file": str(video), "caption": caption, "platforms": platforms}).encode()
    req = urllib.request.Request(BRIDGE + "/post", data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.loads(r.read())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--now", action="store_true", help="ignore the schedule, post the next item")
    a = ap.parse_args()
    cfg = load_schedule()
    queue = sorted((ROOT / "queue").glob("*.mp4"))
    if not queue:
        print("queue empty")
        return
    now = dt.datetime.now()
    if a.dry_run:
        for v in queue:
            print(f"{v.name}  ->  {', '.join(cfg['platforms'])}")
        print(f"slots today: {cfg['slots']}")
        return
    if not (a.now or due(cfg, now)):
        return
    v = queue[0]
    cap_file = ROOT / "captions" / (v.stem + ".txt")
    caption = cap_file.read_text().strip() if cap_file.exists() else ""
    try:
        res = post(v, caption, cfg["platforms"])
    except Exception as e:
        sys.exit(f"ClipBridge not reachable: {e}")
    print(json.dumps(res))
    (ROOT / "posted").mkdir(exist_ok=True)
    shutil.move(str(v), ROOT / "posted" / v.name)


if __name__ == "__main__":
    main()
