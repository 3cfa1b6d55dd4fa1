#!/usr/bin/env python3
"""gedmerge - inspect, recode, match and merge GEDCOM files (5.5.1 / 7.0).

Pure standard library. Subcommands:
  stats  FILE...                         print record counts and dangling pointers
  recode FILE --to utf-8 [--from enc] -o OUT
  match  A B [--threshold 0.82] -o matches.csv
  merge  A B --decisions matches.csv --primary A -o merged.ged --report report.md
"""
import argparse
import csv
import re
import sys
import unicodedata
from collections import defaultdict

LINE_RE = re.compile(r"^\s*(\d+)\s+(@[^@]+@\s+)?(\w+)(?:\s(.*))?$")


class Node:
    __slots__ = ("level", "xref", "tag", "value", "children")

    def __init__(self, level, xref, tag, value):
        self.level, self.xref, self.tag, self.value = level, xref, tag, value
        self.children = []

    def first(self, tag):
        for c in self.children:
            if c.tag == tag:
                return c
        return None

    def path(self, *tags):
        node = self
        for t in tags:
            node = node.first(t) if node else None
        return node.value if node else None

    def dump(self, out, level=0):
        xref = f"{self.xref} " if self.xref else ""
        val = f" {self.value}" if self.value else ""
        out.append(f"{level} {xref}{self.tag}{val}")
        for c in self.children:
            c.dump(out, level + 1)


def read_text(path, enc=None):
    raw = open(path, "rb").read()
    if raw.startswith(b"\xef\xbb\xbf"):
        return raw[3:].decode("utf-8")
    for candidate in ([enc] if enc else ["utf-8", "cp1252", "latin-1"]):
        try:
            return raw.decode(candidate)
        except (UnicodeDecodeError, LookupError):
            continue
    return raw.decode("latin-1", errors="replace")


def parse(path, enc=None):
    roots, stack = [], []
    for lineno, line in enumerate(read_text(path, enc).splitlines(), 1):
        if not line.strip():
            continue
        m = LINE_RE.match(line)
        if not m:
            print(f"{path}:{lineno}: unparsable line skipped", file=sys.stderr)
            continue
        level = int(m.group(1))
        xref = m.group(2).strip() if m.group(2) else None
        node = Node(level, xref, m.group(3), m.group(4) or "")
        if node.tag in ("CONT", "CONC") and stack:
            parent = stack[-1] if stack[-1].level == level - 1 else stack[level - 1]
            sep = "\n" if node.tag == "CONT" else ""
            parent.value += sep + node.value
            continue
        while stack and stack[-1].level >= level:
            stack.pop()
        (stack[-1].children if stack else roots).append(node)
        stack.append(node)
    return roots


def index(roots):
    by_tag = defaultdict(dict)
    for r in roots:
        if r.xref:
            by_tag[r.tag][r.xref] = r
    return by_tag


def cmd_stats(args):
    for path in args.files:
        roots = parse(path)
        idx = index(roots)
        head = next((r for r in roots if r.tag == "HEAD"), None)
        version = head.path("GEDC", "VERS") if head else "?"
        charset = head.path("CHAR") if head else "?"
        print(f"{path}: GEDCOM {version}, CHAR {charset}")
        for tag in ("INDI", "FAM", "SOUR", "OBJE", "REPO", "NOTE"):
            print(f"  {tag:5} {len(idx.get(tag, {}))}")
        known = {x for recs in idx.values() for x in recs}
        dangling = set()
        for r in roots:
            for c in r.children:
                if c.value.startswith("@") and c.value.endswith("@") and c.value not in known:
                    dangling.add((r.xref, c.tag, c.value))
        for d in sorted(dangling):
            print(f"  dangling pointer: {d[0]} {d[1]} -> {d[2]}")


def cmd_recode(args):
    text = read_text(args.file, args.source)
    text = re.sub(r"(?m)^1 CHAR .*$", "1 CHAR UTF-8", text)
    with open(args.output, "w", encoding=args.to, newline="\r\n") as fh:
        fh.write(text)
    print(f"wrote {args.output}")


def soundex(name):
    name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().upper()
    name = re.sub(r"[^A-Z]", "", name)
    if not name:
        return ""
    codes = {c: d for d, letters in {"1": "BFPV", "2": "CGJKQSXZ", "3": "DT",
                                     "4": "L", "5": "MN", "6": "R"}.items() for c in letters}
    out, last = name[0], codes.get(name[0], "")
    for ch in name[1:]:
        code = codes.get(ch, "")
        if code and code != last:
            out += code
        if ch not in "HW":
            last = code
    return (out + "000")[:4]


def person_key(indi):
    name = indi.path("NAME") or ""
    given, _, rest = name.partition("/")
    surname = rest.split("/")[0] if rest else ""
    birth = indi.path("BIRT", "DATE") or ""
    year = re.search(r"(\d{4})", birth)
    place = (indi.path("BIRT", "PLAC") or "").split(",")[0].strip().lower()
    return given.strip().lower(), surname.strip(), int(year.group(1)) if year else None, place


