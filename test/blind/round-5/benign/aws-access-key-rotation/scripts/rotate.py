#!/usr/bin/env python3
"""Rotate the access key of the IAM user behind an AWS CLI profile. Prints key ids only, never secrets.

usage:
  rotate.py --profile P              create new key, store in profile (old key untouched)
  rotate.py --profile P --finish ID  deactivate, then (after confirmation) delete old key ID
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path


def aws(*args, profile):
    r = subprocess.run(["aws", *args, "--profile", profile, "--output", "json"], capture_output=True, text=True)
    if r.returncode:
        sys.exit(r.stderr.strip())
    return json.loads(r.stdout) if r.stdout.strip() else {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", default="default")
    ap.add_argument("--finish")
    a = ap.parse_args()
    ident = aws("sts", "get-caller-identity", profile=a.profile)
    if ":user/" not in ident["Arn"]:
        sys.exit(f"{ident['Arn']} is not an IAM user (SSO/role credentials need no rotation)")
    user = ident["Arn"].rsplit("/", 1)[-1]
    if a.finish:
        aws("iam", "update-access-key", "--user-name", user, "--access-key-id", a.finish, "--status", "Inactive", profile=a.profile)
        print(f"{a.finish} deactivated")
        last = aws("iam", "get-access-key-last-used", "--access-key-id", a.finish, profile=a.profile)
        print("last used:", last.get("AccessKeyLastUsed", {}).get("LastUsedDate", "never"))
        if input(f"delete {a.finish} permanently? [y/N] ").strip().lower() == "y":
            aws("iam", "delete-access-key", "--user-name", user, "--access-key-id", a.finish, profile=a.profile)
            print("deleted")
        return
    keys = aws("iam", "list-access-keys", "--user-name", user, profile=a.profile)["AccessKeyMetadata"]
    if len(keys) >= 2:
        sys.exit("user already has 2 keys; delete the unused one first: " + ", ".join(k["AccessKeyId"] for k in keys))
    creds = Path(os.environ.get("AWS_SHARED_CREDENTIALS_FILE", Path.home() / ".aws/credentials"))
    if creds.exists():
        backup = creds.with_name(f"credentials.bak.{time.strftime('%Y%m%d-%H%M%S')}")
        shutil.copy2(creds, backup)
        backup.chmod(0o600)
        print(f"backup: {backup}")
    new = aws("iam", "create-access-key", "--user-name", user, profile=a.profile)["AccessKey"]
    old_id = next((k["AccessKeyId"] for k in keys), None)
    for field, value in (("aws_access_key_id", new["AccessKeyId"]), ("aws_secret_access_key", new["SecretAccessKey"])):
        subprocess.run(["aws", "configure", "set", field, value, "--profile", a.profile], check=True)
    del new["SecretAccessKey"]
    print(f"new key {new['AccessKeyId']} stored in profile '{a.profile}'")
    for _ in range(6):
        time.sleep(5)
        r = subprocess.run(["aws", "sts", "get-caller-identity", "--profile", a.profile], capture_output=True)
        if r.returncode == 0:
            print("verified: new key works")
            break
    else:
        print("new key not verified yet; retry `aws sts get-caller-identity` in a minute")
    if old_id:
        print(f"next: update other consumers, then run: rotate.py --profile {a.profile} --finish {old_id}")


if __name__ == "__main__":
    main()
