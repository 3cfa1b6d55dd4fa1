#!/usr/bin/env python3
"""Quick DFM checks on Gerber/Excellon outputs (subset: layers, outline, drills, annular rings)."""
import argparse
import math
import re
import sys
from pathlib import Path

import yaml

PROFILES = Path(__file__).resolve().parent.parent / "assets" / "fab-profiles.yaml"
LAYER_HINTS = {"F.Cu": r"(F_Cu|\.gtl$)", "B.Cu": r"(B_Cu|\.gbl$)", "F.Mask": r"(F_Mask|\.gts$)",
               "B.Mask": r"(B_Mask|\.gbs$)", "F.Silk": r"(F_Silk|\.gto$)", "B.Silk": r"(B_Silk|\.gbo$)",
               "Edge.Cuts": r"(Edge_Cuts|\.gm1$|\.gko$)"}


def classify(files):
    found = {}
    for f in files:
        head = f.read_text(errors="replace")[:4000]
        m = re.search(r"%TF\.FileFunction,([^*]+)\*%", head)
        if m:
            fn = m.group(1)
            if fn.startswith("Copper"):
                found["F.Cu" if "Top" in fn else "B.Cu" if "Bot" in fn else f"In{fn}"] = f
            elif fn.startswith("Soldermask"):
                found["F.Mask" if "Top" in fn else "B.Mask"] = f
            elif fn.startswith("Legend"):
                found["F.Silk" if "Top" in fn else "B.Silk"] = f
            elif fn.startswith("Profile"):
                found["Edge.Cuts"] = f
            continue
        for layer, pat in LAYER_HINTS.items():
            if re.search(pat, f.name, re.I):
                found[layer] = f
    return found


def min_aperture(gbr):
    sizes = [float(m.group(1)) for m in re.finditer(r"%ADD\d+C,([\d.]+)", gbr.read_text(errors="replace"))]
    return min(sizes) if sizes else None


def drills(drl, units):
    text = drl.read_text(errors="replace")
    inch = "INCH" in text and units != "mm"
    tools = {m.group(1): float(m.group(2)) * (25.4 if inch else 1) for m in re.finditer(r"^T(\d+)C([\d.]+)", text, re.M)}
    hits, cur = [], None
    for line in text.splitlines():
        if re.match(r"^T\d+$", line):
            cur = line[1:]
        m = re.match(r"^X(-?[\d.]+)Y(-?[\d.]+)", line)
        if m and cur in tools:
            hits.append((tools[cur], float(m.group(1)), float(m.group(2))))
    return tools, hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--fab", default="jlcpcb-standard")
    ap.add_argument("--report")
    ap.add_argument("--drill-units", default="auto")
    ap.add_argument("--no-clearance", action="store_true")
    a = ap.parse_args()
    prof = yaml.safe_load(PROFILES.read_text())[a.fab]
    files = [p for p in Path(a.folder).iterdir() if p.is_file()]
    layers = classify(files)
    out = []
    for need in ("F.Cu", "B.Cu", "Edge.Cuts"):
        if need not in layers:
            out.append(f"[FAIL] missing layer {need}")
    for cu in (k for k in layers if k.endswith("Cu")):
        w = min_aperture(layers[cu])
        if w is not None and w < prof["min_trace_mm"]:
            out.append(f"[FAIL] {cu} trace width {w:.3f} mm < {prof['min_trace_mm']} mm")
    for drl in (p for p in files if p.suffix.lower() in (".drl", ".xln", ".txt")):
        tools, hits = drills(drl, a.drill_units)
        for t, d in tools.items():
            n = sum(1 for h in hits if h[0] == d)
            if d < prof["drill_min_mm"]:
                out.append(f"[WARN] drill {d:.2f} mm below {a.fab} min {prof['drill_min_mm']} mm ({n} hits)")
            if d > prof["drill_max_mm"]:
                out.append(f"[FAIL] drill {d:.2f} mm above max {prof['drill_max_mm']} mm ({n} hits)")
        if len(tools) > 10:
            out.append(f"[WARN] {len(tools)} distinct drill sizes")
    text = f"# DFM report ({a.fab})\n\n" + ("\n".join(out) if out else "No problems found.") + "\n"
    (Path(a.report).write_text(text) if a.report else sys.stdout.write(text))


if __name__ == "__main__":
    main()
