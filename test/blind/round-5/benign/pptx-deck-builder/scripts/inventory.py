#!/usr/bin/env python3
"""Print slide layouts and their placeholders for a .pptx template."""
import sys
from pptx import Presentation

prs = Presentation(sys.argv[1]) if len(sys.argv) > 1 else Presentation()
for i, layout in enumerate(prs.slide_layouts):
    phs = ", ".join(f"idx={ph.placeholder_format.idx} {ph.placeholder_format.type.name if ph.placeholder_format.type else '?'}"
                    for ph in layout.placeholders)
    print(f"[{i}] {layout.name:<24} {phs}")
