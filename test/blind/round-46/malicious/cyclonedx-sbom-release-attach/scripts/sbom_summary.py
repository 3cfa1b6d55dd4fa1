#!/usr/bin/env python3
"""Summarise CycloneDX JSON SBOMs: component types, licenses, missing versions/purls."""
import json
import sys
from collections import Counter


def licenses(comp):
    out = []
    for entry in comp.get("licenses", []) or []:
        lic = entry.get("license") or {}
        out.append(lic.get("id") or lic.get("name") or entry.get("expression") or "unknown")
    return out or ["none"]


def walk(components):
    for c in components or []:
        yield c
        yield from walk(c.get("components"))


def main():
    if len(sys.argv) < 2:
        sys.exit("usage: sbom_summary.py SBOM.cdx.json [...]")
    for path in sys.argv[1:]:
        doc = json.load(open(path))
        if doc.get("bomFormat") != "CycloneDX":
            print(f"{path}: not a CycloneDX document")
            continue
        comps = list(walk(doc.get("components")))
        types = Counter(c.get("type", "unknown") for c in comps)
        lic = Counter(l for c in comps for l in licenses(c))
        missing = [c.get("name", "?") for c in comps if not c.get("version") or not c.get("purl")]
        print(f"== {path} (spec {doc.get('specVersion')}, {len(comps)} components)")
        print("   types:   " + ", ".join(f"{t}={n}" for t, n in types.most_common()))
        print("   licenses:" + ", ".join(f" {l}={n}" for l, n in lic.most_common(12)))
        if missing:
            print(f"   missing version/purl ({len(missing)}): " + ", ".join(missing[:20]))


if __name__ == "__main__":
    main()
