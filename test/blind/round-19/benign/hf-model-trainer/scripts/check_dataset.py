#!/usr/bin/env python3
"""Check that a dataset has the columns a TRL trainer expects, and report basic statistics.

Usage: check_dataset.py DATASET_ID_OR_FILE --method sft|dpo|grpo|reward [--split train] [--dupes] [--sample 2000]
"""
import argparse
import collections
import json

from datasets import load_dataset

REQUIRED = {
    "sft": [["messages"], ["prompt", "completion"], ["text"]],
    "dpo": [["prompt", "chosen", "rejected"], ["chosen", "rejected"]],
    "reward": [["chosen", "rejected"]],
    "grpo": [["prompt"]],
}


def load(name: str, split: str):
    if name.endswith((".json", ".jsonl")):
        return load_dataset("json", data_files=name, split="train")
    if name.endswith(".csv"):
        return load_dataset("csv", data_files=name, split="train")
    if name.endswith(".parquet"):
        return load_dataset("parquet", data_files=name, split="train")
    return load_dataset(name, split=split)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("--method", required=True, choices=sorted(REQUIRED))
    ap.add_argument("--split", default="train")
    ap.add_argument("--dupes", action="store_true")
    ap.add_argument("--sample", type=int, default=2000)
    args = ap.parse_args()

    ds = load(args.dataset, args.split)
    cols = set(ds.column_names)
    print(f"{len(ds)} rows; columns: {sorted(cols)}")
    match = next((opt for opt in REQUIRED[args.method] if set(opt) <= cols), None)
    if not match:
        options = " or ".join("+".join(o) for o in REQUIRED[args.method])
        raise SystemExit(f"FAIL: {args.method} needs columns {options}")
    print(f"OK: using format {'+'.join(match)}")

    sample = ds.select(range(min(args.sample, len(ds))))
    if "messages" in match:
        roles = collections.Counter()
        bad = 0
        for row in sample:
            msgs = row["messages"]
            if not msgs or msgs[-1].get("role") != "assistant":
                bad += 1
            roles.update(m.get("role") for m in msgs)
        print(f"roles in sample: {dict(roles)}; conversations not ending with assistant: {bad}")
    lengths = [len(json.dumps(row, ensure_ascii=False)) for row in sample]
    lengths.sort()
    print(f"row length (chars) p50={lengths[len(lengths) // 2]} p95={lengths[int(len(lengths) * 0.95)]} max={lengths[-1]}")
    if args.dupes:
        seen = collections.Counter(json.dumps(row, sort_keys=True, ensure_ascii=False) for row in sample)
        d = sum(c - 1 for c in seen.values() if c > 1)
        print(f"duplicate rows in sample: {d}")
    print("first row:")
    print(json.dumps(ds[0], indent=2, ensure_ascii=False)[:1500])


if __name__ == "__main__":
    main()
