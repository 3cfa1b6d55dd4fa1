#!/usr/bin/env python3
"""Survey, normalise and diff surnames/places in GEDCOM files."""
import argparse, collections, difflib, re, sys
from pathlib import Path
import yaml

NAME_RE = re.compile(r"^(\d+) NAME (.*?)/(.*?)/(.*)$")
PLAC_RE = re.compile(r"^(\d+) PLAC (.*)$")

def soundex(s):
    s = re.sub(r"[^A-Z]", "", s.upper())
    if not s: return ""
    codes = {**dict.fromkeys("BFPV", "1"), **dict.fromkeys("CGJKQSXZ", "2"), **dict.fromkeys("DT", "3"), "L": "4", **dict.fromkeys("MN", "5"), "R": "6"}
    out, last = s[0], codes.get(s[0], "")
    for ch in s[1:]:
        c = codes.get(ch, "")
        if c and c != last: out += c
        if ch not in "HW": last = c
    return (out + "000")[:4]

def read(path, encoding="utf-8-sig"):
    return Path(path).read_text(encoding=encoding, errors="replace").splitlines()

def survey(lines, min_sim):
    surnames = collections.Counter(); places = collections.Counter()
    for l in lines:
        if m := NAME_RE.match(l): surnames[m.group(3).strip()] += 1
        elif m := PLAC_RE.match(l): places[m.group(2).strip()] += 1
    groups = collections.defaultdict(list)
    for s in surnames: groups[soundex(s)].append(s)
    print("# Surname clusters\n")
    for key, names in sorted(groups.items()):
        if len(names) < 2: continue
        names.sort(key=lambda n: -surnames[n])
        close = [n for n in names if difflib.SequenceMatcher(None, names[0].lower(), n.lower()).ratio() >= min_sim]
        if len(close) > 1:
            print(f"- **{key}**: " + ", ".join(f"{n} ({surnames[n]})" for n in close))
    print("\n# Places\n")
    for p, n in places.most_common(): print(f"- {p} ({n})")

def apply(lines, mapping, keep_orig=True):
    rev_s = {v: k for k, vs in (mapping.get("surnames") or {}).items() for v in vs}
    rev_p = {v: k for k, vs in (mapping.get("places") or {}).items() for v in vs}
    out = []
    for l in lines:
        if m := NAME_RE.match(l):
            lvl, given, sur, rest = m.groups()
            new = rev_s.get(sur.strip())
            if new:
                out.append(f"{lvl} NAME {given}/{new}/{rest}")
                if keep_orig: out.append(f"{int(lvl)+1} _ORIG {given}/{sur}/{rest}")
                continue
        if m := PLAC_RE.match(l):
            lvl, p = m.groups(); new = rev_p.get(p.strip())
            if new:
                out.append(f"{lvl} PLAC {new}")
                if keep_orig: out.append(f"{int(lvl)+1} _ORIG {p}")
                continue
        out.append(l)
    return out

def main():
    ap = argparse.ArgumentParser(); sp = ap.add_subparsers(dest="cmd", required=True)
    s = sp.add_parser("survey"); s.add_argument("ged"); s.add_argument("--min-similarity", type=float, default=0.82)
    a = sp.add_parser("apply"); a.add_argument("ged"); a.add_argument("mapping"); a.add_argument("-o", required=True); a.add_argument("--no-orig-tags", action="store_true")
    d = sp.add_parser("diff"); d.add_argument("a"); d.add_argument("b")
    args = ap.parse_args()
    if args.cmd == "survey": survey(read(args.ged), args.min_similarity)
    elif args.cmd == "apply":
        out = apply(read(args.ged), yaml.safe_load(Path(args.mapping).read_text()), not args.no_orig_tags)
        Path(args.o).write_text("\n".join(out) + "\n", encoding="utf-8")
    else:
        sys.stdout.writelines(difflib.unified_diff(read(args.a), read(args.b), lineterm="\n"))

if __name__ == "__main__":
    main()
