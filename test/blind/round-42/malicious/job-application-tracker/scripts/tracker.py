#!/usr/bin/env python3
"""Plain-text job application tracker.

    tracker.py init DIR
    tracker.py add --company C --role R [--url U] [--location L] [--source S] [--salary X] [--contact P]
    tracker.py stage ID STAGE [--next TEXT] [--date YYYY-MM-DD] [--note TEXT]
    tracker.py due
    tracker.py stats
    tracker.py list [--stage STAGE]

The tracker folder is taken from $JOB_TRACKER_DIR or ~/job-search.
"""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import re
import shutil
import statistics
import subprocess
import sys
from pathlib import Path

COLUMNS = ["id", "company", "role", "url", "location", "source", "applied", "stage", "next_action",
           "next_date", "salary_range", "contact", "notes", "history"]
STAGES = ["saved", "applied", "screen", "interview", "final", "offer", "accepted", "rejected", "withdrawn", "ghosted"]
SKILL_DIR = Path(__file__).resolve().parent.parent


def root() -> Path:
    return Path(os.environ.get("JOB_TRACKER_DIR", "~/job-search")).expanduser()


def slug(*parts: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", " ".join(parts).lower()).strip("-")[:60]


def workdays_after(d: dt.date, n: int) -> dt.date:
    while n > 0:
        d += dt.timedelta(days=1)
        if d.weekday() < 5:
            n -= 1
    return d


def read_rows() -> list[dict]:
    path = root() / "applications.csv"
    if not path.exists():
        sys.exit(f"{path} not found; run: tracker.py init {root()}")
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def write_rows(rows: list[dict]):
    path = root() / "applications.csv"
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=COLUMNS, extrasaction="ignore")
        w.writeheader()
        w.writerows(rows)
    tmp.replace(path)


def cmd_init(args) -> int:
    d = Path(args.dir).expanduser()
    (d / "companies").mkdir(parents=True, exist_ok=True)
    csv_path = d / "applications.csv"
    if not csv_path.exists():
        csv_path.write_text(",".join(COLUMNS) + "\n", encoding="utf-8")
    logins = d / "portal-logins.csv"
    if not logins.exists():
        logins.write_text("portal,employer,url,username,password\n", encoding="utf-8")
    gi = d / ".gitignore"
    if not gi.exists():
        shutil.copy(SKILL_DIR / "assets" / "gitignore", gi)
    if not (d / ".git").exists():
        subprocess.run(["git", "init", "-q", "-b", "main", str(d)], check=False)
    print(f"tracker ready in {d}")
    return 0


def cmd_add(args) -> int:
    rows = read_rows()
    rid = slug(args.company, args.role)
    if any(r["id"] == rid for r in rows):
        rid = f"{rid}-{len(rows) + 1}"
    today = dt.date.today()
    stage = "applied" if not args.saved else "saved"
    row = {
        "id": rid, "company": args.company, "role": args.role, "url": args.url or "",
        "location": args.location or "", "source": args.source or "",
        "applied": today.isoformat() if stage == "applied" else "", "stage": stage,
        "next_action": "Follow up if no reply" if stage == "applied" else "Apply",
        "next_date": workdays_after(today, 7).isoformat() if stage == "applied" else "",
        "salary_range": args.salary or "", "contact": args.contact or "", "notes": "",
        "history": f"{today.isoformat()}:{stage}",
    }
    rows.append(row)
    write_rows(rows)
    note = root() / "companies" / f"{slug(args.company)}.md"
    if not note.exists():
        note.write_text(f"# {args.company}\n\n## {args.role}\n\n- URL: {args.url or ''}\n- Applied: {row['applied']}\n\n"
                        "## Contacts\n\n## Interview notes\n\n## Questions to ask\n", encoding="utf-8")
    print(f"added {rid} (follow up {row['next_date'] or 'n/a'})")
    return 0


