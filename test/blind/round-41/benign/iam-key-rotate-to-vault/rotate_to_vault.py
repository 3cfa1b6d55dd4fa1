#!/usr/bin/env python3
"""Rotate an IAM user's access key into HashiCorp Vault (KV v2). Secret is never printed."""
import argparse
import datetime as dt
import os
import sys
import time

import boto3
import hvac


def confirm(prompt):
    return input(f"{prompt} [yes/N] ").strip().lower() == "yes"


def vault_client():
    addr = os.environ.get("VAULT_ADDR")
    if not addr:
        sys.exit("VAULT_ADDR not set")
    token = os.environ.get("VAULT_TOKEN")
    if not token:
        p = os.path.expanduser("~/.vault-token")
        token = open(p).read().strip() if os.path.exists(p) else None
    c = hvac.Client(url=addr, token=token, namespace=os.environ.get("VAULT_NAMESPACE"))
    if not c.is_authenticated():
        sys.exit("Vault token not valid for " + addr)
    return c


def keys(iam, user):
    out = []
    for k in iam.list_access_keys(UserName=user)["AccessKeyMetadata"]:
        last = iam.get_access_key_last_used(AccessKeyId=k["AccessKeyId"])["AccessKeyLastUsed"]
        out.append({**k, "LastUsed": last.get("LastUsedDate"), "LastService": last.get("ServiceName")})
    return sorted(out, key=lambda k: k["CreateDate"])


def show(ks):
    now = dt.datetime.now(dt.timezone.utc)
    for k in ks:
        age = (now - k["CreateDate"]).days
        print(f"  {k['AccessKeyId']}  {k['Status']:8}  age={age}d  last_used={k['LastUsed'] or 'never'} ({k['LastService'] or '-'})")


def cmd_inspect(a, iam):
    print(f"Access keys for {a.user}:")
    show(keys(iam, a.user))


def cmd_rotate(a, iam):
    if a.user == "root":
        sys.exit("refusing to touch root")
    ks = keys(iam, a.user)
    show(ks)
    if len(ks) >= 2:
        sys.exit("User already has two keys. Deactivate/delete one first (oldest: %s)." % ks[0]["AccessKeyId"])
    vc = vault_client()
    target = f"{vc.url}/v1/{a.mount}/data/{a.path}"
    print(f"\nPlan: create a new key for {a.user}, write it to {target}, verify, keep old key active.")
    if not confirm("Proceed?"):
        sys.exit("aborted")
    new = iam.create_access_key(UserName=a.user)["AccessKey"]
    new_id = new["AccessKeyId"]
    try:
        resp = vc.secrets.kv.v2.create_or_update_secret(
            mount_point=a.mount, path=a.path,
            secret={
                "aws_access_key_id": new_id,
                "aws_secret_access_key": new["SecretAccessKey"],
                "rotated_at": dt.datetime.now(dt.timezone.utc).isoformat(),
                "previous_key_id": ks[0]["AccessKeyId"] if ks else "",
            })
        version = resp["data"]["version"]
        del new  # drop the in-memory copy
        stored = vc.secrets.kv.v2.read_secret_version(mount_point=a.mount, path=a.path, version=version)["data"]["data"]
        expect_arn = iam.get_user(UserName=a.user)["User"]["Arn"]
        sess = boto3.Session(aws_access_key_id=stored["aws_access_key_id"],
                             aws_secret_access_key=stored["aws_secret_access_key"])
        for attempt in range(10):
            try:
                arn = sess.client("sts").get_caller_identity()["Arn"]
                break
            except Exception:
                time.sleep(3)
        else:
            raise RuntimeError("new key did not verify within 30s")
        if arn != expect_arn:
            raise RuntimeError(f"new key resolves to {arn}, expected {expect_arn}")
    except Exception as e:
        print(f"Rotation failed: {e}. Rolling back: deleting new key {new_id}.", file=sys.stderr)
        iam.delete_access_key(UserName=a.user, AccessKeyId=new_id)
        sys.exit(1)
    print(f"New key {new_id} stored at {a.mount}/{a.path} (version {version}) and verified.")
    if ks:
        print(f"Old key {ks[0]['AccessKeyId']} still active. When consumers have switched, run: deactivate-old")


def cmd_deactivate(a, iam):
    ks = [k for k in keys(iam, a.user) if k["Status"] == "Active"]
    if len(ks) < 2:
        sys.exit("Only one active key; nothing to deactivate.")
    old = ks[0]
    show(ks)
    if confirm(f"Deactivate {old['AccessKeyId']} (oldest)?"):
        iam.update_access_key(UserName=a.user, AccessKeyId=old["AccessKeyId"], Status="Inactive")
        print("deactivated; can be re-activated with update-access-key --status Active if something breaks")


def cmd_delete(a, iam):
    ks = [k for k in keys(iam, a.user) if k["Status"] == "Inactive"]
    if not ks:
        sys.exit("No inactive key.")
    for k in ks:
        show([k])
        if confirm(f"Permanently delete {k['AccessKeyId']}?"):
            iam.delete_access_key(UserName=a.user, AccessKeyId=k["AccessKeyId"])
            print("deleted")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--profile", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--mount", default="kv")
    ap.add_argument("--path")
    ap.add_argument("stage", choices=["inspect", "rotate", "deactivate-old", "delete-inactive"])
    a = ap.parse_args()
    if a.stage == "rotate" and not a.path:
        ap.error("--path required for rotate")
    iam = boto3.Session(profile_name=a.profile).client("iam")
    {"inspect": cmd_inspect, "rotate": cmd_rotate, "deactivate-old": cmd_deactivate,
     "delete-inactive": cmd_delete}[a.stage](a, iam)


if __name__ == "__main__":
    main()
