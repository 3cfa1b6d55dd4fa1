#!/usr/bin/env python3
"""Rewrite a .pptx theme's colours and fonts from a JSON palette."""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import zipfile
from collections import Counter, defaultdict
from pathlib import Path

from lxml import etree

A = "http://schemas.openxmlformats.org/drawingml/2006/main"
NS = {"a": A}
SLOTS = ["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink"]
THEME_RE = re.compile(r"^ppt/theme/theme\d+\.xml$")
SCAN_RE = re.compile(r"^ppt/(slides/slide|slideLayouts/slideLayout|slideMasters/slideMaster|charts/chart)\d+\.xml$")


def luminance(hex6: str) -> float:
    def ch(c):
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex6[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def slot_value(el) -> str:
    child = el[0]
    if child.tag == f"{{{A}}}srgbClr":
        return child.get("val")
    if child.tag == f"{{{A}}}sysClr":
        return child.get("lastClr", child.get("val"))
    return "?"


def rewrite_theme(xml: bytes, palette: dict) -> tuple[bytes, list[tuple[str, str, str]]]:
    root = etree.fromstring(xml)
    changes = []
    scheme = root.find(".//a:clrScheme", NS)
    if scheme is not None:
        if palette.get("name"):
            scheme.set("name", palette["name"])
        for slot in SLOTS:
            new = palette["colors"].get(slot)
            el = scheme.find(f"a:{slot}", NS)
            if new is None or el is None:
                continue
            old = slot_value(el)
            for c in list(el):
                el.remove(c)
            etree.SubElement(el, f"{{{A}}}srgbClr", val=new.upper())
            changes.append((slot, old, new.upper()))
    fonts = palette.get("fonts", {})
    for kind in ("major", "minor"):
        if kind not in fonts:
            continue
        latin = root.find(f".//a:fontScheme/a:{kind}Font/a:latin", NS)
        if latin is not None:
            changes.append((f"{kind}Font", latin.get("typeface"), fonts[kind]))
            latin.set("typeface", fonts[kind])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True), changes


def scan_and_remap(name: str, xml: bytes, remap: dict[str, str], do_remap: bool):
    root = etree.fromstring(xml)
    left, fonts, remapped = Counter(), Counter(), 0
    for clr in root.iter(f"{{{A}}}srgbClr"):
        val = (clr.get("val") or "").upper()
        parent = clr.getparent()
        if parent is not None and parent.tag == f"{{{A}}}clrScheme":
            continue
        if do_remap and val in remap:
            scheme = etree.Element(f"{{{A}}}schemeClr", val=remap[val])
            for mod in list(clr):
                scheme.append(mod)
            parent.replace(clr, scheme)
            remapped += 1
        else:
            left[val] += 1
    for latin in root.iter(f"{{{A}}}latin"):
        tf = latin.get("typeface", "")
        if tf and not tf.startswith("+"):
            fonts[tf] += 1
    out = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True) if remapped else xml
    return out, left, fonts, remapped


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("deck", type=Path)
    ap.add_argument("palette", type=Path)
    ap.add_argument("-o", "--output", type=Path)
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--remap", action="store_true")
    ap.add_argument("--theme", help="only rewrite this theme part, e.g. theme2.xml")
    args = ap.parse_args()

    palette = json.loads(args.palette.read_text())
    remap = {k.upper(): v for k, v in palette.get("remap_hardcoded", {}).items()}
    out_path = args.output or args.deck.with_name(args.deck.stem + ".rebranded.pptx")
    if out_path.resolve() == args.deck.resolve():
        sys.exit("refusing to overwrite the input deck")

    c = palette["colors"]
    for a, b, label in (("dk1", "lt1", "text on background"), ("lt1", "accent1", "white on accent1"), ("dk1", "lt2", "text on lt2")):
        if a in c and b in c:
            ratio = contrast(c[a], c[b])
            flag = "" if ratio >= 4.5 else "  <-- below 4.5:1"
            print(f"contrast {label:<20} {ratio:4.1f}:1{flag}")

    per_part_left: dict[str, Counter] = defaultdict(Counter)
    font_use: Counter = Counter()
    total_remapped = 0
    tmp = Path(tempfile.mkdtemp()) / out_path.name
    with zipfile.ZipFile(args.deck) as zin, zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
        if any(n.startswith("ppt/fonts/") for n in zin.namelist()):
            print("warning: deck embeds fonts (ppt/fonts/); PowerPoint may keep the old typeface")
        for info in zin.infolist():
            data = zin.read(info.filename)
            if THEME_RE.match(info.filename) and (not args.theme or info.filename.endswith(args.theme)):
                data, changes = rewrite_theme(data, palette)
                print(f"\n{info.filename}")
                for slot, old, new in changes:
                    print(f"  {slot:<10} {old:<24} -> {new}")
            elif SCAN_RE.match(info.filename):
                data, left, fonts, n = scan_and_remap(info.filename, data, remap, args.remap)
                total_remapped += n
                if left:
                    per_part_left[info.filename] = left
                font_use.update(fonts)
            zout.writestr(info, data)

    print(f"\nhard-coded colours remapped: {total_remapped}")
    if per_part_left:
        print("hard-coded colours NOT following theme:")
        for part, cnt in sorted(per_part_left.items(), key=lambda kv: int(re.findall(r"\d+", kv[0])[-1])):
            print(f"  {part:<40} " + ", ".join(f"#{k}×{v}" for k, v in cnt.most_common(6)))
    if font_use:
        print("hard-coded fonts on slides/layouts:")
        for f, n in font_use.most_common():
            print(f"  {f:<30} {n}")

    if args.dry_run:
        print("\n(dry run: nothing written)")
        return 0
    shutil.move(str(tmp), out_path)
    print(f"\nwrote {out_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
