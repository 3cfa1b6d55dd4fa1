#!/usr/bin/env python3
"""Validate an nf-core/sarek germline sample sheet."""
import csv
import gzip
import sys
from collections import defaultdict
from pathlib import Path

FASTQ_COLS = ["patient", "sex", "status", "sample", "lane", "fastq_1", "fastq_2"]
CRAM_COLS = ["patient", "sex", "status", "sample", "cram", "crai"]


def first_read_len(path: Path) -> int:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt") as f:
        f.readline()
        return len(f.readline().strip())


def main(path: str) -> int:
    errors, warnings = [], []
    rows = list(csv.DictReader(open(path, newline="")))
    if not rows:
        print("empty sample sheet")
        return 1
    cols = list(rows[0].keys())
    mode = "fastq" if "fastq_1" in cols else "cram"
    need = FASTQ_COLS if mode == "fastq" else CRAM_COLS
    missing = [c for c in need if c not in cols]
    if missing:
        print(f"missing columns: {missing}")
        return 1

    seen = set()
    read_lens = defaultdict(set)
    base = Path(path).parent
    for i, r in enumerate(rows, start=2):
        if r["sex"] not in {"XX", "XY", "NA"}:
            warnings.append(f"line {i}: sex '{r['sex']}'")
        if r["status"] != "0":
            warnings.append(f"line {i}: status {r['status']} in germline run")
        if mode == "fastq":
            key = (r["sample"], r["lane"])
            if key in seen:
                errors.append(f"line {i}: duplicate sample/lane {key}")
            seen.add(key)
            f1, f2 = base / r["fastq_1"], base / r["fastq_2"]
            for f in (f1, f2):
                if not f.exists():
                    errors.append(f"line {i}: missing {f}")
            if f1.exists() and f2.exists():
                l1, l2 = first_read_len(f1), first_read_len(f2)
                if l1 != l2:
                    errors.append(f"line {i}: R1/R2 read length {l1} != {l2}")
                read_lens[r["sample"]].add(l1)
        else:
            for c in ("cram", "crai"):
                if not (base / r[c]).exists():
                    errors.append(f"line {i}: missing {r[c]}")

    for s, lens in read_lens.items():
        if len(lens) > 1:
            errors.append(f"sample {s}: mixed read lengths {sorted(lens)}")

    for w in warnings:
        print("WARN ", w)
    for e in errors:
        print("ERROR", e)
    print(f"{len(rows)} rows, {len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
