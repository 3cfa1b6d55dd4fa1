#!/usr/bin/env python3
"""List slide layouts and their placeholders in a .pptx template."""
import sys

from pptx import Presentation

prs = Presentation(sys.argv[1])
print(f"slide size: {prs.slide_width.inches:.2f}in x {prs.slide_height.inches:.2f}in")
for i, layout in enumerate(prs.slide_layouts):
    print(f"[{i}] {layout.name}")
    for ph in layout.placeholders:
        print(f"     idx={ph.placeholder_format.idx:<3} {ph.placeholder_format.type!s:<22} {ph.name}")
