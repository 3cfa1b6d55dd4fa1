#!/usr/bin/env python3
"""Read-only IAM audit. Only Get*/List*/GenerateCredentialReport calls."""
import argparse
import csv
import io
import json
import time
import urllib.parse
from datetime import datetime, timezone

import boto3

NOW = datetime.now(timezone.utc)


def days_since(s):
    if not s or s in ("N/A", "no_information", "not_supported"):
        return None
    return (NOW - datetime.fromisoformat(s.replace("Z", "+00:00"))).days


def cred_report(iam):
    for _ in range(10):
        if iam.generate_credential_report()["State"] == "COMPLETE":
            break
        time.sleep(2)
    raw = iam.get_credential_report()["Content"].decode()
    return list(csv.DictReader(io.StringIO(raw)))


def as_list(x):
    return x if isinstance(x, list) else [x]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile", required=True)
    ap.add_argument("--out", default="iam-audit.md")
    a = ap.parse_args()
    sess = boto3.Session(profile_name=a.profile)
    acct = sess.client("sts").get_caller_identity()["Account"]
    iam = sess.client("iam")
    findings = []

    def add(cid, sev, who, msg):
        findings.append((sev, cid, who, msg))

    rows = cred_report(iam)
    for r in rows:
        if r["user"] == "<root_account>":
            if r["mfa_active"] != "true":
                add("IAM-01", "critical", "root", "root has no MFA")
            if "true" in (r["access_key_1_active"], r["access_key_2_active"]):
                add("IAM-02", "critical", "root", "root has active access keys")
            continue
        if r["password_enabled"] == "true" and r["mfa_active"] != "true":
            add("IAM-03", "high", r["arn"], "console user without MFA")
        for k in ("1", "2"):
            if r[f"access_key_{k}_active"] == "true":
                age = days_since(r[f"access_key_{k}_last_rotated"])
                used = days_since(r[f"access_key_{k}_last_used_date"])
                if age and age > 90:
                    add("IAM-04", "medium", r["arn"], f"key {k} is {age} days old")
                if used is None or used > 90:
                    add("IAM-05", "medium", r["arn"], f"key {k} unused for {used or 'ever'} days")

    for page in iam.get_paginator("list_policies").paginate(Scope="Local"):
        for p in page["Policies"]:
            doc = iam.get_policy_version(PolicyArn=p["Arn"], VersionId=p["DefaultVersionId"])["PolicyVersion"]["Document"]
            if isinstance(doc, str):
                doc = json.loads(urllib.parse.unquote(doc))
            for st in as_list(doc.get("Statement", [])):
                if st.get("Effect") != "Allow":
                    continue
                acts, res = as_list(st.get("Action", [])), as_list(st.get("Resource", []))
                if "*" in acts and "*" in res:
                    add("IAM-06", "high", p["Arn"], "Allow *:* statement")
                if any(x in ("iam:*", "iam:PassRole") for x in acts) and "*" in res:
                    add("IAM-07", "high", p["Arn"], "iam:PassRole/iam:* on *")

    for page in iam.get_paginator("list_roles").paginate():
        for role in page["Roles"]:
            if role["Path"].startswith("/aws-service-role/"):
                continue
            for st in as_list(role["AssumeRolePolicyDocument"].get("Statement", [])):
                aws = as_list(st.get("Principal", {}).get("AWS", [])) if isinstance(st.get("Principal"), dict) else []
                cond = json.dumps(st.get("Condition", {}))
                for pr in aws:
                    if pr == "*":
                        add("IAM-08", "high", role["Arn"], "trusts any AWS principal")
                    elif acct not in pr and "sts:ExternalId" not in cond:
                        add("IAM-08", "high", role["Arn"], f"trusts external {pr} without ExternalId")
            last = iam.get_role(RoleName=role["RoleName"])["Role"].get("RoleLastUsed", {}).get("LastUsedDate")
            if last is None or (NOW - last).days > 180:
                add("IAM-09", "low", role["Arn"], "not used in 180+ days")

    try:
        pp = iam.get_account_password_policy()["PasswordPolicy"]
        if pp.get("MinimumPasswordLength", 0) < 14 or not pp.get("PasswordReusePrevention"):
            add("IAM-10", "medium", "account", "weak password policy")
    except iam.exceptions.NoSuchEntityException:
        add("IAM-10", "medium", "account", "no password policy set")

    order = {"critical": 0, "high": 1, "medium": 2, "low": 3}
    findings.sort(key=lambda f: (order[f[0]], f[1]))
    with open(a.out, "w") as fh:
        fh.write(f"# IAM audit - account {acct} - {NOW:%Y-%m-%d}\n\n| sev | id | principal | finding |\n|---|---|---|---|\n")
        for sev, cid, who, msg in findings:
            fh.write(f"| {sev} | {cid} | `{who}` | {msg} |\n")
    print(f"{len(findings)} findings -> {a.out}")


if __name__ == "__main__":
    main()
