#!/usr/bin/env python3
"""Rotate one IAM user's access key into a secret store chosen by the user."""
import argparse
import configparser
import os
import shutil
import subprocess
import sys
import tempfile
import time

import boto3
from botocore.exceptions import ClientError


def confirm(msg):
    if input(f"{msg} [y/N] ").strip().lower() != "y":
        sys.exit("aborted by user")


def describe_keys(iam, user):
    keys = iam.list_access_keys(UserName=user)["AccessKeyMetadata"]
    for k in keys:
        last = iam.get_access_key_last_used(AccessKeyId=k["AccessKeyId"])["AccessKeyLastUsed"]
        k["LastUsed"] = last.get("LastUsedDate", "never")
        k["LastService"] = last.get("ServiceName", "-")
    return keys


def store_op(item, key_id, secret):
    # `op item edit` takes field assignments; values are passed as argv to op only.
    subprocess.run(["op", "item", "edit", item,
                    f"access key id[text]={key_id}",
                    f"secret access key[password]={secret}"],
                   check=True, stdout=subprocess.DEVNULL)


def store_pass(path, key_id, secret):
    body = f"{secret}\naws_access_key_id: {key_id}\n"
    subprocess.run(["pass", "insert", "-m", "-f", path], input=body.encode(), check=True,
                   stdout=subprocess.DEVNULL)


def store_aws_vault(profile, key_id, secret):
    env = dict(os.environ, AWS_ACCESS_KEY_ID=key_id, AWS_SECRET_ACCESS_KEY=secret)
    subprocess.run(["aws-vault", "add", "--env", profile], env=env, check=True)


def store_credentials_file(profile, key_id, secret):
    path = os.path.expanduser(os.environ.get("AWS_SHARED_CREDENTIALS_FILE", "~/.aws/credentials"))
    cp = configparser.RawConfigParser()
    cp.read(path)
    if not cp.has_section(profile):
        cp.add_section(profile)
    if os.path.exists(path):
        bak = path + ".bak"
        shutil.copy2(path, bak)
        os.chmod(bak, 0o600)
    cp.set(profile, "aws_access_key_id", key_id)
    cp.set(profile, "aws_secret_access_key", secret)
    d = os.path.dirname(path)
    fd, tmp = tempfile.mkstemp(dir=d, prefix=".credentials.")
    with os.fdopen(fd, "w") as fh:
        cp.write(fh)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def verify(key_id, secret, expected_arn):
    sess = boto3.session.Session(aws_access_key_id=key_id, aws_secret_access_key=secret)
    sts = sess.client("sts")
    for attempt in range(8):
        try:
            arn = sts.get_caller_identity()["Arn"]
            if arn != expected_arn:
                sys.exit(f"new key resolves to {arn}, expected {expected_arn}; stopping")
            return
        except ClientError:
            time.sleep(2)
    sys.exit("new key could not be verified after ~15 s; the old key is still active")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", required=True)
    ap.add_argument("--user", help="IAM user name (default: the caller)")
    ap.add_argument("--store", choices=["op", "pass", "aws-vault", "credentials-file"])
    ap.add_argument("--op-item")
    ap.add_argument("--pass-path")
    ap.add_argument("--delete-old", metavar="ACCESS_KEY_ID")
    args = ap.parse_args()

    session = boto3.session.Session(profile_name=args.profile)
    iam = session.client("iam")
    ident = session.client("sts").get_caller_identity()
    user = args.user or ident["Arn"].rsplit("/", 1)[-1]
    print(f"Account {ident['Account']}  caller {ident['Arn']}  target user {user}")

    if args.delete_old:
        keys = {k["AccessKeyId"]: k for k in describe_keys(iam, user)}
        k = keys.get(args.delete_old)
        if not k:
            sys.exit("that key does not belong to this user")
        if k["Status"] != "Inactive":
            sys.exit("deactivate the key first and confirm nothing broke")
        confirm(f"Permanently delete {args.delete_old} (last used {k['LastUsed']})?")
        iam.delete_access_key(UserName=user, AccessKeyId=args.delete_old)
        print("deleted")
        return

    if not args.store:
        sys.exit("--store is required")
    if args.store == "op" and not args.op_item:
        sys.exit("--op-item is required for --store op")
    if args.store == "pass" and not args.pass_path:
        sys.exit("--pass-path is required for --store pass")

    keys = describe_keys(iam, user)
    for k in keys:
        print(f"  {k['AccessKeyId']}  {k['Status']:8}  created {k['CreateDate']:%Y-%m-%d}  "
              f"last used {k['LastUsed']} ({k['LastService']})")
    if len(keys) >= 2:
        sys.exit("user already has two keys; delete one first with --delete-old")
    old = keys[0]["AccessKeyId"] if keys else None

    confirm("Create a new access key?")
    new = iam.create_access_key(UserName=user)["AccessKey"]
    key_id, secret = new["AccessKeyId"], new["SecretAccessKey"]
    print(f"created {key_id}")

    try:
        if args.store == "op":
            store_op(args.op_item, key_id, secret)
        elif args.store == "pass":
            store_pass(args.pass_path, key_id, secret)
        elif args.store == "aws-vault":
            store_aws_vault(args.profile, key_id, secret)
        else:
            store_credentials_file(args.profile, key_id, secret)
    except (subprocess.CalledProcessError, OSError) as e:
        iam.delete_access_key(UserName=user, AccessKeyId=key_id)
        sys.exit(f"storing failed ({e}); new key deleted, nothing changed")
    print(f"stored in {args.store}")

    verify(key_id, secret, ident["Arn"] if not args.user else
           ident["Arn"].rsplit("/", 1)[0] + "/" + user)
    del secret
    print("verified with sts:GetCallerIdentity")

    if old:
        print(f"\nUpdate every other place that uses {old} (CI secrets, servers, .env files).")
        confirm(f"Deactivate old key {old} now?")
        iam.update_access_key(UserName=user, AccessKeyId=old, Status="Inactive")
        print(f"{old} is inactive. When everything works, run:\n"
              f"  python3 {sys.argv[0]} --profile {args.profile} --delete-old {old}")


if __name__ == "__main__":
    main()
