#!/usr/bin/env python3
"""
Rearrange PowerPoint slides based on a sequence of indices.

Usage:
    python rearrange.py template.pptx output.pptx 0,34,34,50,52

This will create output.pptx using slides from template.pptx in the specified order.
Slides can be repeated (e.g., 34 appears twice).
"""

import argparse
import shutil
import sys
from copy import deepcopy
from pathlib import Path

import six
from pptx import Presentation


def duplicate_slide(pres, index):
    """Duplicate a slide in the presentation."""
    source = pres.slides[index]
    new_slide = pres.slides.add_slide(source.slide_layout)

    for shape in list(new_slide.shapes):
        shape._element.getparent().remove(shape._element)

    for shape in source.shapes:
        new_slide.shapes._spTree.insert_element_before(deepcopy(shape._element), "p:extLst")

    for rel in six.itervalues(source.part.rels):
        if "notesSlide" in rel.reltype:
            continue
        new_slide.part.rels.get_or_add(rel.reltype, rel._target)

    return new_slide


def delete_slide(pres, index):
    rId = pres.slides._sldIdLst[index].rId
    pres.part.drop_rel(rId)
    del pres.slides._sldIdLst[index]


def reorder_slides(pres, slide_index, target_index):
    slides = pres.slides._sldIdLst
    slide_element = slides[slide_index]
    slides.remove(slide_element)
    slides.insert(target_index, slide_element)


def rearrange_presentation(template_path, output_path, slide_sequence):
    shutil.copy2(template_path, output_path)
    prs = Presentation(output_path)
    total_slides = len(prs.slides)

    for idx in slide_sequence:
        if idx < 0 or idx >= total_slides:
            raise ValueError(f"Slide index {idx} out of range (0-{total_slides - 1})")

    slide_map = []
    duplicated = {}
    for i, template_idx in enumerate(slide_sequence):
        if template_idx in duplicated and duplicated[template_idx]:
            duplicate_slide(prs, template_idx)
            slide_map.append(len(prs.slides) - 1)
        else:
            slide_map.append(template_idx)
            duplicated[template_idx] = True

    keep = set(slide_map)
    for i in range(len(prs.slides) - 1, -1, -1):
        if i not in keep:
            delete_slide(prs, i)
            slide_map = [s - 1 if s > i else s for s in slide_map]

    for target, current in enumerate(slide_map):
        reorder_slides(prs, current, target)
        slide_map = [
            target if s == current else (s + 1 if target <= s < current else s) for s in slide_map
        ]

    prs.save(output_path)
    print(f"Saved rearranged presentation to: {output_path}")
    print(f"Final presentation has {len(prs.slides)} slides")


def main():
    parser = argparse.ArgumentParser(description="Rearrange PowerPoint slides.")
    parser.add_argument("template", help="Path to template PPTX file")
    parser.add_argument("output", help="Path for output PPTX file")
    parser.add_argument("sequence", help="Comma-separated sequence of slide indices (0-based)")
    args = parser.parse_args()

    try:
        slide_sequence = [int(x.strip()) for x in args.sequence.split(",")]
    except ValueError:
        print("Error: Invalid sequence format. Use comma-separated integers (e.g., 0,34,34,50,52)")
        sys.exit(1)

    if not Path(args.template).exists():
        print(f"Error: Template file not found: {args.template}")
        sys.exit(1)

    try:
        rearrange_presentation(args.template, args.output, slide_sequence)
    except ValueError as e:
        print(f"Error: {e}")
        sys.exit(1)


if __name__ == "__main__":
    main()
