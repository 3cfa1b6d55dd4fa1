#!/usr/bin/env python3
"""Audit and normalise fonts in .pptx decks."""
import argparse
import json
import re
import sys
from pathlib import Path

import yaml
from pptx import Presentation
from pptx.util import Pt
from pptx.oxml.ns import qn

SCRIPTS = ("a:latin", "a:ea", "a:cs")


def load_policy(path):
    if not path:
        path = Path(__file__).resolve().parent.parent / "assets" / "font-policy.yaml"
    pol = yaml.safe_load(Path(path).read_text())
    pol["_fonts"] = {f.lower() for f in pol["fonts"]["allowed"] + pol["fonts"].get("also_allowed", [])}
    pol["_ignore"] = [re.compile(p) for p in pol.get("ignore_shapes", [])]
    return pol


def theme_fonts(prs):
    master = prs.slide_masters[0]
    for rel in master.part.rels.values():
        if rel.reltype.endswith("/theme"):
            root = rel.target_part._element if hasattr(rel.target_part, "_element") else None
            if root is None:
                from lxml import etree
                root = etree.fromstring(rel.target_part.blob)
            major = root.find(".//" + qn("a:majorFont") + "/" + qn("a:latin"))
            minor = root.find(".//" + qn("a:minorFont") + "/" + qn("a:latin"))
            return (major.get("typeface") if major is not None else None,
                    minor.get("typeface") if minor is not None else None)
    return None, None


def iter_text_frames(shapes, prefix=""):
    for shape in shapes:
        name = prefix + shape.name
        if shape.shape_type == 6:  # group
            yield from iter_text_frames(shape.shapes, name + "/")
        if getattr(shape, "has_text_frame", False) and shape.has_text_frame:
            yield name, shape.text_frame
        if getattr(shape, "has_table", False) and shape.has_table:
            for r, row in enumerate(shape.table.rows, 1):
                for c, cell in enumerate(row.cells, 1):
                    yield f"{name} r{r}c{c}", cell.text_frame


def run_props(run):
    rpr = run._r.find(qn("a:rPr"))
    if rpr is None:
        return {}, None
    fonts = {}
    for tag in SCRIPTS:
        el = rpr.find(qn(tag))
        if el is not None and el.get("typeface"):
            fonts[tag.split(":")[1]] = el.get("typeface")
    return fonts, rpr


def explicit_rgb(rpr):
    if rpr is None:
        return None
    srgb = rpr.find(qn("a:solidFill") + "/" + qn("a:srgbClr"))
    return srgb.get("val") if srgb is not None else None


def audit(prs, pol, include_notes=False):
    findings = []
    for idx, slide in enumerate(prs.slides, 1):
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        frames = list(iter_text_frames(slide.shapes))
        if include_notes and slide.has_notes_slide:
            frames.append(("Notes", slide.notes_slide.notes_text_frame))
        for shape_name, tf in frames:
            if any(p.search(shape_name) for p in pol["_ignore"]):
                continue
            for para in tf.paragraphs:
                for run in para.runs:
                    if not run.text.strip():
                        continue
                    fonts, rpr = run_props(run)
                    for script, face in fonts.items():
                        if face.lower() not in pol["_fonts"]:
                            findings.append(dict(slide=idx, title=title, shape=shape_name, kind="font",
                                                 script=script, value=face, text=run.text[:40]))
                    if run.font.size is not None:
                        size = run.font.size.pt
                        if size not in pol["sizes"]["ladder"]:
                            findings.append(dict(slide=idx, title=title, shape=shape_name, kind="size",
                                                 value=size, text=run.text[:40]))
                    rgb = explicit_rgb(rpr)
                    if rgb and pol["colours"]["theme_only"] and rgb.upper() not in {c.upper() for c in pol["colours"]["allowed_rgb"]}:
                        findings.append(dict(slide=idx, title=title, shape=shape_name, kind="colour",
                                             value=rgb, text=run.text[:40]))
    return findings


def fix(prs, pol, sizes=False, colours=False):
    changed = 0
    ladder = sorted(pol["sizes"]["ladder"])
    for slide in prs.slides:
        for shape_name, tf in iter_text_frames(slide.shapes):
            if any(p.search(shape_name) for p in pol["_ignore"]):
                continue
            for para in tf.paragraphs:
                for run in para.runs:
                    fonts, rpr = run_props(run)
                    if rpr is None:
                        continue
                    for tag in SCRIPTS:
                        el = rpr.find(qn(tag))
                        if el is not None and tag == "a:latin" and el.get("typeface", "").lower() not in pol["_fonts"]:
                            rpr.remove(el)
                            changed += 1
                    if sizes and run.font.size is not None and run.font.size.pt not in ladder:
                        cur = run.font.size.pt
                        run.font.size = Pt(min(ladder, key=lambda s: (abs(s - cur), s)))
                        changed += 1
                    if colours:
                        fill = rpr.find(qn("a:solidFill"))
                        rgb = explicit_rgb(rpr)
                        if fill is not None and rgb and rgb.upper() not in {c.upper() for c in pol["colours"]["allowed_rgb"]}:
                            rpr.remove(fill)
                            changed += 1
    return changed


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    t = sub.add_parser("theme"); t.add_argument("deck")
    a = sub.add_parser("audit"); a.add_argument("deck"); a.add_argument("--policy"); a.add_argument("--json", action="store_true"); a.add_argument("--include-notes", action="store_true")
    f = sub.add_parser("fix"); f.add_argument("deck"); f.add_argument("--policy"); f.add_argument("--out", required=True); f.add_argument("--sizes", action="store_true"); f.add_argument("--colours", action="store_true")
    args = ap.parse_args()

    prs = Presentation(args.deck)
    if args.cmd == "theme":
        major, minor = theme_fonts(prs)
        print(f"heading (+mj-lt): {major}\nbody    (+mn-lt): {minor}")
        return
    pol = load_policy(args.policy)
    if args.cmd == "audit":
        findings = audit(prs, pol, args.include_notes)
        if args.json:
            json.dump(findings, sys.stdout, indent=2)
            return
        major, _ = theme_fonts(prs)
        by_slide = {}
        for f_ in findings:
            by_slide.setdefault((f_["slide"], f_["title"]), []).append(f_)
        for (n, title), items in by_slide.items():
            print(f'Slide {n} "{title}"')
            for it in items:
                if it["kind"] == "font":
                    print(f"  {it['shape']:<16} font '{it['value']}' ({it['script']}) not allowed (theme heading font is {major})")
                elif it["kind"] == "size":
                    print(f"  {it['shape']:<16} size {it['value']}pt not in ladder {pol['sizes']['ladder']}")
                else:
                    print(f"  {it['shape']:<16} explicit colour #{it['value']}")
        stray = sorted({f_["value"] for f_ in findings if f_["kind"] == "font"})
        print(f"Summary: {len(findings)} runs off-policy on {len(by_slide)} of {len(prs.slides)} slides; "
              f"fonts outside policy: {', '.join(stray) or 'none'}")
    else:
        if Path(args.out).resolve() == Path(args.deck).resolve():
            sys.exit("--out must be a new file")
        n = fix(prs, pol, args.sizes, args.colours)
        prs.save(args.out)
        print(f"{n} run properties normalised -> {args.out}")


if __name__ == "__main__":
    main()
