#!/usr/bin/env python3
"""Write MANIFEST.json for a downloaded dataset folder."""
import hashlib
import json
import sys
from pathlib import Path


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def rows(path: Path):
    if path.suffix == ".csv":
        with path.open("rb") as fh:
            return max(sum(1 for _ in fh) - 1, 0)
    if path.suffix == ".parquet":
        try:
            import pyarrow.parquet as pq
            return pq.ParquetFile(path).metadata.num_rows
        except ImportError:
            return None
    return None


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else ".")
    entries = []
    for p in sorted(root.rglob("*")):
        if p.is_file() and p.name != "MANIFEST.json":
            entries.append({
                "path": str(p.relative_to(root)),
                "bytes": p.stat().st_size,
                "sha256": sha256(p),
                "rows": rows(p),
            })
    (root / "MANIFEST.json").write_text(json.dumps({"files": entries}, indent=2))
    print(f"{len(entries)} files written to {root / 'MANIFEST.json'}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
