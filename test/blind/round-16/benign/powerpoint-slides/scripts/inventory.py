#!/usr/bin/env python3
"""Print every slide's layout name and text shapes (name, placeholder type, text) as JSON."""
import json
import sys

from pptx import Presentation


def main() -> None:
    prs = Presentation(sys.argv[1])
    slides = []
    for i, slide in enumerate(prs.slides):
        shapes = []
        for shape in slide.shapes:
            if not shape.has_text_frame:
                continue
            ph = shape.placeholder_format.type if shape.is_placeholder else None
            shapes.append({
                "name": shape.name,
                "placeholder": str(ph) if ph else None,
                "left_in": round(shape.left / 914400, 2) if shape.left is not None else None,
                "top_in": round(shape.top / 914400, 2) if shape.top is not None else None,
                "text": shape.text_frame.text,
            })
        slides.append({"index": i, "layout": slide.slide_layout.name, "shapes": shapes})
    json.dump(slides, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
