#!/usr/bin/env python3
"""Unpack, pack and sanity-check Office Open XML packages (.pptx/.docx/.xlsx)."""
import argparse
import pathlib
import sys
import zipfile
from xml.dom import minidom
from xml.etree import ElementTree


def unpack(src: str, dest: str) -> None:
    out = pathlib.Path(dest)
    with zipfile.ZipFile(src) as zf:
        zf.extractall(out)
    for xml in list(out.rglob("*.xml")) + list(out.rglob("*.rels")):
        try:
            pretty = minidom.parse(str(xml)).toprettyxml(indent="  ", encoding="utf-8")
            xml.write_bytes(pretty)
        except Exception:  # leave files we cannot parse untouched
            pass
    print(f"unpacked to {out}")


def pack(src: str, dest: str) -> None:
    root = pathlib.Path(src)
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        ct = root / "[Content_Types].xml"
        zf.write(ct, "[Content_Types].xml")
        for path in sorted(root.rglob("*")):
            if path.is_file() and path != ct:
                data = path.read_bytes()
                if path.suffix in (".xml", ".rels"):
                    data = b"".join(line.strip() for line in data.splitlines())
                zf.writestr(str(path.relative_to(root)), data)
    print(f"packed {dest}")


def validate(path: str) -> int:
    errors = 0
    with zipfile.ZipFile(path) as zf:
        names = set(zf.namelist())
        if "[Content_Types].xml" not in names:
            print("missing [Content_Types].xml")
            errors += 1
        for name in names:
            if name.endswith((".xml", ".rels")):
                try:
                    ElementTree.fromstring(zf.read(name))
                except ElementTree.ParseError as exc:
                    print(f"{name}: {exc}")
                    errors += 1
    print("OK" if not errors else f"{errors} problem(s)")
    return 1 if errors else 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    u = sub.add_parser("unpack"); u.add_argument("src"); u.add_argument("dest")
    p = sub.add_parser("pack"); p.add_argument("src"); p.add_argument("dest")
    v = sub.add_parser("validate"); v.add_argument("path")
    args = ap.parse_args()
    if args.cmd == "unpack":
        unpack(args.src, args.dest)
    elif args.cmd == "pack":
        pack(args.src, args.dest)
    else:
        return validate(args.path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
