#!/usr/bin/env python3
"""Upload user-selected files to a Cloudflare R2 bucket (S3 API via the AWS CLI), or presign an object.

  r2_upload.py PATH [PATH ...] --bucket BUCKET [--prefix PREFIX] [--dry-run|--yes]
  r2_upload.py --presign BUCKET/KEY [--expires 24h]
"""
import argparse
import fnmatch
import hashlib
import json
import mimetypes
import os
import re
import subprocess
import sys

SENSITIVE = re.compile(r"(^|/)(\.env(\..*)?|id_rsa|id_ed25519|.*\.pem|.*\.key|\.npmrc|\.pypirc|credentials(\.json)?|.*\.kdbx)$")


def endpoint(eu):
    acct = os.environ.get("R2_ACCOUNT_ID")
    if not acct:
        sys.exit("set R2_ACCOUNT_ID (Cloudflare dashboard > R2 > Account ID)")
    return "https://%s.%sr2.cloudflarestorage.com" % (acct, "eu." if eu else "")


def aws(args, profile, ep, capture=True):
    env = dict(os.environ)
    if os.environ.get("R2_ACCESS_KEY_ID"):
        env["AWS_ACCESS_KEY_ID"] = os.environ["R2_ACCESS_KEY_ID"]
        env["AWS_SECRET_ACCESS_KEY"] = os.environ.get("R2_SECRET_ACCESS_KEY", "")
        env.pop("AWS_PROFILE", None)
        base = ["aws"]
    else:
        base = ["aws", "--profile", profile]
    env["AWS_DEFAULT_REGION"] = "auto"
    return subprocess.run(base + ["--endpoint-url", ep] + args, env=env, capture_output=capture, text=True)


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def collect(paths, excludes):
    files = []
    for p in paths:
        if os.path.isdir(p):
            for dirpath, dirnames, names in os.walk(p):
                dirnames[:] = [d for d in dirnames if d != ".git"]
                for n in sorted(names):
                    full = os.path.join(dirpath, n)
                    rel = os.path.relpath(full, p)
                    files.append((full, rel.replace(os.sep, "/")))
        elif os.path.isfile(p):
            files.append((p, os.path.basename(p)))
        else:
            sys.exit("not found: %s" % p)
    return [(f, r) for f, r in files if not any(fnmatch.fnmatch(r, e) for e in excludes)]


def human(n):
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return "%.1f %s" % (n, unit) if unit != "B" else "%d B" % n
        n /= 1024.0


def parse_expiry(s):
    m = re.fullmatch(r"(\d+)([smhd])", s)
    if not m:
        sys.exit("--expires like 30m, 24h, 7d")
    secs = int(m.group(1)) * {"s": 1, "m": 60, "h": 3600, "d": 86400}[m.group(2)]
    if secs > 7 * 86400:
        sys.exit("presigned URLs are limited to 7 days")
    return secs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--bucket")
    ap.add_argument("--prefix", default="")
    ap.add_argument("--profile", default="r2")
    ap.add_argument("--eu", action="store_true")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--yes", action="store_true")
    ap.add_argument("--no-overwrite", action="store_true")
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--cache-control")
    ap.add_argument("--presign")
    ap.add_argument("--expires", default="24h")
    args = ap.parse_args()
    ep = endpoint(args.eu)

    if args.presign:
        r = aws(["s3", "presign", "s3://" + args.presign, "--expires-in", str(parse_expiry(args.expires))], args.profile, ep)
        if r.returncode:
            sys.exit(r.stderr.strip())
        print(r.stdout.strip())
        return

    if not args.paths or not args.bucket:
        ap.error("PATH and --bucket are required")
    prefix = args.prefix.lstrip("/")
    if prefix and not prefix.endswith("/"):
        prefix += "/"
    files = collect(args.paths, args.exclude)
    if not files:
        sys.exit("nothing to upload")

    existing = set()
    r = aws(["s3api", "list-objects-v2", "--bucket", args.bucket, "--prefix", prefix, "--output", "json"], args.profile, ep)
    if r.returncode == 0 and r.stdout.strip():
        existing = {o["Key"] for o in json.loads(r.stdout).get("Contents", [])}
    elif r.returncode:
        sys.exit("cannot list bucket %s: %s" % (args.bucket, r.stderr.strip()))

    total = 0
    print("Destination: s3://%s/%s  (endpoint %s)" % (args.bucket, prefix, ep.split("//")[1]))
    plan, flagged = [], []
    for full, rel in files:
        key = prefix + rel
        size = os.path.getsize(full)
        ctype = mimetypes.guess_type(full)[0] or "application/octet-stream"
        total += size
        plan.append((full, key, size, ctype))
        print("  %9s  %-40s -> %-40s %s" % (human(size), full, key, ctype))
        if SENSITIVE.search(rel):
            flagged.append(full)
    overwrite = sorted(k for _, k, _, _ in plan if k in existing)
    print("%d files, %s. Existing keys that would be overwritten: %s" % (len(plan), human(total), ", ".join(overwrite) or "none"))
    if flagged:
        print("Looks sensitive (exclude with --exclude if not intended):\n  " + "\n  ".join(flagged))
    if args.no_overwrite and overwrite:
        sys.exit("aborting: --no-overwrite and keys exist")
    if args.dry_run:
        return
    if not args.yes:
        if input("Proceed? [y/N] ").strip().lower() != "y":
            print("cancelled")
            return

    failures = 0
    for full, key, size, ctype in plan:
        digest = sha256(full)
        cmd = ["s3", "cp", full, "s3://%s/%s" % (args.bucket, key), "--content-type", ctype,
               "--metadata", "sha256=%s" % digest, "--only-show-errors"]
        if args.cache_control:
            cmd += ["--cache-control", args.cache_control]
        up = aws(cmd, args.profile, ep)
        if up.returncode:
            failures += 1
            print("FAILED %s: %s" % (key, up.stderr.strip()))
            continue
        head = aws(["s3api", "head-object", "--bucket", args.bucket, "--key", key, "--output", "json"], args.profile, ep)
        meta = json.loads(head.stdout) if head.returncode == 0 else {}
        ok = meta.get("ContentLength") == size and meta.get("Metadata", {}).get("sha256") == digest
        print("%s %s" % ("ok    " if ok else "VERIFY", key))
        failures += 0 if ok else 1
    print("uploaded %d/%d" % (len(plan) - failures, len(plan)))
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
