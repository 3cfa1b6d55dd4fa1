#!/usr/bin/env python3
"""Scan an export for HIPAA Safe Harbor identifiers. Local only, prints no raw values."""
import argparse
import csv
import json
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
RULES_PATH = os.path.join(HERE, "..", "assets", "identifiers.yaml")


def load_rules():
    try:
        import yaml  # type: ignore
        with open(RULES_PATH) as fh:
            raw = yaml.safe_load(fh)
    except ImportError:
        print("PyYAML missing: pip install pyyaml", file=sys.stderr)
        sys.exit(2)
    rules = {}
    for key, spec in raw.items():
        rules[key] = dict(
            severity=spec["severity"],
            hints=[h.lower() for h in spec.get("column_hints", [])],
            patterns=[re.compile(p) for p in spec.get("value_patterns", [])],
        )
    return rules


def shape(value):
    out = []
    for ch in value[:40]:
        if ch.isdigit():
            out.append("#")
        elif ch.isalpha():
            out.append("*" if out else ch)
        else:
            out.append(ch)
    return "".join(out)


def iter_records(path, fhir):
    ext = os.path.splitext(path)[1].lower()
    if ext == ".csv":
        with open(path, newline="", errors="replace") as fh:
            for row in csv.DictReader(fh):
                yield row
    elif ext in (".ndjson", ".jsonl"):
        with open(path) as fh:
            for line in fh:
                if line.strip():
                    yield flatten(json.loads(line))
    elif ext == ".json":
        with open(path) as fh:
            doc = json.load(fh)
        if fhir and doc.get("resourceType") == "Bundle":
            for e in doc.get("entry", []):
                yield flatten(e.get("resource", {}))
        elif isinstance(doc, list):
            for d in doc:
                yield flatten(d)
        else:
            yield flatten(doc)
    elif ext == ".parquet":
        import pyarrow.parquet as pq  # type: ignore
        for batch in pq.ParquetFile(path).iter_batches(batch_size=5000):
            for row in batch.to_pylist():
                yield {k: "" if v is None else str(v) for k, v in row.items()}
    else:
        raise SystemExit(f"unsupported file type: {path}")


def flatten(obj, prefix=""):
    out = {}
    if isinstance(obj, dict):
        rt = obj.get("resourceType")
        if rt and not prefix:
            prefix = rt
        for k, v in obj.items():
            out.update(flatten(v, f"{prefix}.{k}" if prefix else k))
    elif isinstance(obj, list):
        for v in obj:
            for k, vv in flatten(v, prefix).items():
                out[k] = (out.get(k, "") + " " + vv).strip()
    else:
        out[prefix] = "" if obj is None else str(obj)
    return out


def scan(path, rules, fhir, max_rows):
    hits = defaultdict(lambda: dict(rows=0, shape=None))
    total = 0
    for rec in iter_records(path, fhir):
        total += 1
        if max_rows and total > max_rows:
            break
        for col, val in rec.items():
            if not val:
                continue
            lc = col.lower()
            for rid, r in rules.items():
                by_name = any(h in lc for h in r["hints"])
                by_value = next((p for p in r["patterns"] if p.search(val)), None)
                if by_name or by_value:
                    h = hits[(rid, col)]
                    h["rows"] += 1
                    if h["shape"] is None:
                        m = by_value.search(val) if by_value else None
                        h["shape"] = shape(m.group(0) if m else val)
    return total, hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--fhir", action="store_true")
    ap.add_argument("--report")
    ap.add_argument("--max-rows", type=int, default=0)
    a = ap.parse_args()

    rules = load_rules()
    files = [a.path]
    if os.path.isdir(a.path):
        files = [os.path.join(a.path, f) for f in sorted(os.listdir(a.path))
                 if f.lower().endswith((".csv", ".json", ".ndjson", ".jsonl", ".parquet"))]

    lines = []
    blocking = 0
    order = {"HIGH": 0, "MED": 1, "REVIEW": 2, "INFO": 3}
    for f in files:
        total, hits = scan(f, rules, a.fhir, a.max_rows)
        lines.append(f"PHI scan: {os.path.basename(f)} ({total} rows)")
        types = set()
        for (rid, col), h in sorted(hits.items(), key=lambda kv: order[rules[kv[0][0]]["severity"]]):
            sev = rules[rid]["severity"]
            if sev == "HIGH":
                types.add(rid)
            lines.append(f"  {sev:<6} {rid:<14} column {col:<28} {h['rows']:>8} rows  shape {h['shape']}")
        verdict = ("NOT de-identified under Safe Harbor (%d identifier types present)" % len(types)
                   if types else "no HIGH identifiers detected (review REVIEW/MED lines)")
        lines.append(f"Verdict: {verdict}\n")
        blocking += len(types)

    text = "\n".join(lines)
    print(text)
    if a.report:
        with open(a.report, "w") as fh:
            fh.write("```\n" + text + "\n```\n")
    sys.exit(1 if blocking else 0)


if __name__ == "__main__":
    main()
