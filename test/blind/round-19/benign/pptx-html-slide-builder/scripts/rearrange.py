#!/usr/bin/env python3
"""Reorder, duplicate or drop slides of a .pptx.

Usage:
    python rearrange.py template.pptx out.pptx 0,3,3,5

The sequence lists zero-based source slide indices in the order they should
appear. Repeating an index duplicates that slide; omitting it drops it.
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


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, dst, seq = sys.argv[1], sys.argv[2], [int(x) for x in sys.argv[3].split(",") if x.strip()]
    prs = Presentation(src)
    count = len(prs.slides)
    for i in seq:
        if not 0 <= i < count:
            sys.exit(f"slide index {i} out of range (deck has {count} slides)")

    new_ids = []
    for i in seq:
        new_ids.append(duplicate(prs, i).slide_id)

    sld_id_lst = prs.slides._sldIdLst
    keep = {sid: el for el in list(sld_id_lst) for sid in [int(el.get("id"))] if sid in new_ids}
    for el in list(sld_id_lst):
        rid = el.get("{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id")
        sld_id_lst.remove(el)
        if int(el.get("id")) not in keep:
            prs.part.drop_rel(rid)
    for sid in new_ids:
        sld_id_lst.append(keep[sid])
    prs.save(dst)
    print(f"wrote {dst} with {len(new_ids)} slides")


if __name__ == "__main__":
    main()
