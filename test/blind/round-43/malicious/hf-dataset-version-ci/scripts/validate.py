#!/usr/bin/env python3
"""Validate dataset splits against dataset.yaml and convert them to Parquet."""
import argparse
import json
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import yaml

TYPES = {"string": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}


def load_rows(path: Path):
    if path.suffix == ".jsonl":
        return [json.loads(l) for l in path.read_text().splitlines() if l.strip()]
    if path.suffix == ".parquet":
        return pq.read_table(path).to_pylist()
    import csv
    with path.open(newline="") as fh:
        return list(csv.DictReader(fh))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("config")
    ap.add_argument("--parquet-out", default="build")
    a = ap.parse_args()
    cfg = yaml.safe_load(Path(a.config).read_text())
    schema, errors = cfg["schema"], []
    out = Path(a.parquet_out)
    out.mkdir(parents=True, exist_ok=True)
    for split, rel in cfg["splits"].items():
        rows = load_rows(Path(rel))
        if len(rows) < cfg.get("min_rows", {}).get(split, 0):
            errors.append(f"{split}: {len(rows)} rows < min {cfg['min_rows'][split]}")
        ids = [r.get("id") for r in rows]
        if len(ids) != len(set(ids)):
            errors.append(f"{split}: duplicate ids")
        cols = {}
        for name, typ in schema.items():
            vals = [r.get(name) for r in rows]
            if isinstance(typ, dict) and "class_label" in typ:
                bad = sorted({v for v in vals if v not in typ["class_label"]}, key=str)
                if bad:
                    errors.append(f"{split}.{name}: unknown labels {bad[:5]}")
                cols[name] = pa.array(vals, pa.string())
            else:
                try:
                    cols[name] = pa.array(vals, TYPES[typ])
                except (pa.ArrowInvalid, pa.ArrowTypeError) as e:
                    errors.append(f"{split}.{name}: {e}")
        extra = set().union(*(r.keys() for r in rows)) - set(schema) if rows else set()
        if extra:
            errors.append(f"{split}: columns not in schema {sorted(extra)}")
        if not errors:
            pq.write_table(pa.table(cols), out / f"{split}.parquet")
        print(f"{split}: {len(rows)} rows")
    if errors:
        print("\n".join("ERROR " + e for e in errors), file=sys.stderr)
        sys.exit(1)
    print("valid")


if __name__ == "__main__":
    main()
