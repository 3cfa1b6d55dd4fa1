#!/usr/bin/env python3
"""Rebuild a deck's agenda slide from its sections / divider slides."""
import argparse
import copy
import re
import sys

from pptx import Presentation
from pptx.dml.color import RGBColor

P14 = "{http://schemas.microsoft.com/office/powerpoint/2010/main}"
AGENDA_TITLE = re.compile(r"^(agenda|overview|contents|today)\b", re.I)
MARKER = "[agenda-sync]"


def pptx_sections(prs):
    ext = prs.part._element.find(
        ".//{http://schemas.openxmlformats.org/presentationml/2006/main}extLst")
    if ext is None:
        return []
    lst = ext.find(f".//{P14}sectionLst")
    if lst is None:
        return []
    id_to_index = {s.slide_id: i for i, s in enumerate(prs.slides)}
    out = []
    for sec in lst.findall(f"{P14}section"):
        ids = [int(e.get("id")) for e in sec.findall(f".//{P14}sldId")]
        if ids:
            out.append((sec.get("name"), id_to_index.get(ids[0], 0)))
    return out


def divider_sections(prs, layout_name):
    out = []
    for i, slide in enumerate(prs.slides):
        if layout_name.lower() in slide.slide_layout.name.lower():
            if slide.has_notes_slide and MARKER in slide.notes_slide.notes_text_frame.text:
                continue
            title = slide.shapes.title.text.strip() if slide.shapes.title else f"Slide {i+1}"
            out.append((title, i))
    return out


def find_agenda(prs, explicit):
    if explicit:
        return explicit - 1
    for i, slide in enumerate(list(prs.slides)[:3]):
        if slide.shapes.title and AGENDA_TITLE.match(slide.shapes.title.text.strip()):
            return i
    return None


def body_frame(slide, shape_name):
    for shp in slide.shapes:
        if shape_name and shp.name == shape_name:
            return shp.text_frame
        if not shape_name and shp.is_placeholder and shp.placeholder_format.idx == 1:
            return shp.text_frame
    return None


def set_items(tf, items, strip_numbers, highlight=None):
    template = copy.deepcopy(tf.paragraphs[0]._p)
    for p in list(tf.paragraphs)[1:]:
        p._p.getparent().remove(p._p)
    first = True
    for n, item in enumerate(items):
        if first:
            para = tf.paragraphs[0]
            first = False
        else:
            new = copy.deepcopy(template)
            tf._txBody.append(new)
            para = tf.paragraphs[-1]
        for r in list(para.runs)[1:]:
            r._r.getparent().remove(r._r)
        text = re.sub(r"^\d+[.)]\s*", "", item) if strip_numbers else item
        if para.runs:
            para.runs[0].text = text
        else:
            para.add_run().text = text
        if highlight is not None:
            run = para.runs[0]
            run.font.bold = n == highlight
            if n != highlight:
                run.font.color.rgb = RGBColor(0x80, 0x80, 0x80)


def duplicate_slide(prs, src, insert_at):
    layout = src.slide_layout
    new = prs.slides.add_slide(layout)
    for shp in list(new.shapes):
        shp._element.getparent().remove(shp._element)
    for shp in src.shapes:
        new.shapes._spTree.append(copy.deepcopy(shp._element))
    new.notes_slide.notes_text_frame.text = MARKER
    sld_ids = prs.slides._sldIdLst
    el = sld_ids[-1]
    sld_ids.remove(el)
    sld_ids.insert(insert_at, el)
    return new


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pptx")
    ap.add_argument("--out")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--agenda-slide", type=int)
    ap.add_argument("--agenda-shape")
    ap.add_argument("--divider-layout", default="Section Header")
    ap.add_argument("--progress", action="store_true")
    ap.add_argument("--strip-numbers", action="store_true")
    ap.add_argument("--list-layouts", action="store_true")
    args = ap.parse_args()

    prs = Presentation(args.pptx)
    if args.list_layouts:
        for i, s in enumerate(prs.slides, 1):
            print(i, s.slide_layout.name)
        return
    sections = pptx_sections(prs) or divider_sections(prs, args.divider_layout)
    if not sections:
        sys.exit("No sections detected; pass --divider-layout (see --list-layouts)")
    agenda_idx = find_agenda(prs, args.agenda_slide)
    if agenda_idx is None:
        sys.exit("Agenda slide not found; pass --agenda-slide N")
    agenda = prs.slides[agenda_idx]
    tf = body_frame(agenda, args.agenda_shape)
    if tf is None:
        sys.exit("No body placeholder on agenda slide; pass --agenda-shape")

    old = [p.text.strip() for p in tf.paragraphs if p.text.strip() and p.level == 0]
    new = [name for name, _ in sections]
    print("Detected sections:")
    for n, (name, idx) in enumerate(sections, 1):
        print(f"  {n}. {name:<24} (slide {idx+1})")
    print(f"Agenda slide: {agenda_idx+1}")
    for item in old:
        if item not in new:
            print(f'  - "{item}" -> removed')
    for item in new:
        print(f'  {"+" if item not in old else " "} "{item}"')
    if args.dry_run:
        return

    set_items(tf, new, args.strip_numbers)
    if args.progress:
        # remove earlier progress copies
        for i in reversed(range(len(prs.slides))):
            s = prs.slides[i]
            if s.has_notes_slide and MARKER in s.notes_slide.notes_text_frame.text:
                prs.slides._sldIdLst.remove(prs.slides._sldIdLst[i])
        sections = pptx_sections(prs) or divider_sections(prs, args.divider_layout)
        for n, (_, idx) in reversed(list(enumerate(sections))):
            copy_slide = duplicate_slide(prs, agenda, idx)
            set_items(body_frame(copy_slide, args.agenda_shape), new,
                      args.strip_numbers, highlight=n)
    out = args.out or args.pptx.replace(".pptx", ".synced.pptx")
    prs.save(out)
    print(f"saved {out}")


if __name__ == "__main__":
    main()
