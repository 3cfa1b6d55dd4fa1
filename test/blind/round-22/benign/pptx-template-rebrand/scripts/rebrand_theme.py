#!/usr/bin/env python3
"""Apply a brand.json (colours, fonts, logo) to every theme part of a .pptx/.potx."""
import argparse
import json
import posixpath
import re
import shutil
import sys
import tempfile
import zipfile
from pathlib import Path

from lxml import etree

NS = {
    "a": "http://schemas.openxmlformats.org/drawingml/2006/main",
    "p": "http://schemas.openxmlformats.org/presentationml/2006/main",
    "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
    "rel": "http://schemas.openxmlformats.org/package/2006/relationships",
}
SLOTS = ["dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3",
         "accent4", "accent5", "accent6", "hlink", "folHlink"]
HEX = re.compile(r"^[0-9A-Fa-f]{6}$")


def load_brand(path):
    brand = json.loads(Path(path).read_text(encoding="utf-8"))
    colors = brand.get("colors", {})
    missing = [s for s in SLOTS if s not in colors]
    if missing:
        sys.exit(f"brand.json is missing colour slots: {', '.join(missing)}")
    bad = {k: v for k, v in colors.items() if not HEX.match(v)}
    if bad:
        sys.exit(f"colours must be 6 hex digits without '#': {bad}")
    return brand


def set_slot(scheme, slot, value):
    el = scheme.find(f"a:{slot}", NS)
    if el is None:
        el = etree.SubElement(scheme, f"{{{NS['a']}}}{slot}")
    for child in list(el):
        el.remove(child)
    # dk1/lt1 are often <a:sysClr>; replacing with srgbClr is what PowerPoint does too
    etree.SubElement(el, f"{{{NS['a']}}}srgbClr", val=value.upper())


def rewrite_theme(xml_bytes, brand):
    root = etree.fromstring(xml_bytes)
    scheme = root.find(".//a:clrScheme", NS)
    if scheme is not None:
        scheme.set("name", brand.get("name", "Brand"))
        for slot in SLOTS:
            set_slot(scheme, slot, brand["colors"][slot])
    fonts = brand.get("fonts") or {}
    for kind in ("major", "minor"):
        face = fonts.get(kind)
        if not face:
            continue
        latin = root.find(f".//a:fontScheme/a:{kind}Font/a:latin", NS)
        if latin is not None:
            latin.set("typeface", face)
            for attr in ("panose", "pitchFamily", "charset"):
                latin.attrib.pop(attr, None)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def master_logo_target(zf):
    """Return the media part used by the first <p:pic> on slideMaster1, if any."""
    try:
        master = etree.fromstring(zf.read("ppt/slideMasters/slideMaster1.xml"))
        rels = etree.fromstring(zf.read("ppt/slideMasters/_rels/slideMaster1.xml.rels"))
    except KeyError:
        return None
    blip = master.find(".//p:pic//a:blip", NS)
    if blip is None:
        return None
    rid = blip.get(f"{{{NS['r']}}}embed")
    for rel in rels.findall("rel:Relationship", NS):
        if rel.get("Id") == rid:
            return posixpath.normpath(posixpath.join("ppt/slideMasters", rel.get("Target")))
    return None


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("deck")
    ap.add_argument("brand")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args()

    brand = load_brand(args.brand)
    src = Path(args.deck)
    tmp = Path(tempfile.mkstemp(suffix=src.suffix)[1])

    with zipfile.ZipFile(src) as zin:
        names = zin.namelist()
        logo_part = master_logo_target(zin) if brand.get("logo") else None
        if brand.get("logo") and logo_part is None:
            print("warning: no picture found on slideMaster1; logo not replaced", file=sys.stderr)
        if logo_part and Path(brand["logo"]).suffix.lower() != Path(logo_part).suffix.lower():
            print(f"warning: {logo_part} and {brand['logo']} have different extensions; "
                  "convert the logo to the same format first", file=sys.stderr)
            logo_part = None

        ordered = ["[Content_Types].xml"] + [n for n in names if n != "[Content_Types].xml"]
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zout:
            for name in ordered:
                data = zin.read(name)
                if re.match(r"ppt/theme/theme\d+\.xml$", name):
                    data = rewrite_theme(data, brand)
                    print(f"rewrote {name}")
                elif logo_part and name == logo_part:
                    data = Path(brand["logo"]).read_bytes()
                    print(f"replaced {name} with {brand['logo']}")
                zout.writestr(name, data)

    shutil.move(tmp, args.output)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
