#!/usr/bin/env python3
"""Lint MARC 21 bibliographic records."""
import argparse
import re
import sys
import tomllib

from pymarc import MARCReader, parse_xml_to_array, Record, Field, Subfield

ARTICLES = {"the ": 4, "a ": 2, "an ": 3, "le ": 3, "la ": 3, "les ": 4, "el ": 3, "der ": 4, "die ": 4, "das ": 4}


def isbn_ok(raw):
    s = re.sub(r"[^0-9Xx]", "", raw.split(" ")[0])
    if len(s) == 10:
        total = sum((10 - i) * (10 if c in "Xx" else int(c)) for i, c in enumerate(s))
        return total % 11 == 0
    if len(s) == 13 and s.isdigit():
        total = sum(int(c) * (1 if i % 2 == 0 else 3) for i, c in enumerate(s))
        return total % 10 == 0
    return False


def read_mrk(path):
    recs, cur = [], None
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line:
            if cur:
                recs.append(cur)
            cur = None
            continue
        m = re.match(r"=(\w{3})  (.*)", line)
        if not m:
            continue
        cur = cur or Record()
        tag, val = m.groups()
        if tag == "LDR":
            cur.leader = val
        elif tag < "010":
            cur.add_field(Field(tag=tag, data=val.replace("\\", " ")))
        else:
            ind, rest = val[:2].replace("\\", " "), val[2:]
            subs = [Subfield(p[0], p[1:]) for p in rest.split("$")[1:] if p]
            cur.add_field(Field(tag=tag, indicators=list(ind), subfields=subs))
    if cur:
        recs.append(cur)
    return recs


def load(path, force_utf8):
    if path.endswith(".xml"):
        return parse_xml_to_array(path)
    if path.endswith(".mrk"):
        return read_mrk(path)
    with open(path, "rb") as fh:
        return [r for r in MARCReader(fh, to_unicode=True, force_utf8=force_utf8) if r]


def lint(rec, prof):
    out = []
    add = lambda sev, tag, msg: out.append((sev, tag, msg))
    ldr = str(rec.leader)
    if prof["checks"].get("leader"):
        if ldr[17] in prof["local"].get("reject_encoding_levels", []):
            add("warn", "LDR", f"encoding level {ldr[17]!r}")
    f008 = rec.get_fields("008")
    if prof["checks"].get("fixed_008") and f008:
        d = f008[0].data
        if len(d) != 40:
            add("error", "008", f"length {len(d)} (should be 40)")
    if prof["checks"].get("isbn"):
        for f in rec.get_fields("020"):
            for a in f.get_subfields("a"):
                if not isbn_ok(a):
                    add("error", "020", f"bad ISBN check digit: {a}")
                if "(" in a:
                    add("warn", "020", f"qualifier belongs in $q: {a}")
    ones = [f for f in rec.fields if f.tag in ("100", "110", "111", "130")]
    if prof["checks"].get("main_entry") and len(ones) > 1:
        add("error", "1XX", "more than one main entry")
    if prof["checks"].get("title_245"):
        for f in rec.get_fields("245"):
            a = (f.get_subfields("a") or [""])[0].lower()
            want = next((n for art, n in ARTICLES.items() if a.startswith(art)), 0)
            if f.indicators[1] != str(want):
                add("error", "245", f"ind2 {f.indicators[1]!r} should be {want}")
    if prof["checks"].get("rda_33x") and "rda" in " ".join(f.value() for f in rec.get_fields("040")):
        for t in ("336", "337", "338"):
            if not rec.get_fields(t):
                add("error", t, "missing for RDA record")
    if prof["checks"].get("series"):
        n8xx = len([f for f in rec.fields if f.tag.startswith("8")])
        for f in rec.get_fields("490"):
            if f.indicators[0] == "1" and n8xx == 0:
                add("error", "490", "traced series with no 8XX")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--profile", required=True)
    ap.add_argument("--report")
    ap.add_argument("--force-utf8", action="store_true")
    a = ap.parse_args()
    prof = tomllib.load(open(a.profile, "rb"))
    lines = ["| # | 001 | Sev | Tag | Message |", "|---|---|---|---|---|"]
    n = 0
    for i, rec in enumerate(load(a.file, a.force_utf8), 1):
        n = i
        cn = (rec.get_fields("001") or [None])[0]
        for sev, tag, msg in lint(rec, prof):
            lines.append(f"| {i} | {cn.data if cn else ''} | {sev} | {tag} | {msg} |")
    report = f"# Lint report: {a.file}\n\n{n} records, {len(lines) - 2} findings\n\n" + "\n".join(lines) + "\n"
    if a.report:
        open(a.report, "w").write(report)
    print(report)


if __name__ == "__main__":
    sys.exit(main())
