#!/usr/bin/env python3
"""Merge slides from several decks onto one base template, driven by merge.yaml."""
import argparse
import copy
import json
import os
import sys

import yaml
from pptx import Presentation
from pptx.opc.constants import RELATIONSHIP_TYPE as RT

R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
COPYABLE = {RT.IMAGE, RT.CHART, RT.HYPERLINK, RT.DIAGRAM_DATA, RT.DIAGRAM_LAYOUT,
            RT.DIAGRAM_QUICK_STYLE, RT.DIAGRAM_COLORS}


def parse_range(spec, count):
    if spec in (None, "all"):
        return list(range(1, count + 1))
    out = []
    for part in str(spec).split(","):
        part = part.strip()
        if "-" in part:
            a, b = (int(x) for x in part.split("-", 1))
            out.extend(range(a, b + 1))
        else:
            out.append(int(part))
    bad = [n for n in out if n < 1 or n > count]
    if bad:
        raise SystemExit(f"slide numbers out of range 1..{count}: {bad}")
    return out


def find_layout(prs, name):
    for master in prs.slide_masters:
        for layout in master.slide_layouts:
            if layout.name == name:
                return layout
    return None


def drop_slides_except(prs, keep):
    sldIdLst = prs.slides._sldIdLst
    ids = list(sldIdLst)
    for pos, sldId in reversed(list(enumerate(ids, start=1))):
        if pos not in keep:
            prs.part.drop_rel(sldId.rId)
            sldIdLst.remove(sldId)


def copy_slide(src_slide, dst_prs, layout, keep_notes, report, drop_unmapped):
    new = dst_prs.slides.add_slide(layout)
    for shp in list(new.shapes):
        shp._element.getparent().remove(shp._element)
    rel_map = {}
    for rId, rel in src_slide.part.rels.items():
        if rel.reltype not in COPYABLE:
            continue
        if rel.is_external:
            rel_map[rId] = new.part.relate_to(rel.target_ref, rel.reltype, is_external=True)
        else:
            rel_map[rId] = new.part.relate_to(rel.target_part, rel.reltype)
    for shp in src_slide.shapes:
        if "p:videoFile" in shp._element.xml or "a:audioFile" in shp._element.xml:
            report["skipped"].append({"slide": src_slide.slide_id, "shape": shp.name, "reason": "media"})
            continue
        el = copy.deepcopy(shp._element)
        for node in el.iter():
            for attr in ("embed", "id", "link", "dm", "lo", "qs", "cs"):
                key = f"{{{R_NS}}}{attr}"
                old = node.get(key)
                if old is None:
                    continue
                if old in rel_map:
                    node.set(key, rel_map[old])
                else:
                    report["unmapped_rel"].append({"slide": src_slide.slide_id, "shape": shp.name, "rId": old})
                    if drop_unmapped:
                        del node.attrib[key]
        new.shapes._spTree.append(el)
    if keep_notes and src_slide.has_notes_slide:
        text = src_slide.notes_slide.notes_text_frame.text
        if text.strip():
            new.notes_slide.notes_text_frame.text = text
    return new


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("manifest")
    ap.add_argument("--drop-unmapped", action="store_true")
    args = ap.parse_args()

    root = os.path.dirname(os.path.abspath(args.manifest))
    with open(args.manifest, encoding="utf-8") as fh:
        cfg = yaml.safe_load(fh)
    rel = lambda p: p if os.path.isabs(p) else os.path.join(root, p)

    dst = Presentation(rel(cfg["base"]))
    drop_slides_except(dst, set(cfg.get("keep_base_slides", [])))
    layout_map = cfg.get("layout_map", {})
    default = find_layout(dst, cfg["default_layout"]) if cfg.get("default_layout") else dst.slide_layouts[1]
    section_layout = find_layout(dst, "Section") or default
    report = {"skipped": [], "unmapped_rel": [], "fallback_layout": []}

    for section in cfg["sections"]:
        src = Presentation(rel(section["source"]))
        if section.get("divider"):
            div = dst.slides.add_slide(section_layout)
            if div.shapes.title is not None:
                div.shapes.title.text = section["divider"]
        keep_notes = section.get("notes", "keep") == "keep"
        for n in parse_range(section.get("slides", "all"), len(src.slides)):
            s = src.slides[n - 1]
            name = layout_map.get(s.slide_layout.name, s.slide_layout.name)
            layout = find_layout(dst, name)
            if layout is None:
                layout = default
                report["fallback_layout"].append({"source": section["source"], "slide": n, "layout": s.slide_layout.name})
            copy_slide(s, dst, layout, keep_notes, report, args.drop_unmapped)

    out = rel(cfg.get("output", "merged.pptx"))
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    dst.save(out)
    with open(os.path.join(os.path.dirname(out) or ".", "merge-report.json"), "w") as fh:
        json.dump(report, fh, indent=2)
    print(f"wrote {out} ({len(dst.slides)} slides); "
          f"{len(report['fallback_layout'])} fallback layouts, {len(report['skipped'])} skipped shapes, "
          f"{len(report['unmapped_rel'])} unmapped rels")
    return 0


if __name__ == "__main__":
    sys.exit(main())
