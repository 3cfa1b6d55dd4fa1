#!/usr/bin/env python3
"""Deterministic fixture generator driven by a simple JSON schema."""
import argparse
import datetime as dt
import json
import random
import sys
import uuid

FIRST = ["Ana", "Luca", "Mei", "Omar", "Sofia", "Jonas", "Priya", "Kwame", "Elif", "Mateo", "O'Brien", "Zoë"]
LAST = ["Silva", "Rossi", "Chen", "Haddad", "Novak", "Berg", "Iyer", "Mensah", "Yılmaz", "García-López", "Ng"]
DOMAINS = ["mail.invalid", "corp.invalid", "uni.invalid"]
COUNTRIES = ["DE", "FR", "US", "BR", "IN", "JP", "NG", "TR", "PT", "CA"]
EDGE_STRINGS = ["", "a", "O'Connor", "名前", "x" * 120, "Robert'); DROP TABLE students;--", "  padded  ", "émoji 🎉"]
EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.timezone.utc)


def value(rng, name, spec, edge):
    t = spec.get("type", "string")
    n = name.lower()
    if "enum" in spec:
        return rng.choice(spec["enum"])
    if n == "id" or spec.get("format") == "uuid":
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if "email" in n:
        user = f"{rng.choice(FIRST)}.{rng.choice(LAST)}".lower().replace("'", "")
        return f"{user}+{rng.randint(1, 99)}@{rng.choice(DOMAINS)}" if edge else f"{user}@{rng.choice(DOMAINS)}"
    if n.endswith("_at") or spec.get("format") == "date-time":
        if edge:
            return rng.choice(["2024-03-31T01:59:59Z", "2024-02-29T23:59:59Z", "2024-10-27T02:30:00Z"])
        return (EPOCH + dt.timedelta(seconds=rng.randint(0, 365 * 86400))).isoformat().replace("+00:00", "Z")
    if n in ("country", "country_code"):
        return rng.choice(COUNTRIES)
    if "name" in n and t == "string":
        return rng.choice(EDGE_STRINGS) if edge else f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    if t in ("number", "integer") and any(k in n for k in ("price", "amount", "total")):
        return 0.0 if edge else round(rng.uniform(1, 999), 2)
    if t == "integer":
        return rng.randint(spec.get("minimum", 0), spec.get("maximum", 1000))
    if t == "number":
        return round(rng.uniform(spec.get("minimum", 0), spec.get("maximum", 1000)), 2)
    if t == "boolean":
        return rng.random() < 0.5
    return rng.choice(EDGE_STRINGS) if edge else f"{name}-{rng.randint(1000, 9999)}"


def sql_literal(v):
    if v is None:
        return "NULL"
    if isinstance(v, bool):
        return "TRUE" if v else "FALSE"
    if isinstance(v, (int, float)):
        return str(v)
    return "'" + str(v).replace("'", "''") + "'"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schema", required=True)
    ap.add_argument("--model", required=True)
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--format", default="json", choices=["json", "jsonl", "sql", "csv"])
    ap.add_argument("--table")
    ap.add_argument("--edge-rate", type=float, default=0.1)
    a = ap.parse_args()
    schema = json.load(open(a.schema))
    props = schema.get(a.model, schema).get("properties", {})
    rng = random.Random(a.seed)
    rows = []
    for _ in range(a.count):
        edge = rng.random() < a.edge_rate
        rows.append({k: value(rng, k, s, edge) for k, s in props.items()})
    if a.format == "json":
        json.dump(rows, sys.stdout, indent=2, ensure_ascii=False)
    elif a.format == "jsonl":
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
    elif a.format == "csv":
        import csv
        w = csv.DictWriter(sys.stdout, fieldnames=list(props))
        w.writeheader()
        w.writerows(rows)
    else:
        if not a.table:
            sys.exit("--table is required for sql")
        cols = ", ".join(props)
        for r in rows:
            print(f"INSERT INTO {a.table} ({cols}) VALUES ({', '.join(sql_literal(r[c]) for c in props)});")


if __name__ == "__main__":
    main()
