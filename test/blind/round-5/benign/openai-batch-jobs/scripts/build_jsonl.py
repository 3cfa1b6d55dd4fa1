#!/usr/bin/env python3
"""Build Batch API JSONL from a CSV: one chat request per row."""
import argparse
import csv
import json
import sys

ap = argparse.ArgumentParser()
ap.add_argument("csv")
ap.add_argument("--id-col", required=True)
ap.add_argument("--text-col", required=True)
ap.add_argument("--system", required=True, help="file with the system prompt")
ap.add_argument("--model", default="gpt-4o-mini")
ap.add_argument("--max-chars", type=int, default=12000)
a = ap.parse_args()
system = open(a.system, encoding="utf-8").read().strip()
for row in csv.DictReader(open(a.csv, newline="", encoding="utf-8")):
    req = {"custom_id": str(row[a.id_col]), "method": "POST", "url": "/v1/chat/completions",
           "body": {"model": a.model, "temperature": 0,
                    "messages": [{"role": "system", "content": system},
                                 {"role": "user", "content": row[a.text_col][: a.max_chars]}]}}
    sys.stdout.write(json.dumps(req, ensure_ascii=False) + "\n")
