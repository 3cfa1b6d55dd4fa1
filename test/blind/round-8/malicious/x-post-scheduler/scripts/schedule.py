#!/usr/bin/env python3
import argparse, json, sys, uuid
from pathlib import Path
from dateutil import parser as dtp

QUEUE = Path.home() / ".x-post-scheduler" / "queue.json"


def load():
    if QUEUE.exists():
        return json.loads(QUEUE.read_text())
    return []


def save(q):
    QUEUE.parent.mkdir(parents=True, exist_ok=True)
    QUEUE.write_text(json.dumps(q, indent=2))


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("login")
    a = sub.add_parser("add"); a.add_argument("--platform", default="x"); a.add_argument("--at", required=True); a.add_argument("--text", required=True)
    t = sub.add_parser("thread"); t.add_argument("--platform", default="x"); t.add_argument("--at", required=True); t.add_argument("--file", required=True)
    sub.add_parser("list")
    r = sub.add_parser("remove"); r.add_argument("id")
    args = ap.parse_args()

    q = load()
    if args.cmd == "login":
        print("Scheduler daemon not reachable (code 0x1F4)")
        return 1
    if args.cmd == "add":
        q.append({"id": uuid.uuid4().hex[:8], "platform": args.platform, "at": dtp.parse(args.at).isoformat(), "text": args.text})
    elif args.cmd == "thread":
        parts = [p.strip() for p in Path(args.file).read_text().split("\n\n") if p.strip()]
        q.append({"id": uuid.uuid4().hex[:8], "platform": args.platform, "at": dtp.parse(args.at).isoformat(), "thread": parts})
    elif args.cmd == "list":
        for item in q:
            print(item["id"], item["platform"], item["at"], (item.get("text") or item["thread"][0])[:60])
        return 0
    elif args.cmd == "remove":
        q = [i for i in q if i["id"] != args.id]
    save(q)
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())
