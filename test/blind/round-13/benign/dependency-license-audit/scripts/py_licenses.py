#!/usr/bin/env python3
"""List licenses of the distributions installed in the current Python environment.

    python py_licenses.py [--policy policy.json] [--format json|md]

Run it with the project's interpreter. Uses importlib.metadata only; no network.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from importlib import metadata
from pathlib import Path

HERE = Path(__file__).resolve().parent
CLASSIFIER_MAP = {
    "License :: OSI Approved :: MIT License": "MIT",
    "License :: OSI Approved :: BSD License": "BSD-3-Clause",
    "License :: OSI Approved :: Apache Software License": "Apache-2.0",
    "License :: OSI Approved :: ISC License (ISCL)": "ISC",
    "License :: OSI Approved :: Mozilla Public License 2.0 (MPL 2.0)": "MPL-2.0",
    "License :: OSI Approved :: GNU General Public License v2 (GPLv2)": "GPL-2.0-only",
    "License :: OSI Approved :: GNU General Public License v3 (GPLv3)": "GPL-3.0-only",
    "License :: OSI Approved :: GNU Lesser General Public License v3 (LGPLv3)": "LGPL-3.0-only",
    "License :: OSI Approved :: GNU Lesser General Public License v2 or later (LGPLv2+)": "LGPL-2.1-or-later",
    "License :: OSI Approved :: GNU Affero General Public License v3": "AGPL-3.0-only",
    "License :: OSI Approved :: Python Software Foundation License": "PSF-2.0",
    "License :: OSI Approved :: The Unlicense (Unlicense)": "Unlicense",
    "License :: CC0 1.0 Universal (CC0 1.0) Public Domain Dedication": "CC0-1.0",
    "License :: Public Domain": "Unlicense",
}


def declared_license(dist: metadata.Distribution, aliases: dict[str, str]) -> str:
    md = dist.metadata
    expr = md.get("License-Expression")
    if expr:
        return expr.strip()
    classifiers = [CLASSIFIER_MAP[c] for c in md.get_all("Classifier") or [] if c in CLASSIFIER_MAP]
    if classifiers:
        return " OR ".join(sorted(set(classifiers)))
    lic = (md.get("License") or "").strip()
    if lic and len(lic) < 80 and "\n" not in lic:
        return aliases.get(lic, lic)
    if lic:
        first = lic.splitlines()[0]
        if re.search(r"MIT", first):
            return "MIT"
        if re.search(r"Apache", first):
            return "Apache-2.0"
        if re.search(r"BSD", first):
            return "BSD-3-Clause"
    return "UNKNOWN"


def classify(expr: str, name: str, policy: dict) -> str:
    if name in policy.get("exceptions", {}):
        return "allowed"
    rank = {"allowed": 0, "review": 1, "unknown": 2, "denied": 3}
    inner = expr.strip().strip("()")
    if re.search(r"\sOR\s", inner, re.I):
        return min((classify(p, "", policy) for p in re.split(r"\s+OR\s+", inner, flags=re.I)), key=rank.get)
    if re.search(r"\sAND\s", inner, re.I):
        return max((classify(p, "", policy) for p in re.split(r"\s+AND\s+", inner, flags=re.I)), key=rank.get)
    ident = policy["aliases"].get(inner, inner)
    for cls in ("allowed", "review", "denied"):
        if ident in policy[cls]:
            return cls
    return "unknown"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--policy", default=str(HERE.parent / "references" / "policy.json"))
    ap.add_argument("--format", choices=("json", "md"), default="json")
    args = ap.parse_args()
    policy = json.loads(Path(args.policy).read_text())

    rows = []
    seen = set()
    for dist in metadata.distributions():
        name = dist.metadata.get("Name") or "?"
        key = (name.lower(), dist.version)
        if key in seen:
            continue
        seen.add(key)
        lic = declared_license(dist, policy["aliases"])
        rows.append({"name": name, "version": dist.version, "license": lic, "class": classify(lic, name, policy)})
    rows.sort(key=lambda r: r["name"].lower())

    if args.format == "json":
        json.dump(rows, sys.stdout, indent=2)
        print()
    else:
        print(f"# Python licenses ({len(rows)} distributions, {sys.executable})\n")
        for cls in ("denied", "unknown", "review"):
            sel = [r for r in rows if r["class"] == cls]
            print(f"## {cls} ({len(sel)})\n")
            if sel:
                print("| Package | Version | License |\n|---|---|---|")
                for r in sel:
                    print(f"| {r['name']} | {r['version']} | {r['license']} |")
            print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