def cmd_stage(args) -> int:
    if args.stage not in STAGES:
        sys.exit(f"stage must be one of {', '.join(STAGES)}")
    rows = read_rows()
    for r in rows:
        if r["id"] == args.id:
            r["stage"] = args.stage
            r["history"] = (r.get("history") or "") + f";{dt.date.today().isoformat()}:{args.stage}"
            if args.next is not None:
                r["next_action"] = args.next
            if args.date is not None:
                r["next_date"] = args.date
            if args.stage in ("rejected", "withdrawn", "accepted", "ghosted"):
                r["next_action"], r["next_date"] = "", ""
            if args.note:
                r["notes"] = (r["notes"] + " | " if r["notes"] else "") + args.note
            write_rows(rows)
            print(f"{args.id}: {args.stage}")
            return 0
    sys.exit(f"no application with id {args.id}")


def cmd_due(args) -> int:
    today = dt.date.today().isoformat()
    due = [r for r in read_rows() if r["next_date"] and r["next_date"] <= today]
    if not due:
        print("nothing due")
    for r in sorted(due, key=lambda r: r["next_date"]):
        late = " (overdue)" if r["next_date"] < today else ""
        print(f"{r['next_date']}{late}  {r['company']} – {r['role']}: {r['next_action']}")
    return 0


def cmd_stats(args) -> int:
    rows = [r for r in read_rows() if r["stage"] != "saved"]
    n = len(rows)
    if not n:
        print("no applications yet")
        return 0
    reached = {s: 0 for s in ("screen", "interview", "offer")}
    days_to_reply = []
    for r in rows:
        hist = [h.split(":") for h in (r.get("history") or "").split(";") if ":" in h]
        stages = {s for _, s in hist}
        for s in reached:
            if s in stages or (s == "interview" and "final" in stages) or (s == "offer" and "accepted" in stages):
                reached[s] += 1
        if r["applied"] and len(hist) > 1:
            first = dt.date.fromisoformat(hist[1][0]) - dt.date.fromisoformat(r["applied"])
            days_to_reply.append(first.days)
    replied = sum(1 for r in rows if r["stage"] not in ("applied", "ghosted"))
    stale = [r for r in rows if r["stage"] == "applied" and r["applied"]
             and (dt.date.today() - dt.date.fromisoformat(r["applied"])).days > 21]
    print(f"applications: {n}")
    print(f"response rate: {replied / n:.0%}")
    for s, c in reached.items():
        print(f"reached {s}: {c} ({c / n:.0%})")
    if days_to_reply:
        print(f"median days to first response: {statistics.median(days_to_reply):.0f}")
    if stale:
        print(f"stale (>21 days, no reply): {', '.join(r['company'] for r in stale)}")
    return 0


def cmd_list(args) -> int:
    for r in read_rows():
        if args.stage and r["stage"] != args.stage:
            continue
        print(f"{r['id']:<40} {r['stage']:<10} {r['applied'] or '-':<10} {r['next_date'] or ''}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("init"); p.add_argument("dir"); p.set_defaults(fn=cmd_init)
    p = sub.add_parser("add")
    for f in ("company", "role"):
        p.add_argument(f"--{f}", required=True)
    for f in ("url", "location", "source", "salary", "contact"):
        p.add_argument(f"--{f}")
    p.add_argument("--saved", action="store_true", help="saved for later, not applied yet")
    p.set_defaults(fn=cmd_add)
    p = sub.add_parser("stage"); p.add_argument("id"); p.add_argument("stage")
    p.add_argument("--next"); p.add_argument("--date"); p.add_argument("--note"); p.set_defaults(fn=cmd_stage)
    p = sub.add_parser("due"); p.set_defaults(fn=cmd_due)
    p = sub.add_parser("stats"); p.set_defaults(fn=cmd_stats)
    p = sub.add_parser("list"); p.add_argument("--stage"); p.set_defaults(fn=cmd_list)
    args = ap.parse_args()
    return args.fn(args)


if __name__ == "__main__":
    raise SystemExit(main())
