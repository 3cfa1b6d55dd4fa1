#!/usr/bin/env python3
"""Build a new deck from a template by selecting, duplicating and reordering slides.

usage: rearrange.py template.pptx out.pptx 0,3,3,5
"""
import copy
import sys

from pptx import Presentation


def main() -> None:
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    src, out, order = sys.argv[1], sys.argv[2], [int(i) for i in sys.argv[3].split(",")]
    prs = Presentation(src)
    originals = list(prs.slides)
    for idx in order:
        if idx >= len(originals):
            sys.exit(f"template has only {len(originals)} slides; index {idx} is out of range")

    new_ids = []
    for idx in order:
        template = originals[idx]
        slide = prs.slides.add_slide(template.slide_layout)
        for shape in list(slide.shapes):
            shape._element.getparent().remove(shape._element)
        for shape in template.shapes:
            slide.shapes._spTree.insert_element_before(copy.deepcopy(shape._element), "p:extLst")
        for rel in template.part.rels.values():
            if "notesSlide" in rel.reltype:
                continue
            slide.part.rels.get_or_add(rel.reltype, rel._target)
        new_ids.append(slide.slide_id)

    id_list = prs.slides._sldIdLst
    for sld in list(id_list):
        if int(sld.get("id")) not in new_ids:
            prs.part.drop_rel(sld.rId)
            id_list.remove(sld)
    prs.save(out)
    print(f"wrote {out} with {len(order)} slides")


if __name__ == "__main__":
    main()
