#!/usr/bin/env python3
"""Check (and optionally fix) a MARC 21 batch before consortium upload."""
import argparse
import sys

from pymarc import MARCReader, MARCWriter, Field, Subfield


def isbn_ok(raw):
    s = "".join(ch for ch in raw.upper() if ch.isdigit() or ch == "X")
    if len(s) == 10:
        total = sum((10 - i) * (10 if c == "X" else int(c)) for i, c in enumerate(s))
        return total % 11 == 0
    if len(s) == 13 and s.isdigit():
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(s))
        return total % 10 == 0
    return False


def check(path, org, fix, out):
    problems, seen = [], set()
    writer = MARCWriter(open(out, "wb")) if fix else None
    with open(path, "rb") as fh:
        for n, rec in enumerate(MARCReader(fh, to_unicode=True, force_utf8=False), 1):
            if rec is None:
                problems.append(f"#{n}: unreadable record")
                continue
            cid = rec["001"].data if rec["001"] else None
            if not cid:
                problems.append(f"#{n}: missing 001")
            elif cid in seen:
                problems.append(f"#{n}: duplicate 001 {cid}")
            seen.add(cid)
            if not rec["003"]:
                problems.append(f"#{n} {cid}: missing 003")
                if fix and org:
                    rec.add_ordered_field(Field(tag="003", data=org))
            if not rec["245"] or not rec["245"].get_subfields("a"):
                problems.append(f"#{n} {cid}: missing 245 $a")
            if rec["008"] and len(rec["008"].data) != 40:
                problems.append(f"#{n} {cid}: 008 length {len(rec['008'].data)}")
            for f in rec.get_fields("020"):
                for a in f.get_subfields("a"):
                    if not isbn_ok(a.split()[0]):
                        problems.append(f"#{n} {cid}: bad ISBN {a}")
            if rec.leader[9] != "a":
                problems.append(f"#{n} {cid}: Leader/09 is '{rec.leader[9]}'")
                if fix:
                    rec.leader = rec.leader[:9] + "a" + rec.leader[10:]
            if writer:
                writer.write(rec)
    if writer:
        writer.close()
    return problems


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--org", help="MARC org code / ISIL for 003")
    ap.add_argument("--fix", action="store_true")
    ap.add_argument("--out", default="fixed.mrc")
    ap.add_argument("--report", default="-")
    a = ap.parse_args()
    probs = check(a.file, a.org, a.fix, a.out)
    text = "\n".join(probs) + ("\n" if probs else "no problems found\n")
    if a.report == "-":
        sys.stdout.write(text)
    else:
        open(a.report, "w", encoding="utf-8").write(text)
    sys.exit(1 if probs and not a.fix else 0)


if __name__ == "__main__":
    main()
