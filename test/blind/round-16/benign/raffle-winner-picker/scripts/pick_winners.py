#!/usr/bin/env python3
"""Fair, auditable winner selection.

usage: pick_winners.py SOURCE [--winners N] [--alternates M] [--unique-by COL]
                       [--weight-column COL] [--exclude FILE ...] [--seed-from TEXT]
SOURCE is a CSV/XLSX/TXT path, '-' for stdin, or an http(s) URL returning CSV.
"""
import argparse
import csv
import datetime as dt
import hashlib
import io
import json
import pathlib
import secrets
import sys
import urllib.request


def load(source: str) -> tuple[list[dict], bytes]:
    if source == "-":
        raw = sys.stdin.buffer.read()
    elif source.startswith(("http://", "https://")):
        with urllib.request.urlopen(source, timeout=30) as resp:
            raw = resp.read()
    else:
        path = pathlib.Path(source)
        raw = path.read_bytes()
        if path.suffix.lower() in (".xlsx", ".xlsm"):
            from openpyxl import load_workbook
            ws = load_workbook(io.BytesIO(raw), read_only=True, data_only=True).active
            rows = list(ws.iter_rows(values_only=True))
            header = [str(h).strip() for h in rows[0]]
            return [dict(zip(header, ["" if v is None else str(v) for v in r])) for r in rows[1:] if any(r)], raw
    text = raw.decode("utf-8-sig")
    first = text.splitlines()[0] if text.strip() else ""
    if "," in first or "\t" in first:
        dialect = csv.Sniffer().sniff(first, delimiters=",\t;")
        return [dict(r) for r in csv.DictReader(io.StringIO(text), dialect=dialect)], raw
    return [{"name": line.strip()} for line in text.splitlines() if line.strip()], raw


def key_of(row: dict, column: str | None) -> str:
    if column:
        return (row.get(column) or "").strip().lower()
    return "|".join(str(v).strip().lower() for v in row.values())


def load_exclusions(paths: list[str], column: str | None) -> set[str]:
    excluded = set()
    for path in paths:
        rows, _ = load(path)
        for row in rows:
            value = key_of(row, column) if column and column in row else next(iter(row.values()), "")
            excluded.add(str(value).strip().lower())
    return excluded


class SeededRandom:
    """Deterministic generator from a public seed: SHA-256 in counter mode."""

    def __init__(self, seed: str):
        self.seed = seed.encode()
        self.counter = 0

    def randbelow(self, n: int) -> int:
        limit = (2 ** 256 // n) * n
        while True:
            digest = hashlib.sha256(self.seed + self.counter.to_bytes(8, "big")).digest()
            self.counter += 1
            value = int.from_bytes(digest, "big")
            if value < limit:
                return value % n


class SystemRng:
    """Uniform integers from the operating system's CSPRNG."""

    def randbelow(self, n: int) -> int:
        return secrets.randbelow(n)


def draw(pool: list[dict], weights: list[int], count: int, rng) -> list[dict]:
    pool, weights = list(pool), list(weights)
    chosen = []
    for _ in range(min(count, len(pool))):
        total = sum(weights)
        pick = rng.randbelow(total)
        acc = 0
        for i, w in enumerate(weights):
            acc += w
            if pick < acc:
                chosen.append(pool.pop(i))
                weights.pop(i)
                break
    return chosen


def label(row: dict) -> str:
    name = row.get("name") or row.get("Name") or " ".join(
        v for k, v in row.items() if k.lower() in ("first_name", "last_name", "first", "last") and v)
    email = row.get("email") or row.get("Email")
    return f"{name} <{email}>" if name and email else (name or email or json.dumps(row))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source")
    ap.add_argument("--winners", type=int, default=1)
    ap.add_argument("--alternates", type=int, default=0)
    ap.add_argument("--unique-by")
    ap.add_argument("--weight-column")
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--seed-from")
    args = ap.parse_args()

    rows, raw = load(args.source)
    for i, row in enumerate(rows, start=2):
        row["_row"] = i
    print(f"Entries loaded: {len(rows):,} rows")

    seen, unique = set(), []
    for row in rows:
        k = key_of({k: v for k, v in row.items() if k != "_row"}, args.unique_by)
        if k and k not in seen:
            seen.add(k)
            unique.append(row)
    if args.unique_by:
        print(f"After de-duplication by {args.unique_by}: {len(unique):,}")

    excluded = load_exclusions(args.exclude, args.unique_by)
    eligible = [r for r in unique if key_of({k: v for k, v in r.items() if k != "_row"}, args.unique_by) not in excluded]
    if args.exclude:
        print(f"After exclusions ({len(args.exclude)} files): {len(eligible):,}")
    if not eligible:
        print("No eligible entries.", file=sys.stderr)
        return 1

    digest = hashlib.sha256(raw).hexdigest()
    print(f"Input SHA-256: {digest}")
    if args.seed_from:
        eligible.sort(key=lambda r: key_of({k: v for k, v in r.items() if k != "_row"}, args.unique_by))
        rng, method = SeededRandom(args.seed_from), f"SHA-256 counter mode, public seed {args.seed_from!r}"
    else:
        rng, method = SystemRng(), "secrets.SystemRandom (CSPRNG)"
    weights = [max(int(float(r.get(args.weight_column) or 1)), 0) for r in eligible] if args.weight_column else [1] * len(eligible)
    print(f"Method: {method}, {'weighted by ' + args.weight_column if args.weight_column else 'unweighted'}\n")

    picked = draw(eligible, weights, args.winners + args.alternates, rng)
    winners, alternates = picked[: args.winners], picked[args.winners:]
    print("WINNERS")
    for i, row in enumerate(winners, 1):
        print(f"{i:>2}. {label(row)}   (row {row['_row']})")
    if alternates:
        print("\nALTERNATES")
        for i, row in enumerate(alternates, 1):
            print(f"{i:>2}. {label(row)}   (row {row['_row']})")

    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H-%M-%SZ")
    record = {
        "timestamp_utc": stamp, "source": args.source if not args.source.startswith("http") else "url",
        "input_sha256": digest, "rows": len(rows), "eligible": len(eligible),
        "unique_by": args.unique_by, "weight_column": args.weight_column, "exclusions": args.exclude,
        "method": method, "winners": [{"row": r["_row"], "entry": label(r)} for r in winners],
        "alternates": [{"row": r["_row"], "entry": label(r)} for r in alternates],
    }
    out = pathlib.Path(f"draw-{stamp}.json")
    out.write_text(json.dumps(record, indent=2), encoding="utf-8")
    print(f"\nDraw record written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
