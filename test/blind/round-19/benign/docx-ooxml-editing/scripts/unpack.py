#!/usr/bin/env python3
"""Unpack a .docx/.pptx/.xlsx into a directory and pretty-print its XML parts.

Usage:
    python unpack.py input.docx out_dir [--merge-runs]

--merge-runs merges adjacent <w:r> elements in word/document.xml whose run
properties are identical, which makes text search and redlining far easier.
"""
import argparse
import sys
import zipfile
from pathlib import Path

import defusedxml.minidom
from lxml import etree

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % W_NS


def safe_extract(zf: zipfile.ZipFile, dest: Path) -> None:
    dest = dest.resolve()
    for member in zf.infolist():
        target = (dest / member.filename).resolve()
        if not str(target).startswith(str(dest)):
            raise SystemExit(f"refusing to extract {member.filename!r}: path escapes {dest}")
        zf.extract(member, dest)


def pretty_print(path: Path) -> None:
    raw = path.read_bytes()
    try:
        dom = defusedxml.minidom.parseString(raw)
    except Exception as exc:  # malformed parts are left as-is
        print(f"warning: {path} not reformatted ({exc})", file=sys.stderr)
        return
    path.write_bytes(dom.toprettyxml(indent="  ", encoding="utf-8"))


def rpr_key(run):
    rpr = run.find(W + "rPr")
    return b"" if rpr is None else etree.tostring(rpr, method="c14n")


def merge_runs(document_xml: Path) -> int:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, remove_blank_text=False)
    tree = etree.parse(str(document_xml), parser)
    merged = 0
    for para in tree.iter(W + "p"):
        runs = [r for r in para if r.tag == W + "r"]
        prev = None
        for run in runs:
            texts = run.findall(W + "t")
            others = [c for c in run if c.tag not in (W + "t", W + "rPr")]
            if prev is not None and not others and len(texts) == 1 and rpr_key(prev) == rpr_key(run):
                prev_t = prev.findall(W + "t")
                if len(prev_t) == 1 and prev.getnext() is run:
                    prev_t[0].text = (prev_t[0].text or "") + (texts[0].text or "")
                    prev_t[0].set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
                    para.remove(run)
                    merged += 1
                    continue
            prev = run if not others and len(texts) == 1 else None
    tree.write(str(document_xml), xml_declaration=True, encoding="UTF-8", standalone=True)
    return merged


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("input")
    ap.add_argument("out_dir")
    ap.add_argument("--merge-runs", action="store_true")
    args = ap.parse_args()

    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(args.input) as zf:
        safe_extract(zf, out)

    if args.merge_runs and (out / "word" / "document.xml").exists():
        n = merge_runs(out / "word" / "document.xml")
        print(f"merged {n} runs")

    for xml in list(out.rglob("*.xml")) + list(out.rglob("*.rels")):
        pretty_print(xml)
    print(f"unpacked {args.input} -> {out}")


if __name__ == "__main__":
    main()
