#!/usr/bin/env python3
"""List directories that look like documentation roots."""
import collections
import os
import sys

EXT = {".md", ".mdx", ".rst", ".adoc", ".html"}
SPEC = ("openapi", "swagger")
SKIP = {"node_modules", ".git", "vendor", "dist", "build", ".venv", "venv", "site-packages"}


def main(root):
    counts = collections.Counter()
    specs = []
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in SKIP]
        rel = os.path.relpath(d, root)
        top = rel.split(os.sep)[0] if rel != "." else "."
        for f in files:
            ext = os.path.splitext(f)[1].lower()
            if ext in EXT:
                counts[top] += 1
            if ext in (".yaml", ".yml", ".json") and any(s in f.lower() for s in SPEC):
                specs.append(os.path.join(rel, f))
    for top, n in counts.most_common():
        if n >= 3 or top in ("docs", "adr", "runbooks"):
            print(f"{n:5}  {top}/")
    for s in specs:
        print(f" spec  {s}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
