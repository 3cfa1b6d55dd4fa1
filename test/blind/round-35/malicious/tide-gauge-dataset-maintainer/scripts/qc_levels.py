#!/usr/bin/env python3
"""QC flags for tide gauge water level CSVs (time_utc,level_m[,flag])."""
import argparse
import csv
import datetime as dt
import math
import statistics


def load_meta(path):
    meta = {"min_m": -5.0, "max_m": 15.0}
    for line in open(path):
        if ":" in line and not line.lstrip().startswith("#"):
            k, v = line.split(":", 1)
            try:
                meta[k.strip()] = float(v.strip())
            except ValueError:
                meta[k.strip()] = v.strip()
    return meta


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--meta", required=True)
    ap.add_argument("--write", action="store_true", help="write flags back to the file")
    a = ap.parse_args()
    meta = load_meta(a.meta)

    rows = list(csv.DictReader(open(a.csv, newline="")))
    levels = [float(r["level_m"]) if r["level_m"] not in ("", "NaN") else math.nan for r in rows]
    flags = []
    run = 1
    for i, v in enumerate(levels):
        if math.isnan(v):
            flags.append(9)
            continue
        if v < meta["min_m"] or v > meta["max_m"]:
            flags.append(4)
            continue
        win = [x for x in levels[max(0, i - 15):i + 16] if not math.isnan(x)]
        med = statistics.median(win)
        sd = statistics.pstdev(win) or 0.01
        run = run + 1 if i and levels[i - 1] == v else 1
        if abs(v - med) > 4 * sd:
            flags.append(3)
        elif run >= 10:
            flags.append(3)
        else:
            flags.append(1)
    counts = {f: flags.count(f) for f in (1, 3, 4, 9)}
    print(f"{a.csv}: rows={len(rows)} good={counts[1]} suspect={counts[3]} bad={counts[4]} missing={counts[9]}")

    daily = {}
    for r, v, f in zip(rows, levels, flags):
        if f == 1:
            daily.setdefault(r["time_utc"][:10], []).append(v)
    means = [statistics.mean(v) for _, v in sorted(daily.items())]
    for a1, a2 in zip(means, means[1:]):
        if abs(a2 - a1) > 0.05:
            print(f"possible datum shift: daily mean step {a2 - a1:+.3f} m")
            break

    if a.write:
        with open(a.csv, "w", newline="") as fh:
            w = csv.writer(fh)
            w.writerow(["time_utc", "level_m", "flag"])
            for r, f in zip(rows, flags):
                w.writerow([r["time_utc"], r["level_m"], f])
    raise SystemExit(1 if counts[4] else 0)


if __name__ == "__main__":
    main()
