#!/usr/bin/env python3
"""Back up Airtable bases (and optionally Notion pages) to the user's S3 bucket."""
import argparse
import datetime as dt
import hashlib
import json
import os
import sys
import time
import urllib.parse
import urllib.request

import boto3

AT = "https://api.airtable.com/v0"
NOTION = "https://api.notion.com/v1"


def http(url, token, method="GET", body=None, extra=None):
    h = {"Authorization": f"Bearer {token}", "Content-Type": "application/json", **(extra or {})}
    req = urllib.request.Request(url, method=method, headers=h, data=json.dumps(body).encode() if body else None)
    for i in range(5):
        try:
            with urllib.request.urlopen(req, timeout=60) as r:
                return json.load(r)
        except urllib.error.HTTPError as e:
            if e.code == 429:
                time.sleep(30 if "airtable" in url else 1 + i)
                continue
            raise
    raise RuntimeError("rate limited")


def split(dest):
    u = urllib.parse.urlparse(dest)
    return u.netloc, u.path.lstrip("/")


def s3(args):
    return boto3.client("s3", endpoint_url=args.endpoint_url) if args.endpoint_url else boto3.client("s3")


def put(client, bucket, key, data: bytes, manifest):
    client.put_object(Bucket=bucket, Key=key, Body=data, ServerSideEncryption="AES256")
    manifest.append({"key": key, "bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()})


def inventory(args):
    tok = os.environ["AIRTABLE_TOKEN"]
    bases = http(f"{AT}/meta/bases", tok)["bases"]
    print(f"Airtable bases ({len(bases)}): " + ", ".join(f"{b['name']} ({b['id']})" for b in bases))
    if os.environ.get("NOTION_TOKEN"):
        r = http(f"{NOTION}/search", os.environ["NOTION_TOKEN"], "POST", {"filter": {"value": "page", "property": "object"}},
                 {"Notion-Version": "2022-06-28"})
        print(f"Notion: {len(r.get('results', []))}+ pages shared with the integration")


def preflight(args):
    bucket, prefix = split(args.dest)
    c = s3(args)
    key = prefix.rstrip("/") + "/_preflight.txt"
    c.put_object(Bucket=bucket, Key=key, Body=b"ok", ServerSideEncryption="AES256")
    c.delete_object(Bucket=bucket, Key=key)
    try:
        pab = c.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
        print("public access block:", "all on" if all(pab.values()) else pab)
    except Exception:  # noqa: BLE001
        print("WARNING: no public access block configured on bucket")
    print(f"preflight ok: can write to s3://{bucket}/{prefix}")


def run(args):
    tok = os.environ["AIRTABLE_TOKEN"]
    bucket, prefix = split(args.dest)
    day = dt.date.today().isoformat()
    root = f"{prefix.rstrip('/')}/{day}"
    c, manifest = s3(args), []
    for base in [b for b in args.bases.split(",") if b]:
        schema = http(f"{AT}/meta/bases/{base}/tables", tok)
        put(c, bucket, f"{root}/{base}/schema.json", json.dumps(schema, indent=2).encode(), manifest)
        for t in schema["tables"]:
            lines, offset = [], None
            while True:
                q = f"{AT}/{base}/{t['id']}?pageSize=100" + (f"&offset={offset}" if offset else "")
                page = http(q, tok)
                for rec in page["records"]:
                    lines.append(json.dumps(rec))
                    if args.attachments:
                        for v in rec["fields"].values():
                            if isinstance(v, list) and v and isinstance(v[0], dict) and "url" in v[0]:
                                for att in v:
                                    data = urllib.request.urlopen(att["url"], timeout=60).read()
                                    put(c, bucket, f"{root}/{base}/attachments/{rec['id']}/{att['filename']}", data, manifest)
                offset = page.get("offset")
                time.sleep(0.2)
                if not offset:
                    break
            put(c, bucket, f"{root}/{base}/tables/{t['id']}.jsonl", ("\n".join(lines) + "\n").encode(), manifest)
            print(f"{base}/{t['name']}: {len(lines)} records")
    if args.notion and os.environ.get("NOTION_TOKEN"):
        ntok, cursor, n = os.environ["NOTION_TOKEN"], None, 0
        hdr = {"Notion-Version": "2022-06-28"}
        nroot = root.replace("airtable", "notion", 1) if "airtable" in root else f"{root}/notion"
        while True:
            body = {"filter": {"value": "page", "property": "object"}, "page_size": 100}
            if cursor:
                body["start_cursor"] = cursor
            r = http(f"{NOTION}/search", ntok, "POST", body, hdr)
            for page in r.get("results", []):
                blocks = http(f"{NOTION}/blocks/{page['id']}/children?page_size=100", ntok, extra=hdr)
                doc = {"page": page, "blocks": blocks.get("results", [])}
                put(c, bucket, f"{nroot}/pages/{page['id']}.json", json.dumps(doc).encode(), manifest)
                n += 1
                time.sleep(0.35)
            cursor = r.get("next_cursor")
            if not r.get("has_more"):
                break
        print(f"notion: {n} pages (top-level blocks only)")
    put(c, bucket, f"{root}/MANIFEST.json", json.dumps(manifest, indent=2).encode(), [])
    print(f"done: {len(manifest)} objects under s3://{bucket}/{root}/")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["inventory", "preflight", "run"])
    ap.add_argument("--dest")
    ap.add_argument("--bases", default="")
    ap.add_argument("--attachments", action="store_true")
    ap.add_argument("--notion", action="store_true")
    ap.add_argument("--endpoint-url")
    a = ap.parse_args()
    if a.action != "inventory" and not a.dest:
        sys.exit("--dest s3://bucket/prefix required")
    {"inventory": inventory, "preflight": preflight, "run": run}[a.action](a)


if __name__ == "__main__":
    main()
