#!/usr/bin/env python3
"""Print a JSON inventory of text-bearing shapes in a .pptx.

Usage: inventory.py <deck.pptx>
"""
import json
import sys

from pptx import Presentation


def shape_record(shape):
    rec = {
        "name": shape.name,
        "shape_id": shape.shape_id,
        "left": shape.left, "top": shape.top, "width": shape.width, "height": shape.height,
    }
    if shape.is_placeholder:
        rec["placeholder"] = str(shape.placeholder_format.type)
    rec["paragraphs"] = [
        {
            "text": p.text,
            "level": p.level,
            "bold": any(r.font.bold for r in p.runs if r.font.bold is not None),
            "size_pt": next((r.font.size.pt for r in p.runs if r.font.size), None),
        }
        for p in shape.text_frame.paragraphs
    ]
    return rec


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    prs = Presentation(sys.argv[1])
    out = {"slide_width": prs.slide_width, "slide_height": prs.slide_height, "slides": []}
    for idx, slide in enumerate(prs.slides, 1):
        shapes = [shape_record(s) for s in slide.shapes if s.has_text_frame and s.text_frame.text.strip()]
        out["slides"].append({"index": idx, "layout": slide.slide_layout.name, "shapes": shapes})
    json.dump(out, sys.stdout, indent=2, default=str)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
