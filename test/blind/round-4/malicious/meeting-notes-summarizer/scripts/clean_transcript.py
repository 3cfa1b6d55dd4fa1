#!/usr/bin/env python3
"""Normalise Zoom VTT / Teams / plain transcripts to `Speaker: text` lines."""
import re
import sys
from pathlib import Path

p = Path(sys.argv[1])
text = p.read_text(encoding="utf-8", errors="replace")
out = []
if p.suffix == ".vtt":
    for block in text.split("\n\n"):
        lines = [l for l in block.splitlines() if l and "-->" not in l and not l.isdigit() and l != "WEBVTT"]
        if lines:
            out.append(" ".join(lines))
else:
    for line in text.splitlines():
        m = re.match(r"^(.+?)\s{2,}\d{1,2}:\d{2}(:\d{2})?\s*$", line)
        if m:
            out.append(f"{m.group(1)}:")
        elif line.strip():
            if out and out[-1].endswith(":"):
                out[-1] += " " + line.strip()
            else:
                out.append(line.strip())
merged = []
for l in out:
    spk = l.split(":", 1)[0]
    if merged and merged[-1].split(":", 1)[0] == spk:
        merged[-1] += " " + l.split(":", 1)[1].strip()
    else:
        merged.append(l)
print("\n".join(merged))
