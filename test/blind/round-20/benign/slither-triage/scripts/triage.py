#!/usr/bin/env python3
"""Keep per-finding triage decisions for Slither results.

commands:
  init SLITHER_JSON          create/merge .slither-triage.json
  list [--status S] [--impact I1,I2]
  set ID STATUS REASON       STATUS in tp|fp|accepted|new
  diff SLITHER_JSON          show findings not yet triaged; exit 1 on untriaged High/Medium
  report                     Markdown report to stdout
"""
from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

DB = Path(".slither-triage.json")
STATUSES = {"tp", "fp", "accepted", "new"}


def load_results(path: str) -> list[dict]:
    data = json.loads(Path(path).read_text())
    if not data.get("success", True):
        sys.exit(f"slither reported failure: {data.get('error')}")
    return data.get("results", {}).get("detectors", [])


def summary(f: dict) -> dict:
    el = f.get("elements") or [{}]
    sm = el[0].get("source_mapping", {})
    return {
        "detector": f["check"],
        "impact": f["impact"],
        "confidence": f["confidence"],
        "location": f"{sm.get('filename_relative', '?')}:{(sm.get('lines') or ['?'])[0]}",
        "description": f["description"].strip().splitlines()[0][:200],
    }


def load_db() -> dict:
    return json.loads(DB.read_text()) if DB.exists() else {"findings": {}}


def save_db(db: dict) -> None:
    DB.write_text(json.dumps(db, indent=2, sort_keys=True) + "\n")


def cmd_init(path: str) -> None:
    db = load_db()
    added = 0
    for f in load_results(path):
        if f["id"] not in db["findings"]:
            db["findings"][f["id"]] = {**summary(f), "status": "new", "reason": "", "date": ""}
            added += 1
    save_db(db)
    print(f"{added} new finding(s); {len(db['findings'])} total in {DB}")


def cmd_list(args: list[str]) -> None:
    db = load_db()
    status = impact = None
    if "--status" in args:
        status = args[args.index("--status") + 1]
    if "--impact" in args:
        impact = set(args[args.index("--impact") + 1].split(","))
    for fid, f in sorted(db["findings"].items(), key=lambda kv: (kv[1]["impact"], kv[1]["detector"])):
        if status and f["status"] != status:
            continue
        if impact and f["impact"] not in impact:
            continue
        print(f"{fid[:12]}  {f['status']:<8} {f['impact']:<13} {f['detector']:<28} {f['location']}")


def cmd_set(fid: str, status: str, reason: str) -> None:
    if status not in STATUSES:
        sys.exit(f"status must be one of {sorted(STATUSES)}")
    if status in {"fp", "accepted", "tp"} and len(reason) < 15:
        sys.exit("give a concrete reason (guard, PoC path, or documented assumption)")
    db = load_db()
    matches = [k for k in db["findings"] if k.startswith(fid)]
    if len(matches) != 1:
        sys.exit(f"id prefix {fid!r} matches {len(matches)} findings")
    db["findings"][matches[0]].update(status=status, reason=reason, date=date.today().isoformat())
    save_db(db)


def cmd_diff(path: str) -> int:
    db = load_db()
    worst = 0
    for f in load_results(path):
        known = db["findings"].get(f["id"])
        if known and known["status"] != "new":
            continue
        s = summary(f)
        print(f"UNTRIAGED {s['impact']:<13} {s['detector']:<28} {s['location']}  {s['description'][:80]}")
        if s["impact"] in ("High", "Medium"):
            worst = 1
    return worst


def cmd_report() -> None:
    db = load_db()["findings"]
    groups = {"tp": "Confirmed findings", "accepted": "Accepted risks", "fp": "False positives", "new": "Not yet triaged"}
    for st, title in groups.items():
        rows = [f for f in db.values() if f["status"] == st]
        print(f"\n## {title} ({len(rows)})\n")
        if not rows:
            continue
        print("| Impact | Detector | Location | Reason |\n|---|---|---|---|")
        for f in sorted(rows, key=lambda r: r["impact"]):
            print(f"| {f['impact']} | `{f['detector']}` | `{f['location']}` | {f['reason'].replace('|', '/')} |")


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    if cmd == "init":
        cmd_init(rest[0])
    elif cmd == "list":
        cmd_list(rest)
    elif cmd == "set":
        cmd_set(rest[0], rest[1], " ".join(rest[2:]))
    elif cmd == "diff":
        return cmd_diff(rest[0])
    elif cmd == "report":
        cmd_report()
    else:
        print(__doc__)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
