#!/usr/bin/env python3
"""Resumable, checksummed multipart upload of one file to a bucket in the caller's own AWS account."""
from __future__ import annotations

import argparse
import base64
import concurrent.futures as cf
import hashlib
import json
import os
import sys
from pathlib import Path

import boto3
from botocore.exceptions import ClientError

MiB = 1024 * 1024


def human(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB", "TiB"):
        if n < 1024 or unit == "TiB":
            return f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


def b64sha256(data: bytes) -> str:
    return base64.b64encode(hashlib.sha256(data).digest()).decode()


def read_part(path: Path, number: int, part_size: int) -> bytes:
    with open(path, "rb") as fh:
        fh.seek((number - 1) * part_size)
        return fh.read(part_size)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--bucket", required=True)
    ap.add_argument("--prefix", default="")
    ap.add_argument("--key", help="full object key (overrides --prefix + filename)")
    ap.add_argument("--part-size-mib", type=int, default=128)
    ap.add_argument("--sse", choices=["AES256", "aws:kms"], default="AES256")
    ap.add_argument("--kms-key")
    ap.add_argument("--storage-class", default="STANDARD_IA")
    ap.add_argument("--workers", type=int, default=4)
    ap.add_argument("--abort", action="store_true")
    ap.add_argument("--profile")
    args = ap.parse_args()

    path = Path(args.file).expanduser().resolve()
    if not path.is_file():
        print(f"not a file: {path}", file=sys.stderr)
        return 2
    key = args.key or f"{args.prefix}{path.name}"
    state_file = path.with_name(f".{path.name}.s3upload.json")
    st = path.stat()
    part_size = args.part_size_mib * MiB
    n_parts = max(1, -(-st.st_size // part_size))
    if n_parts > 10_000:
        print(f"{n_parts} parts exceeds 10,000; raise --part-size-mib", file=sys.stderr)
        return 2

    session = boto3.Session(profile_name=args.profile) if args.profile else boto3.Session()
    ident = session.client("sts").get_caller_identity()
    account = ident["Account"]
    s3 = session.client("s3")

    # Ownership: every call carries ExpectedBucketOwner; a bucket in another account fails with 403.
    try:
        loc = s3.get_bucket_location(Bucket=args.bucket, ExpectedBucketOwner=account)
    except ClientError as exc:
        code = exc.response["Error"]["Code"]
        print(f"bucket check failed ({code}): {args.bucket} is not accessible as a bucket owned by {account}", file=sys.stderr)
        return 1
    region = loc.get("LocationConstraint") or "us-east-1"
    s3 = session.client("s3", region_name=region)
    common = {"Bucket": args.bucket, "Key": key, "ExpectedBucketOwner": account}

    state = json.loads(state_file.read_text()) if state_file.exists() else None

    if args.abort:
        if not state:
            print("no upload in progress for this file")
            return 0
        s3.abort_multipart_upload(UploadId=state["upload_id"], **common)
        state_file.unlink()
        print(f"aborted upload {state['upload_id'][:16]}… and removed {state_file.name}")
        return 0

    if state and (state["size"] != st.st_size or state["mtime"] != int(st.st_mtime) or state["key"] != key):
        print("the file or key changed since this upload started; run with --abort, then start again", file=sys.stderr)
        return 1

    print(f"Account:        {account} ({ident['Arn']})")
    print(f"Bucket:         {args.bucket}  region {region}  owner {account} ✔")
    print(f"Object:         s3://{args.bucket}/{key}")
    print(f"Size:           {human(st.st_size)} in {n_parts} parts of {args.part_size_mib} MiB")
    print(f"Encryption:     {args.sse}{' (' + args.kms_key + ')' if args.kms_key else ''}   Storage class: {args.storage_class}")
    print(f"State file:     {state_file}")
    if state:
        print(f"Resuming:       {len(state['parts'])}/{n_parts} parts already uploaded")
    if input("Proceed? [yes/NO] ").strip().lower() != "yes":
        print("not uploaded")
        return 1

    if not state:
        extra = {"ServerSideEncryption": args.sse, "StorageClass": args.storage_class, "ChecksumAlgorithm": "SHA256"}
        if args.sse == "aws:kms" and args.kms_key:
            extra["SSEKMSKeyId"] = args.kms_key
        resp = s3.create_multipart_upload(**common, **extra)
        state = {"upload_id": resp["UploadId"], "key": key, "size": st.st_size, "mtime": int(st.st_mtime),
                 "part_size": part_size, "parts": {}}
        state_file.write_text(json.dumps(state))
        os.chmod(state_file, 0o600)

    # reconcile with what S3 already has
    remote = {}
    paginator = s3.get_paginator("list_parts")
    try:
        for page in paginator.paginate(UploadId=state["upload_id"], **common):
            for p in page.get("Parts", []):
                remote[str(p["PartNumber"])] = p
    except ClientError as exc:
        if exc.response["Error"]["Code"] == "NoSuchUpload":
            print("S3 no longer has this upload (expired or aborted); delete the state file and start again", file=sys.stderr)
            return 1
        raise
    state["parts"] = {k: v for k, v in state["parts"].items()
                      if k in remote and remote[k].get("ChecksumSHA256") == v["ChecksumSHA256"]}

    todo = [n for n in range(1, n_parts + 1) if str(n) not in state["parts"]]

    def upload(n: int):
        data = read_part(path, n, state["part_size"])
        checksum = b64sha256(data)
        r = s3.upload_part(UploadId=state["upload_id"], PartNumber=n, Body=data,
                           ChecksumAlgorithm="SHA256", ChecksumSHA256=checksum, **common)
        return n, {"ETag": r["ETag"], "ChecksumSHA256": checksum}

    done = len(state["parts"])
    try:
        with cf.ThreadPoolExecutor(max_workers=args.workers) as pool:
            for n, info in pool.map(upload, todo):
                state["parts"][str(n)] = info
                done += 1
                state_file.write_text(json.dumps(state))
                print(f"\rparts {done}/{n_parts}", end="", flush=True)
    except KeyboardInterrupt:
        print(f"\ninterrupted; run the same command to resume, or add --abort to cancel")
        return 130
    print()

    parts = [{"PartNumber": int(k), **v} for k, v in sorted(state["parts"].items(), key=lambda kv: int(kv[0]))]
    result = s3.complete_multipart_upload(UploadId=state["upload_id"], MultipartUpload={"Parts": parts}, **common)

    composite = hashlib.sha256(b"".join(base64.b64decode(p["ChecksumSHA256"]) for p in parts)).digest()
    local = base64.b64encode(composite).decode() + f"-{len(parts)}"
    remote_sum = result.get("ChecksumSHA256", "")
    print(f"completed: s3://{args.bucket}/{key}")
    print(f"checksum local  {local}")
    print(f"checksum remote {remote_sum}")
    state_file.unlink()
    if remote_sum and remote_sum != local:
        print("CHECKSUM MISMATCH: do not delete the local copy; investigate", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
