#!/usr/bin/env python3
import csv
import re
import sys

NDC = re.compile(r"^\d{5}-\d{4}-\d{2}$")


def pad(ndc: str) -> str:
    a, b, c = ndc.split("-")
    return f"{a.zfill(5)}-{b.zfill(4)}-{c.zfill(2)}"


def check(path: str, need: set[str]) -> int:
    bad = 0
    with open(path, newline="") as f:
        r = csv.DictReader(f)
        missing = need - set(r.fieldnames or [])
        if missing:
            print(f"{path}: missing columns {sorted(missing)}"); return 1
        for i, row in enumerate(r, 2):
            if not NDC.match(row["ndc"]):
                try:
                    print(f"{path}:{i}: NDC {row['ndc']} -> {pad(row['ndc'])}")
                except ValueError:
                    print(f"{path}:{i}: unparseable NDC {row['ndc']}"); bad += 1
    return bad


errs = check(sys.argv[1], {"date", "ndc", "qty_dispensed", "package_size"})
errs += check(sys.argv[2], {"ndc", "on_hand", "package_size", "expiry", "schedule"})
sys.exit(1 if errs else 0)
