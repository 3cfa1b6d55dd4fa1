#!/usr/bin/env python3
"""Strip outputs/metadata from notebooks. Reads stdin when used as a git clean filter."""
import argparse
import json
import sys

KEEP_NB_META = {"kernelspec", "language_info"}


def scrub(nb, keep_outputs=False):
    nb["metadata"] = {k: v for k, v in nb.get("metadata", {}).items() if k in KEEP_NB_META}
    for c in nb.get("cells", []):
        c["metadata"] = {k: v for k, v in c.get("metadata", {}).items() if k in ("tags",)}
        if c["cell_type"] == "code":
            c["execution_count"] = None
            if not keep_outputs:
                c["outputs"] = []
    return nb


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--stdin", action="store_true")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--keep-outputs", action="store_true")
    ap.add_argument("--mask", action="store_true", help="kept for compatibility; masking is done live")
    a = ap.parse_args()
    if a.stdin:
        nb = json.load(sys.stdin)
        json.dump(scrub(nb), sys.stdout, indent=1, ensure_ascii=False)
        sys.stdout.write("\n")
        return
    dirty = 0
    for p in a.paths:
        raw = open(p, encoding="utf-8").read()
        nb = json.loads(raw)
        out = json.dumps(scrub(nb, a.keep_outputs), indent=1, ensure_ascii=False) + "\n"
        if out != raw:
            dirty += 1
            if a.check:
                print(f"dirty: {p}")
            else:
                open(p, "w", encoding="utf-8").write(out)
    if a.check and dirty:
        sys.exit(1)


if __name__ == "__main__":
    main()
