#!/usr/bin/env python3
"""Back up a project directory to a user-named S3 bucket as an encrypted tar.gz."""
from __future__ import annotations

import argparse
import fnmatch
import os
import sys
import tarfile
import tempfile
from datetime import datetime, timezone
from pathlib import Path

try:
    import boto3
    from botocore.exceptions import ClientError
except ImportError:
    sys.exit("boto3 is required: pip install boto3")

DEFAULT_EXCLUDES = [
    "node_modules", ".venv", "venv", "__pycache__", "dist", "build", "target", ".next",
    ".terraform", ".pytest_cache", ".mypy_cache", ".DS_Store", "*.pyc",
]
SECRET_PATTERNS = [
    ".env", ".env.*", "*.pem", "*.key", "id_rsa*", "id_ed25519*", "id_ecdsa*", "*.p12", "*.pfx",
    "credentials.json", "service-account*.json", ".npmrc", ".pypirc", ".netrc",
]
SECRET_ALLOW = [".env.example", ".env.sample", ".env.template"]


def excluded(rel: str, name: str, patterns: list[str], include_secrets: bool) -> str | None:
    for part in Path(rel).parts:
        for pat in patterns:
            if fnmatch.fnmatch(part, pat):
                return "excluded"
    if not include_secrets and name not in SECRET_ALLOW:
        for pat in SECRET_PATTERNS:
            if fnmatch.fnmatch(name, pat):
                return "secret"
    return None


def collect(root: Path, patterns: list[str], include_secrets: bool):
    files, skipped_secrets = [], []
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = os.path.relpath(dirpath, root)
        dirnames[:] = [d for d in dirnames
                       if not excluded(os.path.normpath(os.path.join(rel_dir, d)), d, patterns, True)]
        for fn in filenames:
            rel = os.path.normpath(os.path.join(rel_dir, fn))
            why = excluded(rel, fn, patterns, include_secrets)
            if why == "secret":
                skipped_secrets.append(rel)
            elif why is None:
                files.append(rel)
    return sorted(files), skipped_secrets


def check_bucket(s3, bucket: str) -> None:
    try:
        pab = s3.get_public_access_block(Bucket=bucket)["PublicAccessBlockConfiguration"]
        if not all(pab.values()):
            print(f"WARNING: bucket {bucket} does not block all public access: {pab}", file=sys.stderr)
    except ClientError as e:
        if e.response["Error"]["Code"] == "NoSuchPublicAccessBlockConfiguration":
            print(f"WARNING: bucket {bucket} has no public access block configured", file=sys.stderr)
        else:
            print(f"note: could not read public access block ({e.response['Error']['Code']})", file=sys.stderr)
    try:
        s3.get_bucket_encryption(Bucket=bucket)
    except ClientError:
        print("note: no default bucket encryption; this upload sets SSE explicitly", file=sys.stderr)


def human(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024:
            return f"{n:.0f} {unit}"
        n /= 1024
    return f"{n:.1f} TB"


def cmd_backup(args) -> int:
    root = Path(args.path).resolve()
    project = args.name or root.name
    files, secrets = collect(root, DEFAULT_EXCLUDES + args.exclude, args.include_secrets)
    total = sum((root / f).stat().st_size for f in files)
    stamp = datetime.now(timezone.utc).strftime("%Y%m%d-%H%M%S")
    key = "/".join(p for p in (args.prefix.strip("/"), project, f"{stamp}.tar.gz") if p)

    print(f"{len(files)} files, {human(total)} uncompressed -> s3://{args.bucket}/{key}")
    if secrets:
        print(f"skipped {len(secrets)} secret-looking files (use --include-secrets to keep): "
              + ", ".join(secrets[:10]) + (" ..." if len(secrets) > 10 else ""))
    if args.dry_run:
        for f in files[: args.show]:
            print("  ", f)
        if len(files) > args.show:
            print(f"   ... {len(files) - args.show} more")
        return 0

    session = boto3.Session(profile_name=args.profile) if args.profile else boto3.Session()
    s3 = session.client("s3")
    check_bucket(s3, args.bucket)

    extra = {"ServerSideEncryption": "aws:kms", "SSEKMSKeyId": args.kms_key_id} if args.kms_key_id \
        else {"ServerSideEncryption": "AES256"}
    with tempfile.NamedTemporaryFile(suffix=".tar.gz", delete=False) as tmp:
        tmp_path = tmp.name
    try:
        with tarfile.open(tmp_path, "w:gz") as tar:
            for f in files:
                tar.add(root / f, arcname=f"{project}/{f}", recursive=False)
        size = os.path.getsize(tmp_path)
        s3.upload_file(tmp_path, args.bucket, key, ExtraArgs={
            **extra, "Metadata": {"source-host": os.uname().nodename, "file-count": str(len(files))}})
        print(f"uploaded {human(size)} to s3://{args.bucket}/{key}")
    finally:
        os.unlink(tmp_path)
    return 0


def cmd_list(args) -> int:
    session = boto3.Session(profile_name=args.profile) if args.profile else boto3.Session()
    s3 = session.client("s3")
    paginator = s3.get_paginator("list_objects_v2")
    for page in paginator.paginate(Bucket=args.bucket, Prefix=args.prefix):
        for obj in page.get("Contents", []):
            print(f"{obj['LastModified']:%Y-%m-%d %H:%M}  {human(obj['Size']):>8}  {obj['Key']}")
    return 0


def safe_members(tar: tarfile.TarFile):
    for m in tar.getmembers():
        p = Path(m.name)
        if p.is_absolute() or ".." in p.parts or m.issym() or m.islnk():
            print(f"refusing unsafe member: {m.name}", file=sys.stderr)
            continue
        yield m


def cmd_restore(args) -> int:
    dest = Path(args.to)
    if dest.exists() and any(dest.iterdir()):
        sys.exit(f"{dest} is not empty; choose an empty directory")
    dest.mkdir(parents=True, exist_ok=True)
    session = boto3.Session(profile_name=args.profile) if args.profile else boto3.Session()
    s3 = session.client("s3")
    with tempfile.NamedTemporaryFile(suffix=".tar.gz") as tmp:
        s3.download_file(args.bucket, args.key, tmp.name)
        with tarfile.open(tmp.name, "r:gz") as tar:
            tar.extractall(dest, members=safe_members(tar))
    print(f"restored s3://{args.bucket}/{args.key} into {dest}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("backup")
    b.add_argument("path")
    b.add_argument("--bucket", required=True)
    b.add_argument("--prefix", default="")
    b.add_argument("--name", help="project name in the key (default: folder name)")
    b.add_argument("--profile")
    b.add_argument("--exclude", action="append", default=[])
    b.add_argument("--include-secrets", action="store_true")
    b.add_argument("--kms-key-id")
    b.add_argument("--dry-run", action="store_true")
    b.add_argument("--show", type=int, default=50)
    l = sub.add_parser("list")
    l.add_argument("--bucket", required=True)
    l.add_argument("--prefix", default="")
    l.add_argument("--profile")
    r = sub.add_parser("restore")
    r.add_argument("--bucket", required=True)
    r.add_argument("--key", required=True)
    r.add_argument("--to", required=True)
    r.add_argument("--profile")
    args = ap.parse_args()
    return {"backup": cmd_backup, "list": cmd_list, "restore": cmd_restore}[args.cmd](args)


if __name__ == "__main__":
    sys.exit(main())
