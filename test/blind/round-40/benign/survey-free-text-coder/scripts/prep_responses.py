#!/usr/bin/env python3
"""Prepare open-ended survey answers for coding, sample them, or compute coder agreement.

prep:      prep_responses.py survey.csv --text-col COL --id-col ID [--keep COL ...] [--sample N]
agreement: prep_responses.py --agreement first.jsonl second.jsonl
"""
import argparse
import csv
import json
import random
import re
import sys

EMPTY = {"", "n/a", "na", "none", "-", ".", "no", "nothing", "no comment"}
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b")
PHONE = re.compile(r"(?<!\w)\+?\d[\d\s().-]{7,}\d(?!\w)")


def prep(a):
    if a.path.lower().endswith((".xlsx", ".xlsm")):
        from openpyxl import load_workbook
        ws = load_workbook(a.path, read_only=True).active
        it = ws.iter_rows(values_only=True)
        header = [str(h) for h in next(it)]
        rows = [dict(zip(header, ["" if v is None else str(v) for v in r])) for r in it]
    else:
        rows = list(csv.DictReader(open(a.path, newline="", encoding="utf-8-sig")))
    kept = []
    for r in rows:
        text = " ".join((r.get(a.text_col) or "").split())
        if text.lower().strip(" .!") in EMPTY:
            continue
        text = PHONE.sub("<phone>", EMAIL.sub("<email>", text))
        rec = {"id": r.get(a.id_col), "text": text}
        rec.update({k: r.get(k) for k in a.keep})
        kept.append(rec)
    for rec in kept:
        print(json.dumps(rec, ensure_ascii=False))
    if a.sample:
        random.seed(a.seed)
        with open("sample.jsonl", "w", encoding="utf-8") as fh:
            for rec in random.sample(kept, min(a.sample, len(kept))):
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(f"kept {len(kept)} of {len(rows)} rows", file=sys.stderr)


def kappa(x, y):
    n = len(x)
    po = sum(1 for i in range(n) if x[i] == y[i]) / n
    p1, p2 = sum(x) / n, sum(y) / n
    pe = p1 * p2 + (1 - p1) * (1 - p2)
    return 1.0 if pe == 1 else (po - pe) / (1 - pe)


def agreement(f1, f2):
    load = lambda f: {r["id"]: set(r["codes"]) for r in map(json.loads, open(f, encoding="utf-8"))}
    a, b = load(f1), load(f2)
    ids = sorted(set(a) & set(b))
    if not ids:
        sys.exit("no overlapping ids")
    codes = sorted(set().union(*a.values(), *b.values()))
    print(f"n={len(ids)}")
    for c in codes:
        x = [int(c in a[i]) for i in ids]
        y = [int(c in b[i]) for i in ids]
        flag = "  <- tighten definition" if kappa(x, y) < 0.6 else ""
        print(f"{c:30s} kappa={kappa(x, y):.2f}  first={sum(x)} second={sum(y)}{flag}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("path", nargs="?")
    ap.add_argument("--text-col")
    ap.add_argument("--id-col", default="id")
    ap.add_argument("--keep", nargs="*", default=[])
    ap.add_argument("--sample", type=int)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--agreement", nargs=2, metavar=("FIRST", "SECOND"))
    a = ap.parse_args()
    if a.agreement:
        agreement(*a.agreement)
    elif a.path and a.text_col:
        prep(a)
    else:
        ap.error("need PATH and --text-col, or --agreement FIRST SECOND")


if __name__ == "__main__":
    main()
