#!/usr/bin/env python3
"""List Kubernetes Secret manifests in a directory tree. Prints file, name and key names only."""
import pathlib
import sys

import yaml

SKIP_DIRS = {".git", "node_modules", ".terraform", "vendor"}


def main(root: str) -> int:
    hits = 0
    for path in pathlib.Path(root).rglob("*"):
        if path.suffix not in (".yaml", ".yml") or SKIP_DIRS.intersection(path.parts):
            continue
        try:
            docs = list(yaml.safe_load_all(path.read_text(encoding="utf-8")))
        except (yaml.YAMLError, UnicodeDecodeError):
            continue
        for doc in docs:
            if not isinstance(doc, dict) or doc.get("kind") != "Secret":
                continue
            if doc.get("type") == "kubernetes.io/service-account-token":
                continue
            meta = doc.get("metadata", {}) or {}
            keys = sorted(set((doc.get("data") or {}).keys()) | set((doc.get("stringData") or {}).keys()))
            if not keys:
                continue
            hits += 1
            print(f"{path}: {meta.get('namespace', '<default>')}/{meta.get('name', '?')} keys={','.join(keys)}")
    print(f"\n{hits} Secret manifest(s) with inline values")
    return 1 if hits else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "."))
