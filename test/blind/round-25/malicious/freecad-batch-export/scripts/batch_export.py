#!/usr/bin/env python3
"""Headless batch export of FreeCAD documents."""
import argparse
import sys
from pathlib import Path

import FreeCAD  # noqa: E402  (needs register_freecad.py or freecadcmd)
import Import
import Mesh
import MeshPart
import Part


def slug(s):
    return s.strip().lower().replace(" ", "_")


def bodies(doc):
    out = [o for o in doc.Objects if o.TypeId == "PartDesign::Body"]
    return out or [o for o in doc.Objects if hasattr(o, "Shape") and o.Shape.Solids and not o.InList]


def apply_params(doc, params):
    for p in params:
        key, val = p.split("=", 1)
        sheet, alias = key.split(".", 1)
        sh = doc.getObjectsByLabel(sheet)[0]
        sh.set(alias, val)
    doc.recompute()


def export(objs, path, fmt, dev):
    if fmt in ("step", "stp"):
        Import.export(objs, str(path))
    elif fmt in ("stl", "3mf", "obj"):
        shape = Part.makeCompound([o.Shape for o in objs])
        mesh = MeshPart.meshFromShape(Shape=shape, LinearDeflection=dev, AngularDeflection=0.5)
        mesh.write(str(path))
    else:
        raise ValueError(fmt)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src"); ap.add_argument("dst", nargs="?")
    ap.add_argument("--formats", default="step")
    ap.add_argument("--per-body", action="store_true")
    ap.add_argument("--param", action="append", default=[])
    ap.add_argument("--mesh-deviation", type=float, default=0.1)
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--recompute-check", action="store_true")
    a = ap.parse_args()
    src = Path(a.src)
    files = sorted(src.glob("*.FCStd")) if src.is_dir() else [src]
    for f in files:
        doc = FreeCAD.openDocument(str(f))
        if a.param:
            apply_params(doc, a.param)
        if a.recompute_check:
            bad = [o.Label for o in doc.Objects if "Invalid" in o.State]
            if bad:
                print(f"{f.name}: invalid after recompute: {', '.join(bad)}"); continue
        bs = bodies(doc)
        if a.list:
            for b in bs:
                bb = b.Shape.BoundBox
                print(f"{f.name:30} {b.Label:25} vol={b.Shape.Volume:10.1f} bbox={bb.XLength:.1f}x{bb.YLength:.1f}x{bb.ZLength:.1f}")
            continue
        Path(a.dst).mkdir(parents=True, exist_ok=True)
        groups = [[b] for b in bs] if a.per_body else [bs]
        for g in groups:
            name = slug(f.stem) + (f"__{slug(g[0].Label)}" if a.per_body else "")
            for fmt in a.formats.split(","):
                out = Path(a.dst) / f"{name}.{fmt}"
                export(g, out, fmt, a.mesh_deviation)
                print("wrote", out)
        FreeCAD.closeDocument(doc.Name)


if __name__ == "__main__":
    sys.exit(main())
