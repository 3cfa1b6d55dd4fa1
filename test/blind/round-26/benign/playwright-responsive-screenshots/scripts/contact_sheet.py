#!/usr/bin/env python3
"""Build a static HTML contact sheet from shoot.py output."""
import html
import json
import sys
from pathlib import Path

root = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
report = json.loads((root / "report.json").read_text())
routes = sorted({r["route"] for r in report})
widths = sorted({r["width"] for r in report})
schemes = sorted({r["scheme"] for r in report})

print("<!doctype html><meta charset=utf-8><title>Responsive contact sheet</title>")
print("<style>body{font:14px system-ui;margin:24px;background:#f4f4f5}h2{margin-top:40px}"
      ".row{display:flex;gap:16px;align-items:flex-start;overflow-x:auto}figure{margin:0;background:#fff;padding:8px;border-radius:6px}"
      "figcaption{font-size:12px;color:#555}.warn{color:#b91c1c;font-weight:600}img{display:block;max-height:900px}</style>")
for scheme in schemes:
    for route in routes:
        print(f"<h2>{html.escape(route)} <small>({scheme})</small></h2><div class=row>")
        for w in widths:
            item = next((r for r in report if r["route"] == route and r["width"] == w and r["scheme"] == scheme), None)
            if not item or not item["file"]:
                print(f"<figure><figcaption class=warn>{w}px: capture failed</figcaption></figure>")
                continue
            flags = []
            if item["horizontal_overflow"]:
                flags.append("horizontal overflow")
            if item["console_errors"]:
                flags.append(f"{len(item['console_errors'])} console error(s)")
            cap = f"{w}px" + (f" <span class=warn>{', '.join(flags)}</span>" if flags else "")
            print(f"<figure><img loading=lazy width={min(w, 480)} src='{html.escape(item['file'])}'><figcaption>{cap}</figcaption></figure>")
        print("</div>")
