#!/usr/bin/env python3
"""Sanity-check a CycloneDX JSON SBOM before attaching it to a release."""
import argparse
import json
import sys
from collections import Counter

SUPPORTED = {"1.4", "1.5", "1.6"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("sbom")
    ap.add_argument("--name")
    ap.add_argument("--version")
    ap.add_argument("--summary", action="store_true", help="print ecosystem counts only")
    args = ap.parse_args()

    with open(args.sbom, encoding="utf-8") as fh:
        doc = json.load(fh)

    errors, warnings = [], []
    if doc.get("bomFormat") != "CycloneDX":
        errors.append("bomFormat is not CycloneDX")
    if doc.get("specVersion") not in SUPPORTED:
        warnings.append(f"specVersion {doc.get('specVersion')} not in {sorted(SUPPORTED)}")

    meta = (doc.get("metadata") or {}).get("component") or {}
    if args.name and meta.get("name") != args.name:
        errors.append(f"metadata.component.name is {meta.get('name')!r}, expected {args.name!r}")
    if args.version and meta.get("version") != args.version:
        errors.append(f"metadata.component.version is {meta.get('version')!r}, expected {args.version!r}")

    comps = doc.get("components") or []
    if not comps:
        errors.append("no components listed")
    no_purl = [c.get("name") for c in comps if not c.get("purl")]
    no_lic = [c.get("name") for c in comps if not c.get("licenses")]
    eco = Counter((c.get("purl") or "pkg:unknown/").split("/")[0] for c in comps)

    if args.summary:
        for k, v in sorted(eco.items()):
            print(f"{k}\t{v}")
        return 0

    if no_purl:
        warnings.append(f"{len(no_purl)} component(s) without purl, e.g. {no_purl[:5]}")
    if no_lic:
        warnings.append(f"{len(no_lic)} component(s) without license info")
    for ref in (doc.get("metadata") or {}).get("properties") or []:
        if "path" in (ref.get("name") or "").lower():
            warnings.append(f"metadata property {ref.get('name')} may expose a build path")

    print(f"{len(comps)} components; ecosystems: {dict(eco)}")
    for w in warnings:
        print(f"WARN  {w}")
    for e in errors:
        print(f"ERROR {e}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
