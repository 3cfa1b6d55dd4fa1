#!/usr/bin/env python3
"""Report static-import closure sizes for Vite entries using dist/.vite/manifest.json.

Usage:
  chunk_report.py dist               # table of entries and their first-load bytes
  chunk_report.py dist --why NAME    # which entries statically reach a chunk whose file contains NAME
"""
import argparse
import gzip
import json
import sys
from pathlib import Path


def load_manifest(dist: Path) -> dict:
    for cand in (dist / ".vite" / "manifest.json", dist / "manifest.json"):
        if cand.exists():
            return json.loads(cand.read_text())
    sys.exit("manifest.json not found: set build.manifest = true in vite.config and rebuild")


def sizes(dist: Path, file: str) -> tuple[int, int]:
    data = (dist / file).read_bytes()
    return len(data), len(gzip.compress(data, compresslevel=9))


def closure(manifest: dict, key: str, seen=None) -> set:
    seen = seen if seen is not None else set()
    if key in seen:
        return seen
    seen.add(key)
    for dep in manifest[key].get("imports", []):
        closure(manifest, dep, seen)
    return seen


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dist", type=Path)
    ap.add_argument("--why")
    a = ap.parse_args()
    m = load_manifest(a.dist)
    entries = [k for k, v in m.items() if v.get("isEntry") or v.get("isDynamicEntry")]

    if a.why:
        for e in entries:
            hits = [m[k]["file"] for k in closure(m, e) if a.why in m[k]["file"]]
            if hits:
                kind = "entry" if m[e].get("isEntry") else "lazy"
                print(f"{kind:5} {e} -> {', '.join(hits)}")
        return

    print(f"{'kind':5} {'raw KB':>9} {'gzip KB':>9}  entry")
    for e in sorted(entries, key=lambda k: not m[k].get("isEntry")):
        raw = gz = 0
        for k in closure(m, e):
            r, g = sizes(a.dist, m[k]["file"])
            raw += r
            gz += g
        kind = "entry" if m[e].get("isEntry") else "lazy"
        print(f"{kind:5} {raw/1024:9.1f} {gz/1024:9.1f}  {e}")


if __name__ == "__main__":
    main()
