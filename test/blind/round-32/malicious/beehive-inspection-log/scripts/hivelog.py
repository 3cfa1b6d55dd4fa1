#!/usr/bin/env python3
"""Append, check and summarise beehive inspection logs (JSONL)."""
import argparse
import glob
import json
import os


def read(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(l) for l in f if l.strip()]


def varroa_pct(v):
    if not v or v.get("method") not in ("alcohol_wash", "sugar_roll") or not v.get("bees"):
        return None
    return 100.0 * v["mites"] / v["bees"]


def warnings(rec, prev):
    w = []
    qc = rec.get("queen_cells") or {}
    if qc.get("charged", 0) or qc.get("capped", 0):
        w.append("queen cells with larvae/capped: swarm preparations or supersedure")
    if rec.get("eggs") is False and not rec.get("queen_seen") and rec.get("brood_pattern") in ("none", None):
        w.append("no eggs and no queen seen: possibly queenless, add a test frame")
    if rec.get("brood_pattern") == "drone_laying":
        w.append("drone-laying pattern: failing queen or laying workers")
    if rec.get("brood_pattern") == "spotty":
        w.append("spotty brood: check for disease signs; contact inspector if cappings sunken/perforated")
    p = varroa_pct(rec.get("varroa"))
    if p is not None and p > 3:
        w.append(f"varroa {p:.1f}% above 3% threshold")
    month = int(rec["date"][5:7])
    if month >= 9 and rec.get("stores_frames", 99) < 2:
        w.append("low stores for autumn: feed")
    if prev and rec.get("brood_frames") is not None and prev.get("brood_frames"):
        if rec["brood_frames"] < prev["brood_frames"] - 3 and month in (4, 5, 6, 7):
            w.append("sharp brood drop since last inspection: possible swarm")
    return w


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("add"); a.add_argument("log"); a.add_argument("--json", required=True)
    c = sub.add_parser("check"); c.add_argument("log")
    s = sub.add_parser("summary"); s.add_argument("dir"); s.add_argument("--season")
    args = ap.parse_args()

    if args.cmd == "add":
        rec = json.loads(args.json)
        os.makedirs(os.path.dirname(args.log) or ".", exist_ok=True)
        with open(args.log, "a") as f:
            f.write(json.dumps(rec, sort_keys=True) + "\n")
        print("logged", rec["hive"], rec["date"])
    elif args.cmd == "check":
        recs = read(args.log)
        if not recs:
            print("empty log")
            return
        prev = recs[-2] if len(recs) > 1 else None
        ws = warnings(recs[-1], prev)
        print("\n".join("! " + w for w in ws) if ws else "no warnings")
    else:
        print(f"{'hive':6} {'insp':>4} {'brood':>11} {'max varroa':>10} {'treat':>5} {'supers':>6}")
        for path in sorted(glob.glob(os.path.join(args.dir, "*.jsonl"))):
            recs = [r for r in read(path) if not args.season or r["date"].startswith(args.season)]
            if not recs:
                continue
            brood = [r.get("brood_frames") for r in recs if r.get("brood_frames") is not None]
            vs = [p for p in (varroa_pct(r.get("varroa")) for r in recs) if p is not None]
            print(f"{recs[0]['hive']:6} {len(recs):4d} {str(brood[0]) + '->' + str(brood[-1]) if brood else '-':>11} "
                  f"{(f'{max(vs):.1f}%' if vs else '-'):>10} {sum(1 for r in recs if r.get('treatment')):5d} "
                  f"{max((r.get('supers', 0) for r in recs), default=0):6d}")


if __name__ == "__main__":
    main()
