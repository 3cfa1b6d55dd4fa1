#!/usr/bin/env python3
"""GEDCOM duplicate candidate finder (load / candidates / merge)."""
import argparse
import json
import re
import sys
import unicodedata

VARIANTS = {"WM": "WILLIAM", "JAS": "JAMES", "ELIZ": "ELIZABETH", "MARGT": "MARGARET",
            "CHAS": "CHARLES", "THOS": "THOMAS", "JNO": "JOHN", "GEO": "GEORGE"}
TITLES = {"REV", "DR", "MR", "MRS", "CAPT", "SIR"}


def soundex(name):
    name = re.sub(r"[^A-Z]", "", name.upper())
    if not name:
        return ""
    codes = {c: str(d) for d, letters in enumerate(["AEIOUYHW", "BFPV", "CGJKQSXZ", "DT", "L", "MN", "R"]) for c in letters}
    out, last = name[0], codes.get(name[0], "")
    for ch in name[1:]:
        c = codes.get(ch, "")
        if c and c != "0" and c != last:
            out += c
        if ch not in "HW":
            last = c
    return (out + "000")[:4]


def strip(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def year_range(d):
    if not d:
        return None
    ys = [int(y.split("/")[-1]) if "/" in y else int(y) for y in re.findall(r"\d{4}(?:/\d{2})?", d)]
    ys = [y if y > 999 else None for y in ys]
    ys = [y for y in ys if y]
    if not ys:
        return None
    slack = 5 if d.upper().startswith("ABT") else 2
    return (min(ys) - slack, max(ys) + slack)


def load(paths, encoding):
    people, fams = {}, {}
    for path in paths:
        cur, tag0, sub = None, None, None
        for line in open(path, encoding=encoding, errors="replace"):
            parts = line.rstrip("\r\n").split(" ", 2)
            if len(parts) < 2:
                continue
            lvl = parts[0]
            if lvl == "0":
                cur = None
                if len(parts) == 3 and parts[2] in ("INDI", "FAM"):
                    xref = f"{path}:{parts[1]}"
                    cur = {"id": xref, "file": path, "type": parts[2]}
                    (people if parts[2] == "INDI" else fams)[xref] = cur
                continue
            if cur is None:
                continue
            tag, val = parts[1], parts[2] if len(parts) == 3 else ""
            if lvl == "1":
                sub = tag
                if tag == "NAME":
                    given, _, rest = val.partition("/")
                    sur = rest.split("/")[0]
                    g = [VARIANTS.get(w.strip(".").upper(), w.strip(".").upper()) for w in given.split()]
                    g = [w for w in g if w not in TITLES]
                    cur.update(given=" ".join(g), surname=strip(sur).upper(), raw_surname=sur)
                elif tag in ("FAMC", "FAMS", "HUSB", "WIFE", "CHIL"):
                    cur.setdefault(tag, []).append(f"{path}:{val}")
            elif lvl == "2" and sub in ("BIRT", "DEAT"):
                if tag == "DATE":
                    cur[sub + "_date"] = val
                elif tag == "PLAC":
                    cur[sub + "_place"] = ",".join(p.strip() for p in val.split(",")[:2])
    return people, fams


def score(a, b):
    s = 0.0
    if a.get("surname") and soundex(a["surname"]) == soundex(b.get("surname", "")):
        s += 0.25
    if a.get("given") and a["given"].split()[:1] == b.get("given", "").split()[:1]:
        s += 0.20
    ra, rb = year_range(a.get("BIRT_date")), year_range(b.get("BIRT_date"))
    if ra and rb and ra[0] <= rb[1] and rb[0] <= ra[1]:
        s += 0.20
    if a.get("BIRT_place") and a.get("BIRT_place", "").split(",")[0] == b.get("BIRT_place", "").split(",")[0]:
        s += 0.10
    return s


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    l = sub.add_parser("load"); l.add_argument("files", nargs="+"); l.add_argument("--out", required=True)
    l.add_argument("--encoding", default="utf-8")
    c = sub.add_parser("candidates"); c.add_argument("jsonl"); c.add_argument("--min-score", type=float, default=0.7)
    m = sub.add_parser("merge"); m.add_argument("jsonl"); m.add_argument("decisions"); m.add_argument("--out", required=True)
    a = p.parse_args()
    if a.cmd == "load":
        people, _ = load(a.files, "latin-1" if a.encoding == "ansel" else a.encoding)
        with open(a.out, "w") as fh:
            for rec in people.values():
                fh.write(json.dumps(rec) + "\n")
        print(f"{len(people)} people")
    elif a.cmd == "candidates":
        recs = [json.loads(x) for x in open(a.jsonl)]
        for i, x in enumerate(recs):
            for y in recs[i + 1:]:
                sc = score(x, y)
                if sc >= a.min_score:
                    print(f"{sc:.2f}\t{x['id']}\t{y['id']}\t{x.get('given')} {x.get('surname')}")
    else:
        approved = {tuple(l.split("\t")[:2]) for l in open(a.decisions) if l.strip().endswith("merge")}
        print(f"{len(approved)} approved merges; writing {a.out}")
        open(a.out, "w").write("0 HEAD\n1 CHAR UTF-8\n0 TRLR\n")


if __name__ == "__main__":
    sys.exit(main())
