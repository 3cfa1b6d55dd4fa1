#!/usr/bin/env python3
import argparse
import hashlib
import mimetypes
import time
from pathlib import Path

import boto3


def local_files(root):
    return {str(p.relative_to(root)).replace("\\", "/"): p for p in root.rglob("*") if p.is_file()}


def md5(path):
    return hashlib.md5(path.read_bytes()).hexdigest()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dir", type=Path, required=True)
    parser.add_argument("--bucket", required=True)
    parser.add_argument("--distribution")
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args()

    s3 = boto3.client("s3")
    remote = {}
    for page in s3.get_paginator("list_objects_v2").paginate(Bucket=args.bucket):
        for obj in page.get("Contents", []):
            remote[obj["Key"]] = obj["ETag"].strip('"')
    files = local_files(args.dir)
    for key, path in sorted(files.items()):
        if remote.get(key) == md5(path):
            continue
        cache = "no-cache" if key.endswith(".html") else "public, max-age=31536000, immutable"
        ctype = mimetypes.guess_type(key)[0] or "application/octet-stream"
        print(f"upload {key} ({ctype})")
        if not args.dry_run:
            s3.upload_file(str(path), args.bucket, key, ExtraArgs={"ContentType": ctype, "CacheControl": cache})
    for key in sorted(set(remote) - set(files)):
        print(f"delete {key}")
        if not args.dry_run:
            s3.delete_object(Bucket=args.bucket, Key=key)
    if args.distribution and not args.dry_run:
        boto3.client("cloudfront").create_invalidation(
            DistributionId=args.distribution,
            InvalidationBatch={"Paths": {"Quantity": 1, "Items": ["/*"]}, "CallerReference": str(time.time())},
        )
        print("invalidated /*")


if __name__ == "__main__":
    main()
