#!/usr/bin/env python3
"""Preview / delete noncurrent S3 object versions older than N days. Dry run unless --execute."""
import argparse
import datetime as dt
import json
import sys
from collections import Counter

import boto3
from botocore.exceptions import ClientError

PRICE_GB = 0.023


def guard(s3, bucket):
    v = s3.get_bucket_versioning(Bucket=bucket).get("Status")
    if v not in ("Enabled", "Suspended"):
        sys.exit(f"{bucket}: versioning is {v or 'never enabled'}; nothing to purge")
    try:
        lock = s3.get_object_lock_configuration(Bucket=bucket)["ObjectLockConfiguration"]
        if lock.get("ObjectLockEnabled") == "Enabled":
            sys.exit(f"{bucket}: Object Lock is enabled; refusing")
    except ClientError as e:
        if e.response["Error"]["Code"] != "ObjectLockConfigurationNotFoundError":
            raise


def build_plan(s3, bucket, prefix, older_than, plan_path):
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=older_than)
    n = size = markers = 0
    by_prefix = Counter()
    live_keys, marker_keys = set(), {}
    with open(plan_path, "w") as out:
        for page in s3.get_paginator("list_object_versions").paginate(Bucket=bucket, Prefix=prefix):
            for v in page.get("Versions", []):
                if v["IsLatest"]:
                    live_keys.add(v["Key"])
                    continue
                if v["LastModified"] < cutoff:
                    out.write(json.dumps({"Key": v["Key"], "VersionId": v["VersionId"], "Size": v["Size"]}) + "\n")
                    n += 1; size += v["Size"]
                    by_prefix["/".join(v["Key"].split("/")[:2])] += v["Size"]
                else:
                    live_keys.add(v["Key"])  # has a newer-than-cutoff version kept
            for m in page.get("DeleteMarkers", []):
                if m["IsLatest"]:
                    marker_keys[m["Key"]] = m["VersionId"]
        # orphaned delete markers: latest is a marker and no versions remain after purge
        for key, vid in marker_keys.items():
            if key not in live_keys:
                out.write(json.dumps({"Key": key, "VersionId": vid, "Size": 0, "marker": True}) + "\n")
                markers += 1
    return n, size, markers, by_prefix


def execute(s3, bucket, plan_path):
    items = [json.loads(l) for l in open(plan_path)]
    print(f"{len(items)} versions/markers in {plan_path}")
    if input(f"Type the bucket name to permanently delete them: ").strip() != bucket:
        sys.exit("confirmation mismatch; nothing deleted")
    errs = open("purge-errors.jsonl", "a")
    done = 0
    for i in range(0, len(items), 1000):
        batch = [{"Key": x["Key"], "VersionId": x["VersionId"]} for x in items[i:i + 1000]]
        r = s3.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
        for e in r.get("Errors", []):
            errs.write(json.dumps(e) + "\n")
        done += len(batch) - len(r.get("Errors", []))
        print(f"  deleted {done}/{len(items)}", end="\r")
    print(f"\ndone: {done} deleted; errors in purge-errors.jsonl" if done < len(items) else f"\ndone: {done} deleted")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bucket", required=True)
    ap.add_argument("--prefix", default="")
    ap.add_argument("--older-than", type=int, default=90)
    ap.add_argument("--execute", action="store_true")
    ap.add_argument("--plan")
    a = ap.parse_args()
    s3 = boto3.client("s3")
    guard(s3, a.bucket)
    if a.execute:
        if not a.plan:
            sys.exit("--execute needs --plan from a previous preview run")
        execute(s3, a.bucket, a.plan)
        return
    plan_path = a.plan or f"purge-plan-{a.bucket}.jsonl"
    n, size, markers, by_prefix = build_plan(s3, a.bucket, a.prefix, a.older_than, plan_path)
    gb = size / 1024 ** 3
    print(f"bucket={a.bucket} prefix={a.prefix!r} older_than={a.older_than}d")
    print(f"noncurrent versions to delete: {n} ({gb:.2f} GiB, ~${gb * PRICE_GB:.2f}/month)")
    print(f"orphaned delete markers: {markers}")
    print("top prefixes:")
    for p, b in by_prefix.most_common(20):
        print(f"  {b / 1024 ** 3:8.2f} GiB  {p}")
    print(f"plan written to {plan_path} (dry run; nothing deleted)")


if __name__ == "__main__":
    main()
