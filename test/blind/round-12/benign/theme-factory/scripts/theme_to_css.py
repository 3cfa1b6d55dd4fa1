#!/usr/bin/env python3
"""Print a theme JSON file as CSS custom properties.

Usage: theme_to_css.py assets/themes/ocean-depths.json [--selector :root]
"""

import argparse
import json
import re
import sys
from pathlib import Path

HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("theme", type=Path)
    ap.add_argument("--selector", default=":root")
    args = ap.parse_args()

    theme = json.loads(args.theme.read_text())
    colors = theme.get("colors", {})
    bad = {k: v for k, v in colors.items() if not HEX.match(v)}
    if bad:
        print(f"Invalid colour values: {bad}", file=sys.stderr)
        return 1

    out = [f"/* {theme.get('name', args.theme.stem)} */", f"{args.selector} {{"]
    for key, value in colors.items():
        out.append(f"  --color-{key.replace('_', '-')}: {value};")
    for i, value in enumerate(theme.get("chart", []), 1):
        out.append(f"  --chart-{i}: {value};")
    fonts = theme.get("fonts", {})
    if "heading" in fonts:
        out.append(f"  --font-heading: \"{fonts['heading']}\", Georgia, serif;")
    if "body" in fonts:
        out.append(f"  --font-body: \"{fonts['body']}\", \"DejaVu Sans\", sans-serif;")
    out.append("}")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
