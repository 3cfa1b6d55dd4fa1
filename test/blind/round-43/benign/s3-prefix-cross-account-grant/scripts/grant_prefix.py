#!/usr/bin/env python3
"""Add / remove a labelled cross-account prefix grant in a bucket policy the user owns."""
from __future__ import annotations

import argparse
import difflib
import json
import re
import sys
import time

import boto3
from botocore.exceptions import ClientError

ARN = re.compile(r"^arn:aws[a-z-]*:iam::(\d{12}):(role|user)/[\w+=,.@/-]+$")
ACCT = re.compile(r"^\d{12}$")


def principal_of(p: str) -> tuple[str, str]:
    if ACCT.match(p):
        return f"arn:aws:iam::{p}:root", p
    m = ARN.match(p)
    if not m:
        sys.exit(f"principal must be a 12-digit account id or an IAM role/user ARN, got {p!r}")
    return p, m.group(1)


def slug(prefix: str) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "-", prefix.strip("/").split("/")[-1] or "root").strip("-")[:40]


def statements(bucket, prefix, principal, acct, access, until):
    base = f"share-{slug(prefix)}-{acct}"
    cond = {"DateLessThan": {"aws:CurrentTime": f"{until}T23:59:59Z"}} if until else None
    obj_actions = ["s3:GetObject"] + (["s3:PutObject", "s3:AbortMultipartUpload"] if access == "readwrite" else [])
    s1 = {"Sid": f"{base}-{access}-objects", "Effect": "Allow", "Principal": {"AWS": principal},
          "Action": obj_actions, "Resource": f"arn:aws:s3:::{bucket}/{prefix}*"}
    s2 = {"Sid": f"{base}-{access}-list", "Effect": "Allow", "Principal": {"AWS": principal},
          "Action": "s3:ListBucket", "Resource": f"arn:aws:s3:::{bucket}",
          "Condition": {"StringLike": {"s3:prefix": [f"{prefix}*"]}}}
    if cond:
        s1["Condition"] = cond
        s2["Condition"] = {**s2["Condition"], **cond}
    return [s1, s2], base


def current_policy(s3, bucket, owner):
    try:
        return json.loads(s3.get_bucket_policy(Bucket=bucket, ExpectedBucketOwner=owner)["Policy"])
    except ClientError as e:
        if e.response["Error"]["Code"] == "NoSuchBucketPolicy":
            return {"Version": "2012-10-17", "Statement": []}
        raise


def checks(s3, bucket, me):
    try:
        s3.head_bucket(Bucket=bucket, ExpectedBucketOwner=me)
    except ClientError as e:
        sys.exit(f"bucket {bucket} is not owned by your account {me} (or not accessible): {e.response['Error']['Code']}")
    try:
        bpa = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
        print(f"Block Public Access: {bpa}")
    except ClientError:
        print("Block Public Access: not configured on bucket (account-level setting may apply)")
    try:
        rules = s3.get_bucket_encryption(Bucket=bucket)["ServerSideEncryptionConfiguration"]["Rules"]
        enc = rules[0]["ApplyServerSideEncryptionByDefault"]
        print(f"Default encryption: {enc.get('SSEAlgorithm')} {enc.get('KMSMasterKeyID', '')}")
        return enc
    except ClientError:
        return {}


def show_diff(old, new):
    a = json.dumps(old, indent=2, sort_keys=True).splitlines(True)
    b = json.dumps(new, indent=2, sort_keys=True).splitlines(True)
    print("".join(difflib.unified_diff(a, b, "policy (current)", "policy (new)")) or "no change")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("mode", choices=["plan", "apply", "revoke"])
    ap.add_argument("--bucket", required=True)
    ap.add_argument("--prefix")
    ap.add_argument("--principal")
    ap.add_argument("--access", choices=["read", "readwrite"], default="read")
    ap.add_argument("--until", help="YYYY-MM-DD")
    ap.add_argument("--sid-prefix")
    a = ap.parse_args()

    me = boto3.client("sts").get_caller_identity()["Account"]
    s3 = boto3.client("s3")
    enc = checks(s3, a.bucket, me)
    old = current_policy(s3, a.bucket, me)
    new = json.loads(json.dumps(old))

    if a.mode == "revoke":
        if not a.sid_prefix or not a.sid_prefix.startswith("share-"):
            sys.exit("--sid-prefix must start with 'share-'")
        new["Statement"] = [s for s in new["Statement"] if not s.get("Sid", "").startswith(a.sid_prefix)]
    else:
        if not (a.prefix and a.principal):
            sys.exit("--prefix and --principal are required")
        if a.prefix.startswith("/") or "*" in a.prefix:
            sys.exit("prefix must be a plain key prefix like 'datasets/x/'")
        principal, acct = principal_of(a.principal)
        if acct == me:
            print("note: principal is in your own account; an IAM policy is usually the better tool")
        stmts, base = statements(a.bucket, a.prefix, principal, acct, a.access, a.until)
        new["Statement"] = [s for s in new["Statement"] if not s.get("Sid", "").startswith(base)] + stmts
        if enc.get("SSEAlgorithm") == "aws:kms":
            print(f"\nBucket uses SSE-KMS. Add to the key policy of {enc.get('KMSMasterKeyID')}:\n" + json.dumps(
                {"Sid": f"{base}-kms", "Effect": "Allow", "Principal": {"AWS": principal},
                 "Action": ["kms:Decrypt"] + (["kms:GenerateDataKey"] if a.access == "readwrite" else []),
                 "Resource": "*"}, indent=2))

    print()
    show_diff(old, new)
    if a.mode == "plan":
        print("\nPlan only; nothing changed.")
        return 0
    if old == new:
        return 0
    if input("Apply this bucket policy? [y/N] ").strip().lower() != "y":
        print("aborted")
        return 1
    backup = f"bucket-policy-{a.bucket}-{time.strftime('%Y%m%d-%H%M%S')}.json"
    with open(backup, "w") as f:
        json.dump(old, f, indent=2)
    if new["Statement"]:
        s3.put_bucket_policy(Bucket=a.bucket, Policy=json.dumps(new), ExpectedBucketOwner=me)
    else:
        s3.delete_bucket_policy(Bucket=a.bucket, ExpectedBucketOwner=me)
    print(f"applied; previous policy saved to {backup}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
