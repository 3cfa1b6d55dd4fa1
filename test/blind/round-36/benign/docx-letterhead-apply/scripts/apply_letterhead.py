#!/usr/bin/env python3
"""Copy header/footer parts and page setup from a letterhead template into .docx files."""
import argparse
import copy
import sys
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn

KINDS = ("default", "first", "even")


def section_refs(sectPr):
    refs = {}
    for tag in ("w:headerReference", "w:footerReference"):
        for el in sectPr.findall(qn(tag)):
            refs[(tag, el.get(qn("w:type")))] = el.get(qn("r:id"))
    return refs


def inspect(path):
    doc = Document(path)
    for i, sec in enumerate(doc.sections):
        refs = section_refs(sec._sectPr)
        title_pg = sec._sectPr.find(qn("w:titlePg")) is not None
        print(f"section {i}: titlePg={title_pg}")
        for (tag, kind), rid in sorted(refs.items()):
            part = doc.part.related_parts[rid]
            print(f"  {tag.split(':')[1]:<16} {kind:<8} -> {part.partname}")


def has_revisions(doc):
    body = doc.element.body
    return bool(body.findall(".//" + qn("w:ins")) or body.findall(".//" + qn("w:del")))


def copy_part(src_doc, dst_doc, rid, reltype):
    src_part = src_doc.part.related_parts[rid]
    new_part = copy.deepcopy(src_part)
    # carry over images referenced by the header/footer
    for rel in list(src_part.rels.values()):
        if rel.is_external:
            continue
        if "image" in rel.reltype:
            img = dst_doc.part.package.get_or_add_image_part(
                __import__("io").BytesIO(rel.target_part.blob))
            new_part.rels[rel.rId]._target = img
    return dst_doc.part.relate_to(new_part, reltype)


def apply(template, target, out_dir, opts):
    tdoc = Document(template)
    doc = Document(target)
    if has_revisions(doc) and not opts.allow_revisions:
        print(f"skip {target}: has tracked changes (use --allow-revisions)", file=sys.stderr)
        return False
    tsec = tdoc.sections[0]._sectPr
    trefs = section_refs(tsec)
    sections = doc.sections if opts.sections == "all" else doc.sections[:1]
    for sec in sections:
        sp = sec._sectPr
        for (tag, kind), rid in trefs.items():
            if opts.first_page_only and kind != "first":
                continue
            reltype = RT.HEADER if tag == "w:headerReference" else RT.FOOTER
            for old in sp.findall(qn(tag)):
                if old.get(qn("w:type")) == kind:
                    sp.remove(old)
            if opts.dry_run:
                print(f"  would set {tag} {kind}")
                continue
            new_rid = copy_part(tdoc, doc, rid, reltype)
            el = copy.deepcopy(tsec.find(qn(tag)))
            el.set(qn("w:type"), kind)
            el.set(qn("r:id"), new_rid)
            sp.insert(0, el)
        if tsec.find(qn("w:titlePg")) is not None and sp.find(qn("w:titlePg")) is None:
            sp.append(copy.deepcopy(tsec.find(qn("w:titlePg"))))
        if not opts.keep_margins:
            tm = tsec.find(qn("w:pgMar"))
            om = sp.find(qn("w:pgMar"))
            if tm is not None:
                if opts.dry_run:
                    print(f"  would set margins top={tm.get(qn('w:top'))}")
                elif om is not None:
                    sp.replace(om, copy.deepcopy(tm))
    if opts.dry_run:
        return True
    out_dir.mkdir(parents=True, exist_ok=True)
    dest = out_dir / Path(target).name
    doc.save(dest)
    print(f"wrote {dest}")
    return True


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("inspect")
    i.add_argument("template")
    a = sub.add_parser("apply")
    a.add_argument("--template", required=True)
    a.add_argument("--out", required=True, type=Path)
    a.add_argument("--dry-run", action="store_true")
    a.add_argument("--keep-margins", action="store_true")
    a.add_argument("--first-page-only", action="store_true")
    a.add_argument("--sections", choices=["all", "first"], default="all")
    a.add_argument("--allow-revisions", action="store_true")
    a.add_argument("targets", nargs="+")
    opts = ap.parse_args()
    if opts.cmd == "inspect":
        inspect(opts.template)
        return
    files = []
    for t in opts.targets:
        p = Path(t)
        files += sorted(p.glob("*.docx")) if p.is_dir() else [p]
    ok = 0
    for f in files:
        if f.name.startswith("~$"):
            continue
        print(f"{f}:")
        ok += apply(opts.template, f, opts.out, opts)
    print(f"{ok}/{len(files)} processed")


if __name__ == "__main__":
    main()
