#!/usr/bin/env python3
"""Bulk accessibility fixes for an unpacked EPUB 3.

    a11y_fix.py book/ --lang en-GB            apply automatic fixes, write alt-text-needed.csv
    a11y_fix.py book/ --apply-alt needed.csv    write alt text from the CSV
    a11y_fix.py book/ --nav                   generate page-list in the nav document
    a11y_fix.py book/ --check-only            only parse every XHTML file and report errors
"""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

try:
    from lxml import etree
except ImportError:
    sys.exit("lxml is required: python3 -m pip install lxml")

XHTML = "http://www.w3.org/1999/xhtml"
EPUB = "http://www.idpf.org/2007/ops"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
NS = {"x": XHTML, "epub": EPUB}
ORNAMENT_HINTS = re.compile(r"(ornament|divider|flourish|dingbat|spacer|decor)", re.I)


def xhtml_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.suffix in (".xhtml", ".html", ".htm"))


def parse(path: Path):
    parser = etree.XMLParser(remove_blank_text=False, resolve_entities=False)
    return etree.parse(str(path), parser)


def write(tree, path: Path) -> None:
    tree.write(str(path), xml_declaration=True, encoding="utf-8", pretty_print=False)


def context_text(img) -> str:
    parent = img.getparent()
    text = " ".join("".join(parent.itertext()).split()) if parent is not None else ""
    if not text:
        prev = img.getprevious()
        text = " ".join("".join(prev.itertext()).split()) if prev is not None else ""
    return text[:200]


def fix_file(path: Path, lang: str, todo: list) -> int:
    tree = parse(path)
    root = tree.getroot()
    changes = 0

    if root.get("lang") != lang or root.get(XML_LANG) != lang:
        if not root.get("lang"):
            root.set("lang", lang)
            changes += 1
        if not root.get(XML_LANG):
            root.set(XML_LANG, root.get("lang"))
            changes += 1

    body = root.find("x:body", NS)
    if body is not None:
        sections = body.findall(".//x:section", NS)
        if sections:
            first = sections[0]
            etype = first.get(f"{{{EPUB}}}type", "")
            if "chapter" in etype and first.get("role") is None:
                first.set("role", "doc-chapter")
                changes += 1

    for pb in root.xpath(".//*[contains(@epub:type, 'pagebreak')]", namespaces=NS):
        if pb.get("role") != "doc-pagebreak":
            pb.set("role", "doc-pagebreak")
            changes += 1
        if not pb.get("aria-label"):
            label = pb.get("title") or (pb.text or "").strip() or pb.get("id", "").replace("page", "")
            if label:
                pb.set("aria-label", label)
                pb.text = None
                changes += 1

    for th in root.iterfind(".//x:th", NS):
        if th.get("scope") is None:
            parent_tag = etree.QName(th.getparent().getparent()).localname if th.getparent() is not None else ""
            th.set("scope", "col" if parent_tag == "thead" else "row")
            changes += 1

    for level in range(1, 7):
        for h in root.iterfind(f".//x:h{level}", NS):
            if not "".join(h.itertext()).strip() and len(h) == 0:
                h.getparent().remove(h)
                changes += 1

    for img in root.iterfind(".//x:img", NS):
        src = img.get("src", "")
        alt = img.get("alt")
        if alt is None or alt.strip() in ("", "image", "img", Path(src).name):
            if ORNAMENT_HINTS.search(src):
                img.set("alt", "")
                img.set("role", "presentation")
                changes += 1
            else:
                todo.append({"file": str(path), "src": src, "context": context_text(img), "alt": ""})

    if changes:
        write(tree, path)
    return changes


def apply_alt(root: Path, csv_path: Path) -> int:
    updates: dict[str, dict[str, str]] = {}
    with open(csv_path, encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            if row.get("alt", "").strip():
                updates.setdefault(row["file"], {})[row["src"]] = row["alt"].strip()
    total = 0
    for file, by_src in updates.items():
        path = Path(file)
        tree = parse(path)
        for img in tree.getroot().iterfind(".//x:img", NS):
            if img.get("src") in by_src:
                img.set("alt", by_src[img.get("src")])
                total += 1
        write(tree, path)
    return total


def build_page_list(root: Path) -> int:
    nav_path = next((p for p in xhtml_files(root) if b'epub:type="toc"' in p.read_bytes()), None)
    if nav_path is None:
        print("no nav document with epub:type=toc found", file=sys.stderr)
        return 0
    entries = []
    for f in xhtml_files(root):
        if f == nav_path:
            continue
        for pb in parse(f).getroot().xpath(".//*[@role='doc-pagebreak' and @id]"):
            rel = Path(f).relative_to(nav_path.parent) if f.is_relative_to(nav_path.parent) else Path(f.name)
            entries.append((pb.get("aria-label") or pb.get("id"), f"{rel.as_posix()}#{pb.get('id')}"))
    if not entries:
        return 0
    tree = parse(nav_path)
    body = tree.getroot().find("x:body", NS)
    for old in body.xpath(".//x:nav[contains(@epub:type,'page-list')]", namespaces=NS):
        old.getparent().remove(old)
    nav = etree.SubElement(body, f"{{{XHTML}}}nav", {f"{{{EPUB}}}type": "page-list", "hidden": "hidden"})
    heading = etree.SubElement(nav, f"{{{XHTML}}}h2")
    heading.text = "Pages"
    ol = etree.SubElement(nav, f"{{{XHTML}}}ol")
    for label, href in entries:
        li = etree.SubElement(ol, f"{{{XHTML}}}li")
        a = etree.SubElement(li, f"{{{XHTML}}}a", href=href)
        a.text = label
    write(tree, nav_path)
    return len(entries)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("book", type=Path, help="unpacked EPUB directory")
    ap.add_argument("--lang", default="en")
    ap.add_argument("--apply-alt", type=Path)
    ap.add_argument("--nav", action="store_true")
    ap.add_argument("--check-only", action="store_true")
    args = ap.parse_args(argv)

    files = xhtml_files(args.book)
    if not files:
        print(f"no XHTML files under {args.book}", file=sys.stderr)
        return 1

    if args.check_only:
        bad = 0
        for f in files:
            try:
                parse(f)
            except etree.XMLSyntaxError as exc:
                bad += 1
                print(f"{f}: {exc}")
        print(f"{len(files)} files, {bad} with XML errors")
        return 1 if bad else 0

    if args.apply_alt:
        print(f"alt text written for {apply_alt(args.book, args.apply_alt)} image(s)")
        return 0

    if args.nav:
        print(f"page-list with {build_page_list(args.book)} entries written")
        return 0

    todo: list[dict] = []
    total = 0
    for f in files:
        try:
            total += fix_file(f, args.lang, todo)
        except etree.XMLSyntaxError as exc:
            print(f"skipped {f}: {exc}", file=sys.stderr)
    with open("alt-text-needed.csv", "w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=["file", "src", "context", "alt"])
        w.writeheader()
        w.writerows(todo)
    print(f"{total} automatic fix(es) in {len(files)} files; {len(todo)} image(s) need alt text (alt-text-needed.csv)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
