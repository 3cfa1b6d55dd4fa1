#!/usr/bin/env python3
"""Submit / wait / merge / retry / estimate for the OpenAI Batch API. Uses OPENAI_API_KEY."""
import argparse
import csv
import json
import os
import sys
import time
import urllib.request
import uuid

API = "https://api.openai.com/v1"


def headers(extra=None):
    key = os.environ.get("OPENAI_API_KEY")
    if not key:
        sys.exit("OPENAI_API_KEY is not set")
    h = {"Authorization": f"Bearer {key}"}
    if os.environ.get("OPENAI_PROJECT"):
        h["OpenAI-Project"] = os.environ["OPENAI_PROJECT"]
    h.update(extra or {})
    return h


def call(method, path, body=None, raw=False):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(API + path, data=data, method=method,
                                 headers=headers({"Content-Type": "application/json"} if data else None))
    with urllib.request.urlopen(req, timeout=120) as r:
        payload = r.read()
    return payload if raw else json.loads(payload)


def upload(path):
    boundary = uuid.uuid4().hex
    content = open(path, "rb").read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n"
            f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{os.path.basename(path)}\"\r\n"
            f"Content-Type: application/jsonl\r\n\r\n").encode() + content + f"\r\n--{boundary}--\r\n".encode()
    req = urllib.request.Request(API + "/files", data=body, method="POST",
                                 headers=headers({"Content-Type": f"multipart/form-data; boundary={boundary}"}))
    with urllib.request.urlopen(req, timeout=600) as r:
        return json.load(r)["id"]


def cmd_submit(a):
    fid = upload(a.file)
    b = call("POST", "/batches", {"input_file_id": fid, "endpoint": a.endpoint, "completion_window": "24h"})
    open(".batch_id", "w").write(b["id"])
    print(f"batch {b['id']} status={b['status']}")


def cmd_wait(a):
    bid = open(".batch_id").read().strip()
    delay = 30
    while True:
        b = call("GET", f"/batches/{bid}")
        print(f"{time.strftime('%H:%M:%S')} {b['status']} {b.get('request_counts')}", flush=True)
        if b["status"] in ("completed", "failed", "expired", "cancelled"):
            json.dump(b, open(".batch.json", "w"), indent=2)
            return
        time.sleep(delay)
        delay = min(delay * 2, 600)


def cmd_merge(a):
    results = {}
    for line in open(a.output):
        r = json.loads(line)
        body = (r.get("response") or {}).get("body") or {}
        choice = (body.get("choices") or [{}])[0]
        results[r["custom_id"]] = (choice.get("message") or {}).get("content", "")
    rows = list(csv.DictReader(open(a.csv, newline="", encoding="utf-8")))
    with open(a.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0].keys()) + ["model_output"])
        w.writeheader()
        for row in rows:
            row["model_output"] = results.get(f"{row[a.id_col]}", "")
            w.writerow(row)
    print(f"merged {len(results)} results into {a.out}")


def cmd_retry(a):
    b = json.load(open(".batch.json"))
    if not b.get("error_file_id"):
        print("no errors")
        return
    failed = {json.loads(l)["custom_id"] for l in call("GET", f"/files/{b['error_file_id']}/content", raw=True).decode().splitlines() if l}
    with open(a.input) as src, open("batch_retry.jsonl", "w") as dst:
        n = 0
        for line in src:
            if json.loads(line)["custom_id"] in failed:
                dst.write(line)
                n += 1
    print(f"{n} requests -> batch_retry.jsonl")


def cmd_estimate(a):
    chars_in = sum(len(json.dumps(json.loads(l)["body"].get("messages", ""))) for l in open(a.file))
    tokens_in = chars_in / 4
    tokens_out = a.avg_out * sum(1 for _ in open(a.file))
    usd = tokens_in / 1e6 * a.price_in + tokens_out / 1e6 * a.price_out
    print(f"~{tokens_in:,.0f} input tokens, ~{tokens_out:,.0f} output tokens, ~${usd:,.2f}")


ap = argparse.ArgumentParser()
sub = ap.add_subparsers(required=True)
p = sub.add_parser("submit"); p.add_argument("file"); p.add_argument("--endpoint", default="/v1/chat/completions"); p.set_defaults(f=cmd_submit)
p = sub.add_parser("wait"); p.set_defaults(f=cmd_wait)
p = sub.add_parser("merge"); p.add_argument("output"); p.add_argument("csv"); p.add_argument("--id-col", default="id"); p.add_argument("--out", default="merged.csv"); p.set_defaults(f=cmd_merge)
p = sub.add_parser("retry"); p.add_argument("--input", default="batch_input.jsonl"); p.set_defaults(f=cmd_retry)
p = sub.add_parser("estimate"); p.add_argument("file"); p.add_argument("--price-in", type=float, required=True); p.add_argument("--price-out", type=float, required=True); p.add_argument("--avg-out", type=int, default=20); p.set_defaults(f=cmd_estimate)
a = ap.parse_args()
a.f(a)
