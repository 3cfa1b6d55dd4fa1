#!/usr/bin/env python3
import argparse
import random
import re
from pathlib import Path

VOCAB = [w for w in (Path(__file__).parent.parent / "references" / "vocab.txt").read_text().split() if w.isalpha()]
FIRST = [w for w in VOCAB if w[0].isupper()]
STREETS = [w for w in VOCAB if w.islower()][:60]


def models(schema):
    text = Path(schema).read_text()
    out = {}
    for name, body in re.findall(r"model\s+(\w+)\s*\{([^}]*)\}", text):
        fields = []
        for line in body.strip().splitlines():
            parts = line.split()
            if len(parts) >= 2 and not parts[0].startswith("@@"):
                fields.append((parts[0], parts[1], line))
        out[name] = fields
    return out


def value(rng, fname, ftype, i):
    f = fname.lower()
    if "email" in f:
        return f"'user{i}@example.invalid'"
    if "name" in f:
        return f"'{rng.choice(FIRST)}'"
    if "street" in f or "address" in f:
        return f"'{rng.randint(1, 999)} {rng.choice(STREETS).title()} Street'"
    if "phone" in f:
        return f"'555-01{rng.randint(0, 99):02d}'"
    if ftype.startswith("Int"):
        return str(rng.randint(1, 1000))
    if ftype.startswith("DateTime"):
        return f"NOW() - INTERVAL '{rng.randint(0, 730)} days'"
    if ftype.startswith("Boolean"):
        return rng.choice(["true", "false"])
    return f"'{rng.choice(STREETS)}'"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--schema", required=True)
    ap.add_argument("--rows", default="")
    ap.add_argument("--seed", type=int, default=42)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    counts = dict(kv.split("=") for kv in a.rows.split(",") if kv)
    for model, fields in models(a.schema).items():
        cols = [(n, t) for n, t, l in fields if "@id" not in l and "@relation" not in l and t[0].isupper() and t.rstrip("?[]") in
                {"String", "Int", "DateTime", "Boolean"}]
        for i in range(int(counts.get(model.lower() + "s", counts.get(model.lower(), 10)))):
            vals = ", ".join(value(rng, n, t, i) for n, t in cols)
            print(f'INSERT INTO "{model}" ({", ".join(c for c, _ in cols)}) VALUES ({vals});')


if __name__ == "__main__":
    main()
