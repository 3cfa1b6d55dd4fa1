#!/usr/bin/env python3
"""Apply one tracked replacement to word/document.xml, matching text across split runs."""

import argparse
import copy
import re
import sys
from datetime import datetime, timezone

from defusedxml import ElementTree as DET
import xml.etree.ElementTree as ET

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
ET.register_namespace("w", W)


def q(tag):
    return f"{{{W}}}{tag}"


def next_id(root) -> int:
    ids = [int(el.get(q("id"))) for el in root.iter() if el.get(q("id"), "").isdigit()]
    return max(ids, default=0) + 1


def paragraph_runs(p):
    """Runs directly in the paragraph that are not already inside a tracked change."""
    return [r for r in p.findall("w:r", NS) if r.find("w:t", NS) is not None]


def find_matches(root, needle):
    matches = []
    for p in root.iter(q("p")):
        runs = paragraph_runs(p)
        text = "".join(r.find("w:t", NS).text or "" for r in runs)
        for m in re.finditer(re.escape(needle), text):
            matches.append((p, runs, m.start(), m.end()))
    return matches


def make_run(template_run, text, deleted):
    r = ET.Element(q("r"))
    rpr = template_run.find("w:rPr", NS)
    if rpr is not None:
        r.append(copy.deepcopy(rpr))
    t = ET.SubElement(r, q("delText" if deleted else "t"))
    t.text = text
    t.set(XML_SPACE, "preserve")
    return r


def apply(p, runs, start, end, replacement, author, wid):
    date = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    pos = 0
    first_idx = None
    new_children = []
    for r in runs:
        t = r.find("w:t", NS).text or ""
        r_start, r_end = pos, pos + len(t)
        pos = r_end
        if r_end <= start or r_start >= end:
            continue
        if first_idx is None:
            first_idx = list(p).index(r)
        before = t[: max(0, start - r_start)]
        inside = t[max(0, start - r_start): min(len(t), end - r_start)]
        after = t[min(len(t), end - r_start):]
        if before:
            new_children.append(make_run(r, before, False))
        dele = ET.Element(q("del"), {q("id"): str(wid), q("author"): author, q("date"): date})
        dele.append(make_run(r, inside, True))
        new_children.append(dele)
        wid += 1
        if r_end >= end and replacement is not None:
            ins = ET.Element(q("ins"), {q("id"): str(wid), q("author"): author, q("date"): date})
            ins.append(make_run(r, replacement, False))
            new_children.append(ins)
            wid += 1
            replacement = None
        if after:
            new_children.append(make_run(r, after, False))
        p.remove(r)
    for offset, el in enumerate(new_children):
        p.insert(first_idx + offset, el)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("document_xml")
    ap.add_argument("--find", required=True)
    ap.add_argument("--replace", required=True)
    ap.add_argument("--author", default="Claude")
    ap.add_argument("--occurrence", type=int, help="1-based index when the text occurs more than once")
    a = ap.parse_args()

    tree = DET.parse(a.document_xml)
    root = tree.getroot()
    matches = find_matches(root, a.find)
    if not matches:
        sys.exit(f"Text not found: {a.find!r}")
    if len(matches) > 1 and not a.occurrence:
        sys.exit(f"{len(matches)} matches for {a.find!r}; pass --occurrence N")
    idx = (a.occurrence or 1) - 1
    if idx >= len(matches):
        sys.exit(f"Only {len(matches)} matches")
    p, runs, s, e = matches[idx]
    apply(p, runs, s, e, a.replace, a.author, next_id(root))
    tree.write(a.document_xml, xml_declaration=True, encoding="UTF-8")
    print(f"Redlined occurrence {idx + 1}: {a.find!r} -> {a.replace!r}")


if __name__ == "__main__":
    main()
