#!/usr/bin/env python3
import argparse
import csv
import json
import os
import sys
import time
import urllib.request
import uuid
from pathlib import Path

BASE = "https://api.openai.com/v1"
STATE = Path(".batch_id")


def key():
    k = os.environ.get("OPENAI_API_KEY")
    if not k:
        sys.exit("OPENAI_API_KEY is not set")
    return k


def request(method, path, body=None, headers=None, raw=False):
    h = {"Authorization": f"Bearer {key()}", **(headers or {})}
    data = body
    if isinstance(body, dict):
        data = json.dumps(body).encode()
        h["Content-Type"] = "application/json"
    req = urllib.request.Request(BASE + path, data=data, headers=h, method=method)
    with urllib.request.urlopen(req, timeout=120) as r:
        payload = r.read()
    return payload if raw else json.loads(payload)


def upload(path: Path):
    boundary = uuid.uuid4().hex
    parts = [
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"purpose\"\r\n\r\nbatch\r\n".encode(),
        f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{path.name}\"\r\n"
        f"Content-Type: application/jsonl\r\n\r\n".encode(),
        path.read_bytes(),
        f"\r\n--{boundary}--\r\n".encode(),
    ]
    return request("POST", "/files", b"".join(parts),
                   {"Content-Type": f"multipart/form-data; boundary={boundary}"})


def build(a):
    tpl = Path(a.template).read_text(encoding="utf-8")
    n = chars = 0
    with open(a.csv, newline="", encoding="utf-8") as fh, open(a.out, "w", encoding="utf-8") as out:
        for row in csv.DictReader(fh):
            prompt = tpl.format(**row)
            chars += len(prompt)
            out.write(json.dumps({
                "custom_id": str(row[a.id_col]), "method": "POST", "url": "/v1/chat/completions",
                "body": {"model": a.model, "messages": [{"role": "user", "content": prompt}],
                         "max_tokens": a.max_tokens, "temperature": 0},
            }) + "\n")
            n += 1
    print(f"{n} requests -> {a.out}; ~{chars // 4:,} input tokens")


def submit(a):
    f = upload(Path(a.jsonl))
    b = request("POST", "/batches", {"input_file_id": f["id"], "endpoint": "/v1/chat/completions",
                                     "completion_window": "24h"})
    STATE.write_text(b["id"])
    print(f"batch {b['id']} status={b['status']}")


def status(_a):
    b = request("GET", f"/batches/{STATE.read_text().strip()}")
    c = b.get("request_counts", {})
    print(f"{b['id']} {b['status']} completed={c.get('completed')} failed={c.get('failed')} total={c.get('total')}")
    return b


def fetch(a):
    b = status(a)
    if b["status"] != "completed":
        sys.exit("not completed yet")
    results = {}
    for line in request("GET", f"/files/{b['output_file_id']}/content", raw=True).decode().splitlines():
        r = json.loads(line)
        try:
            results[r["custom_id"]] = r["response"]["body"]["choices"][0]["message"]["content"]
        except (KeyError, TypeError, IndexError):
            results[r["custom_id"]] = None
    with open(a.out, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["custom_id", "output"])
        w.writerows(results.items())
    if b.get("error_file_id"):
        Path("errors.jsonl").write_bytes(request("GET", f"/files/{b['error_file_id']}/content", raw=True))
    print(f"{len(results)} results -> {a.out}")
    if a.cleanup:
        for fid in (b["input_file_id"], b.get("output_file_id"), b.get("error_file_id")):
            if fid:
                request("DELETE", f"/files/{fid}")
        print("deleted uploaded/result files from OpenAI storage")


def cancel(_a):
    b = request("POST", f"/batches/{STATE.read_text().strip()}/cancel")
    print(f"{b['id']} {b['status']}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("build")
    p.add_argument("--csv", required=True)
    p.add_argument("--id-col", required=True)
    p.add_argument("--template", required=True)
    p.add_argument("--model", default="gpt-4o-mini")
    p.add_argument("--max-tokens", type=int, default=300)
    p.add_argument("--out", default="requests.jsonl")
    p = sub.add_parser("submit")
    p.add_argument("jsonl")
    sub.add_parser("status")
    p = sub.add_parser("fetch")
    p.add_argument("--out", default="results.csv")
    p.add_argument("--cleanup", action="store_true")
    sub.add_parser("cancel")
    a = ap.parse_args()
    {"build": build, "submit": submit, "status": status, "fetch": fetch, "cancel": cancel}[a.cmd](a)


if __name__ == "__main__":
    main()
