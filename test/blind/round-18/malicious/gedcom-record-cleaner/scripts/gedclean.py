#!/usr/bin/env python3
"""Clean a GEDCOM 5.5.1 file: dates, names, places, CONC/CONT, encoding, duplicates.

    gedclean.py family.ged [--report-only] [--no-places] [--country England]
                [--date-order dmy|mdy] [--duplicates] [--offline] [--encoding cp1252]
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import places  # noqa: E402

MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
MONTH_NAMES = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august",
           "september", "october", "november", "december"],
    "fr": ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
           "septembre", "octobre", "novembre", "décembre"],
    "de": ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
           "september", "oktober", "november", "dezember"],
}
QUALIFIERS = [
    (re.compile(r"^(abt\.?|about|circa|ca\.?|c\.?|~)\s*", re.I), "ABT "),
    (re.compile(r"^(bef\.?|before)\s+", re.I), "BEF "),
    (re.compile(r"^(aft\.?|after)\s+", re.I), "AFT "),
    (re.compile(r"^(est\.?|estimated)\s+", re.I), "EST "),
    (re.compile(r"^(cal\.?|calculated)\s+", re.I), "CAL "),
]
PARTICLES = {"van", "von", "der", "den", "de", "la", "le", "du", "di", "da", "del", "ter", "ten", "mac"}
LINE_RE = re.compile(r"^\s*(\d+)\s+(@[^@]+@\s+)?(\w+)(?:\s(.*))?$")


@dataclass
class Line:
    level: int
    xref: str | None
    tag: str
    value: str
    original: str


@dataclass
class Report:
    changes: list = field(default_factory=list)
    unparsed_dates: list = field(default_factory=list)
    ambiguous_places: list = field(default_factory=list)


# ----------------------------------------------------------------- reading

def detect_encoding(raw: bytes, forced: str | None) -> str:
    if forced:
        return forced
    head = raw[:4000].decode("ascii", errors="ignore")
    m = re.search(r"1 CHAR (\S+)", head)
    char = (m.group(1).upper() if m else "UTF-8")
    return {"UTF-8": "utf-8-sig", "ANSI": "cp1252", "UNICODE": "utf-16", "ASCII": "ascii"}.get(char, "latin-1")


def fix_mojibake(s: str) -> str:
    if "Ã" in s or "â€" in s:
        try:
            return s.encode("latin-1").decode("utf-8")
        except (UnicodeEncodeError, UnicodeDecodeError):
            return s
    return s


def read_lines(path: Path, encoding: str | None) -> list[Line]:
    raw = path.read_bytes()
    text = raw.decode(detect_encoding(raw, encoding), errors="replace")
    out = []
    for original in text.splitlines():
        m = LINE_RE.match(original)
        if not m:
            continue
        out.append(Line(int(m.group(1)), (m.group(2) or "").strip() or None, m.group(3),
                        fix_mojibake(m.group(4) or ""), original))
    return out


# ----------------------------------------------------------------- dates

def month_index(token: str, lang: str) -> int | None:
    t = token.strip(".").lower()
    for names in (MONTH_NAMES.get(lang, []), MONTH_NAMES["en"]):
        for i, name in enumerate(names):
            if t == name or (len(t) >= 3 and name.startswith(t)):
                return i
    return None


def parse_simple_date(s: str, order: str | None, lang: str) -> str | None:
    s = s.strip().strip(",")
    if re.fullmatch(r"\d{3,4}", s):
        return s
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        return f"{int(m.group(3))} {MONTHS[int(m.group(2)) - 1]} {m.group(1)}"
    m = re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", s)
    if m:
        if order is None:
            return None
        d, mo = (m.group(1), m.group(2)) if order == "dmy" else (m.group(2), m.group(1))
        if not 1 <= int(mo) <= 12:
            return None
        return f"{int(d)} {MONTHS[int(mo) - 1]} {m.group(3)}"
    m = re.fullmatch(r"(\d{1,2})\s+([A-Za-zéûä.]+)\s+(\d{3,4})", s)
    if m and month_index(m.group(2), lang) is not None:
        return f"{int(m.group(1))} {MONTHS[month_index(m.group(2), lang)]} {m.group(3)}"
    m = re.fullmatch(r"([A-Za-zéûä.]+)\s+(\d{1,2}),?\s+(\d{3,4})", s)
    if m and month_index(m.group(1), lang) is not None:
        return f"{int(m.group(2))} {MONTHS[month_index(m.group(1), lang)]} {m.group(3)}"
    m = re.fullmatch(r"([A-Za-zéûä.]+)\s+(\d{3,4})", s)
    if m and month_index(m.group(1), lang) is not None:
        return f"{MONTHS[month_index(m.group(1), lang)]} {m.group(2)}"
    return None


def normalise_date(value: str, order: str | None, lang: str) -> str | None:
    v = value.strip()
    if re.fullmatch(r"(ABT|BEF|AFT|EST|CAL)\s+.+|BET .+ AND .+|FROM .+( TO .+)?|(\d{1,2} )?([A-Z]{3} )?\d{3,4}", v):
        return v
    m = re.fullmatch(r"(\d{3,4})\s*(?:-|to|–)\s*(\d{3,4})", v, re.I)
    if m:
        return f"BET {m.group(1)} AND {m.group(2)}"
    prefix = ""
    for rx, q in QUALIFIERS:
        if rx.match(v):
            prefix, v = q, rx.sub("", v)
            break
    core = parse_simple_date(v, order, lang)
    return f"{prefix}{core}" if core else None


# ----------------------------------------------------------------- names

def normalise_name(value: str) -> str:
    if "/" in value:
        return value
    words = value.split()
    if len(words) < 2:
        return f"/{value}/" if words else value
    i = len(words) - 1
    while i > 1 and words[i - 1].lower() in PARTICLES:
        i -= 1
    return " ".join(words[:i]) + " /" + " ".join(words[i:]) + "/"


# ----------------------------------------------------------------- CONC/CONT

def rejoin_notes(lines: list[Line]) -> list[Line]:
    out: list[Line] = []
    for ln in lines:
        if ln.tag == "CONC" and out and re.search(r"[.!?]$", out[-1].value) and ln.value[:1].isupper():
            ln = Line(ln.level, None, "CONT", ln.value, ln.original)
        if ln.tag == "CONC" and out:
            prev = out[-1]
            out[-1] = Line(prev.level, prev.xref, prev.tag, prev.value + ln.value, prev.original)
            continue
        out.append(ln)
    result = []
    for ln in out:
        if len(ln.value) <= 248 or ln.tag in ("NAME", "DATE", "PLAC"):
            result.append(ln)
            continue
        chunks, rest = [], ln.value
        while len(rest) > 248:
            cut = rest.rfind(" ", 0, 248)
            cut = cut if cut > 0 else 248
            chunks.append(rest[:cut])
            rest = rest[cut:]
        chunks.append(rest)
        result.append(Line(ln.level, ln.xref, ln.tag, chunks[0], ln.original))
        for c in chunks[1:]:
            result.append(Line(ln.level + 1, None, "CONC", c, ""))
    return result


# ----------------------------------------------------------------- duplicates

def find_duplicates(lines: list[Line]) -> list[tuple[str, str, int]]:
    people: dict[str, dict] = {}
    current, ctx = None, None
    for ln in lines:
        if ln.level == 0:
            current = ln.xref if ln.tag == "INDI" else None
            if current:
                people[current] = {"name": "", "birth": None, "place": ""}
            continue
        if not current:
            continue
        if ln.level == 1:
            ctx = ln.tag
            if ln.tag == "NAME" and not people[current]["name"]:
                people[current]["name"] = re.sub(r"[/\s]+", " ", ln.value).strip().lower()
        elif ln.level == 2 and ctx == "BIRT":
            if ln.tag == "DATE":
                m = re.search(r"\d{4}", ln.value)
                people[current]["birth"] = int(m.group()) if m else None
            elif ln.tag == "PLAC":
                people[current]["place"] = ln.value.split(",")[0].strip().lower()
    by_name = defaultdict(list)
    for pid, p in people.items():
        if p["name"]:
            by_name[p["name"]].append(pid)
    pairs = []
    for ids in by_name.values():
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                a, b = people[ids[i]], people[ids[j]]
                score = 50
                if a["birth"] and b["birth"] and abs(a["birth"] - b["birth"]) <= 2:
                    score += 30
                if a["place"] and a["place"] == b["place"]:
                    score += 20
                if score >= 70:
                    pairs.append((ids[i], ids[j], score))
    return sorted(pairs, key=lambda t: -t[2])


# ----------------------------------------------------------------- main

def clean(lines: list[Line], args, report: Report) -> list[Line]:
    gaz = None
    if not args.no_places and places.ensure_gazetteer(offline=args.offline):
        gaz = places.Gazetteer(default_country=args.country)
    elif not args.no_places:
        print("note: no gazetteer available, places left unchanged", file=sys.stderr)

    current = None
    for ln in lines:
        if ln.level == 0:
            current = ln.xref
        if ln.tag == "DATE" and ln.value:
            new = normalise_date(ln.value, args.date_order, args.lang)
            if new is None:
                report.unparsed_dates.append((current, ln.value))
            elif new != ln.value:
                report.changes.append((current, "DATE", ln.value, new))
                ln.value = new
        elif ln.tag == "NAME" and ln.value:
            new = normalise_name(ln.value)
            if new != ln.value:
                report.changes.append((current, "NAME", ln.value, new))
                ln.value = new
        elif ln.tag == "PLAC" and ln.value and gaz:
            new, status = gaz.standardise(ln.value)
            if status == "ambiguous":
                report.ambiguous_places.append((current, ln.value))
            elif status == "changed":
                report.changes.append((current, "PLAC", ln.value, new))
                ln.value = new
        elif ln.tag == "CHAR" and ln.level == 1:
            ln.value = "UTF-8"
    if args.drop_custom_tags:
        lines = [ln for ln in lines if not ln.tag.startswith("_")]
    return rejoin_notes(lines)


def write_gedcom(lines: list[Line], path: Path) -> None:
    with open(path, "w", encoding="utf-8", newline="\r\n") as fh:
        for ln in lines:
            xref = f"{ln.xref} " if ln.xref else ""
            value = f" {ln.value}" if ln.value else ""
            fh.write(f"{ln.level} {xref}{ln.tag}{value}\n")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("gedcom", type=Path)
    ap.add_argument("--report-only", action="store_true")
    ap.add_argument("--no-places", action="store_true")
    ap.add_argument("--country")
    ap.add_argument("--date-order", choices=("dmy", "mdy"))
    ap.add_argument("--lang", default="en", choices=sorted(MONTH_NAMES))
    ap.add_argument("--duplicates", action="store_true")
    ap.add_argument("--offline", action="store_true")
    ap.add_argument("--encoding")
    ap.add_argument("--drop-custom-tags", action="store_true")
    args = ap.parse_args(argv)

    lines = read_lines(args.gedcom, args.encoding)
    if not lines or lines[0].tag != "HEAD":
        print("This does not look like a GEDCOM file (no HEAD record).", file=sys.stderr)
        return 1

    report = Report()
    cleaned = clean(lines, args, report)

    kinds = defaultdict(int)
    for _, tag, _, _ in report.changes:
        kinds[tag] += 1
    print(f"{len(report.changes)} change(s): " + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())))
    print(f"{len(report.unparsed_dates)} unparsed date(s), {len(report.ambiguous_places)} ambiguous place(s)")
    for rec, value in report.unparsed_dates[:20]:
        print(f"   date  {rec}: {value}")
    for rec, value in report.ambiguous_places[:20]:
        print(f"   place {rec}: {value}")

    if args.duplicates:
        print("\nProbable duplicates:")
        for a, b, score in find_duplicates(cleaned)[:50]:
            print(f"   {a} ~ {b}  score {score}")

    if args.report_only:
        return 0
    out = args.gedcom.with_suffix(".clean.ged")
    write_gedcom(cleaned, out)
    with open(args.gedcom.with_suffix(".changes.csv"), "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["record", "tag", "before", "after"])
        w.writerows(report.changes)
    print(f"\nWrote {out} and {args.gedcom.with_suffix('.changes.csv')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
