#!/usr/bin/env python3
"""Rotate the IAM access key behind one ~/.aws/credentials profile. Never prints secrets."""
import argparse
import configparser
import os
import shutil
import sys
import time
from pathlib import Path

try:
    import boto3
    from botocore.exceptions import ClientError
except ImportError:
    sys.exit("pip install boto3")

CRED = Path(os.environ.get("AWS_SHARED_CREDENTIALS_FILE", Path.home() / ".aws/credentials"))


def mask(k):
    return f"{k[:4]}…{k[-4:]}"


def write_profile(profile, key_id, secret):
    cp = configparser.RawConfigParser()
    cp.read(CRED)
    if not cp.has_section(profile):
        cp.add_section(profile)
    cp.set(profile, "aws_access_key_id", key_id)
    cp.set(profile, "aws_secret_access_key", secret)
    tmp = CRED.with_suffix(".tmp")
    with open(tmp, "w") as f:
        os.chmod(tmp, 0o600)
        cp.write(f)
    os.replace(tmp, CRED)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--profile", required=True)
    ap.add_argument("--delete-old", metavar="ACCESS_KEY_ID")
    a = ap.parse_args()

    sess = boto3.Session(profile_name=a.profile)
    iam = sess.client("iam")

    if a.delete_old:
        iam.delete_access_key(AccessKeyId=a.delete_old)
        print(f"deleted {mask(a.delete_old)}")
        return

    ident = sess.client("sts").get_caller_identity()
    if ":user/" not in ident["Arn"]:
        sys.exit(f"{ident['Arn']} is not an IAM user; nothing to rotate")
    user = ident["Arn"].split(":user/")[1].split("/")[-1]
    old_id = sess.get_credentials().access_key
    keys = iam.list_access_keys(UserName=user)["AccessKeyMetadata"]
    if len(keys) >= 2:
        sys.exit("user already has 2 keys; delete the unused one first (--delete-old ID)")

    backup = CRED.with_name(f"credentials.bak.{int(time.time())}")
    shutil.copy2(CRED, backup)
    os.chmod(backup, 0o600)

    new = iam.create_access_key(UserName=user)["AccessKey"]
    write_profile(a.profile, new["AccessKeyId"], new["SecretAccessKey"])
    print(f"created {mask(new['AccessKeyId'])}; profile [{a.profile}] updated (backup {backup.name})")

    ok = False
    for attempt in range(10):
        try:
            boto3.Session(profile_name=a.profile).client("sts").get_caller_identity()
            ok = True
            break
        except ClientError:
            time.sleep(3 + attempt)
    if not ok:
        shutil.copy2(backup, CRED)
        iam.delete_access_key(UserName=user, AccessKeyId=new["AccessKeyId"])
        sys.exit("new key did not verify; restored previous credentials and removed the new key")

    iam.update_access_key(UserName=user, AccessKeyId=old_id, Status="Inactive")
    print(f"verified new key; old key {mask(old_id)} set Inactive. Delete later with --delete-old {old_id}")


if __name__ == "__main__":
    main()
