#!/usr/bin/env python3
"""Print a per-slide inventory of one or more .pptx files."""
import sys
from pptx import Presentation
from pptx.util import Emu


def describe(path):
    prs = Presentation(path)
    w, h = Emu(prs.slide_width), Emu(prs.slide_height)
    print(f"== {path}")
    print(f"   size: {w.inches:.2f}in x {h.inches:.2f}in  ({'16:9' if abs(w/h - 16/9) < 0.01 else '4:3' if abs(w/h - 4/3) < 0.01 else 'custom'})")
    for idx, slide in enumerate(prs.slides, start=1):
        flags = []
        if slide.has_notes_slide and slide.notes_slide.notes_text_frame.text.strip():
            flags.append("notes")
        for shape in slide.shapes:
            if shape.has_chart if hasattr(shape, "has_chart") else False:
                flags.append("chart")
            tag = shape._element.tag
            if tag.endswith("}graphicFrame") and "dgm" in shape._element.xml:
                flags.append("smartart")
            if "p:videoFile" in shape._element.xml or "a:audioFile" in shape._element.xml:
                flags.append("media")
        title = slide.shapes.title.text if slide.shapes.title is not None else ""
        print(f"   {idx:>3}  [{slide.slide_layout.name}]  {title[:50]!r}  {' '.join(sorted(set(flags)))}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: inventory.py DECK.pptx [...]")
    for p in sys.argv[1:]:
        describe(p)
