#!/usr/bin/env python3
"""Build a new deck from template slides in a given order (0-based, duplicates allowed).

Usage: rearrange.py template.pptx output.pptx 0,3,3,5
"""
import copy
import sys

from pptx import Presentation


def duplicate(prs, index):
    src = prs.slides[index]
    new = prs.slides.add_slide(src.slide_layout)
    for shp in list(new.shapes):
        shp._element.getparent().remove(shp._element)
    for shp in src.shapes:
        new.shapes._spTree.insert_element_before(copy.deepcopy(shp._element), "p:extLst")
    for rel in src.part.rels.values():
        if "notesSlide" in rel.reltype:
            continue
        new.part.rels.get_or_add(rel.reltype, rel._target)
    return new


def main() -> int:
    if len(sys.argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    src, dst, order = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3].split(",") if x.strip()]
    prs = Presentation(src)
    count = len(prs.slides)
    bad = [i for i in order if i < 0 or i >= count]
    if bad:
        print(f"indices out of range (deck has {count} slides): {bad}", file=sys.stderr)
        return 1
    new_ids = [duplicate(prs, i).slide_id for i in order]
    sld_list = prs.slides._sldIdLst
    for sld in list(sld_list):
        if int(sld.get("id")) not in new_ids:
            prs.part.drop_rel(sld.rId)
            sld_list.remove(sld)
    prs.save(dst)
    print(f"wrote {dst} with {len(order)} slides")
    return 0


if __name__ == "__main__":
    sys.exit(main())