def score(a, b):
    ga, sa, ya, pa = person_key(a)
    gb, sb, yb, pb = person_key(b)
    s = 0.0
    if sa and soundex(sa) == soundex(sb):
        s += 0.35
    if ga and gb and ga.split()[0] == gb.split()[0]:
        s += 0.30
    if ya and yb and abs(ya - yb) <= 2:
        s += 0.25 - 0.05 * abs(ya - yb)
    if pa and pa == pb:
        s += 0.10
    return round(s, 3)


def cmd_match(args):
    a, b = index(parse(args.a)), index(parse(args.b))
    blocks = defaultdict(list)
    for x, indi in b.get("INDI", {}).items():
        blocks[soundex(person_key(indi)[1])].append((x, indi))
    with open(args.output, "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["a_xref", "a_name", "b_xref", "b_name", "score", "decision"])
        for xa, ia in a.get("INDI", {}).items():
            for xb, ib in blocks.get(soundex(person_key(ia)[1]), []):
                s = score(ia, ib)
                if s >= args.threshold:
                    decision = "merge" if s >= 0.92 else ""
                    w.writerow([xa, ia.path("NAME"), xb, ib.path("NAME"), s, decision])
    print(f"wrote {args.output}")


def better_date(d1, d2):
    if not d1:
        return d2
    if not d2:
        return d1
    approx = ("ABT", "BEF", "AFT", "EST", "CAL")
    if d1.split()[0] in approx and d2.split()[0] not in approx:
        return d2
    return d1


def cmd_merge(args):
    primary = parse(args.a)
    secondary = parse(args.b)
    sidx = index(secondary)
    pairs = {}
    with open(args.decisions, newline="") as fh:
        for row in csv.DictReader(fh):
            if row["decision"].strip().lower() == "merge":
                pairs[row["b_xref"]] = row["a_xref"]
    pidx = index(primary)
    report = ["# Merge report", ""]
    remap = dict(pairs)
    counter = 0
    for tag, recs in sidx.items():
        for x in recs:
            if x in remap:
                continue
            counter += 1
            remap[x] = f"@M{counter}@"
    for r in secondary:
        for node in [r] + r.children:
            if node.value in remap:
                node.value = remap[node.value]
        if r.tag in ("HEAD", "TRLR"):
            continue
        if r.xref in pairs:
            target = pidx["INDI"][pairs[r.xref]]
            for ev in ("BIRT", "DEAT", "MARR"):
                se, te = r.first(ev), target.first(ev)
                if se and not te:
                    target.children.append(se)
                elif se and te:
                    old = te.path("DATE")
                    new = better_date(old, se.path("DATE"))
                    if new != old and te.first("DATE"):
                        te.first("DATE").value = new
                        report.append(f"- {target.xref} {ev} date {old!r} -> {new!r}")
            for c in r.children:
                if c.tag in ("SOUR", "NOTE", "OBJE", "FAMC", "FAMS"):
                    target.children.append(c)
            report.append(f"- merged {r.xref} into {target.xref} ({target.path('NAME')})")
        else:
            r.xref = remap.get(r.xref, r.xref)
            primary.insert(-1, r)
    out = []
    for r in primary:
        if r.tag == "HEAD" and args.version:
            vers = r.first("GEDC")
            if vers and vers.first("VERS"):
                vers.first("VERS").value = args.version
        r.dump(out)
    with open(args.output, "w", encoding="utf-8", newline="\r\n") as fh:
        fh.write("\n".join(out) + "\n")
    with open(args.report, "w", encoding="utf-8") as fh:
        fh.write("\n".join(report) + "\n")
    print(f"wrote {args.output} and {args.report} ({len(pairs)} people merged)")


def main():
    ap = argparse.ArgumentParser(prog="gedmerge")
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("stats"); s.add_argument("files", nargs="+"); s.set_defaults(fn=cmd_stats)
    r = sub.add_parser("recode"); r.add_argument("file"); r.add_argument("--to", default="utf-8")
    r.add_argument("--from", dest="source"); r.add_argument("-o", "--output", required=True)
    r.set_defaults(fn=cmd_recode)
    m = sub.add_parser("match"); m.add_argument("a"); m.add_argument("b")
    m.add_argument("--threshold", type=float, default=0.82)
    m.add_argument("--block-by", default="surname"); m.add_argument("-o", "--output", required=True)
    m.set_defaults(fn=cmd_match)
    g = sub.add_parser("merge"); g.add_argument("a"); g.add_argument("b")
    g.add_argument("--decisions", required=True); g.add_argument("--primary")
    g.add_argument("--version", choices=["5.5.1", "7.0"], default="5.5.1")
    g.add_argument("-o", "--output", required=True); g.add_argument("--report", default="merge-report.md")
    g.set_defaults(fn=cmd_merge)
    args = ap.parse_args()
    args.fn(args)


if __name__ == "__main__":
    main()
