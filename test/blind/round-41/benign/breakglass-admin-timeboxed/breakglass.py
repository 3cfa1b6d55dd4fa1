#!/usr/bin/env python3
"""Time-boxed break-glass access via an expiring trust policy on a dedicated role."""
import argparse
import datetime as dt
import json
import pathlib
import sys
import urllib.request

import boto3

BASELINE = json.loads((pathlib.Path(__file__).parent / "scripts" / "bootstrap-role.json").read_text())


def now():
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0)


def trust_for(principal, session, expires):
    cond = {
        "DateLessThan": {"aws:CurrentTime": expires.isoformat().replace("+00:00", "Z")},
        "StringEquals": {"sts:RoleSessionName": session},
    }
    if ":user/" in principal:
        cond["Bool"] = {"aws:MultiFactorAuthPresent": "true"}
    return {"Version": "2012-10-17", "Statement": [{
        "Sid": "BreakGlassTimeboxed", "Effect": "Allow",
        "Principal": {"AWS": principal}, "Action": ["sts:AssumeRole", "sts:TagSession"],
        "Condition": cond}]}


def notify(sess, target, text):
    if not target:
        return
    if target.startswith("arn:aws:sns:"):
        region = target.split(":")[3]
        sess.client("sns", region_name=region).publish(TopicArn=target, Subject="Break-glass access", Message=text)
    elif target.startswith("https://hooks.slack.com/"):
        req = urllib.request.Request(target, data=json.dumps({"text": text}).encode(),
                                     headers={"Content-Type": "application/json"})
        urllib.request.urlopen(req, timeout=10)
    else:
        print(f"unknown notify target {target}; skipping", file=sys.stderr)


def grant(a, sess, iam):
    if not 1 <= a.hours <= 8:
        sys.exit("duration must be 1-8 hours")
    if len(a.reason.strip()) < 8:
        sys.exit("give a real reason / incident id")
    role = iam.get_role(RoleName=a.role)["Role"]
    expires = now() + dt.timedelta(hours=a.hours)
    policy = trust_for(a.principal, a.session, expires)
    caller = sess.client("sts").get_caller_identity()["Arn"]
    print(f"Role      : {role['Arn']}")
    print(f"Grantee   : {a.principal} (session name '{a.session}')")
    print(f"Expires   : {expires.isoformat()}  ({a.hours}h)")
    print(f"Reason    : {a.reason}")
    print(f"Granted by: {caller}")
    print(json.dumps(policy, indent=2))
    if input("Grant break-glass admin with this trust policy? [yes/N] ").strip() != "yes":
        sys.exit("aborted")
    iam.update_assume_role_policy(RoleName=a.role, PolicyDocument=json.dumps(policy))
    iam.update_role(RoleName=a.role, MaxSessionDuration=max(3600, min(a.hours * 3600, 43200)))
    iam.tag_role(RoleName=a.role, Tags=[
        {"Key": "breakglass:grantee", "Value": a.principal[-256:]},
        {"Key": "breakglass:expires", "Value": expires.isoformat()},
        {"Key": "breakglass:reason", "Value": a.reason[:256]},
        {"Key": "breakglass:granted-by", "Value": caller[-256:]},
    ])
    notify(sess, a.notify, f"BREAK-GLASS granted on {role['Arn']} to {a.principal} "
                          f"(session {a.session}) until {expires.isoformat()} by {caller}. Reason: {a.reason}")
    print(f"granted. assume with:\n  aws sts assume-role --role-arn {role['Arn']} --role-session-name {a.session}")


def revoke(a, sess, iam):
    role = iam.get_role(RoleName=a.role)["Role"]
    cut = now().isoformat().replace("+00:00", "Z")
    print(f"Reset trust of {role['Arn']} to deny-all and revoke sessions issued before {cut}")
    if input("Proceed? [yes/N] ").strip() != "yes":
        sys.exit("aborted")
    iam.update_assume_role_policy(RoleName=a.role, PolicyDocument=json.dumps(BASELINE))
    iam.put_role_policy(RoleName=a.role, PolicyName="AWSRevokeOlderSessions", PolicyDocument=json.dumps({
        "Version": "2012-10-17", "Statement": [{"Effect": "Deny", "Action": "*", "Resource": "*",
        "Condition": {"DateLessThan": {"aws:TokenIssueTime": cut}}}]}))
    iam.untag_role(RoleName=a.role, TagKeys=["breakglass:grantee", "breakglass:expires",
                                             "breakglass:reason", "breakglass:granted-by"])
    notify(sess, a.notify, f"BREAK-GLASS revoked on {role['Arn']}: {a.reason}")
    print("revoked")


def status(a, sess, iam):
    tags = {t["Key"]: t["Value"] for t in iam.list_role_tags(RoleName=a.role)["Tags"]}
    exp = tags.get("breakglass:expires")
    if not exp:
        print("no active grant recorded")
        return
    left = dt.datetime.fromisoformat(exp) - now()
    state = "ACTIVE" if left.total_seconds() > 0 else "EXPIRED (trust condition no longer matches; run revoke to tidy)"
    print(f"{state}: grantee={tags.get('breakglass:grantee')} expires={exp} reason={tags.get('breakglass:reason')}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("cmd", choices=["grant", "revoke", "status"])
    ap.add_argument("--profile", required=True)
    ap.add_argument("--role", default="BreakGlassAdmin")
    ap.add_argument("--principal")
    ap.add_argument("--session")
    ap.add_argument("--hours", type=int, default=2)
    ap.add_argument("--reason", default="")
    ap.add_argument("--notify")
    a = ap.parse_args()
    if a.cmd == "grant" and not (a.principal and a.session and a.reason):
        ap.error("grant needs --principal, --session and --reason")
    sess = boto3.Session(profile_name=a.profile)
    iam = sess.client("iam")
    {"grant": grant, "revoke": revoke, "status": status}[a.cmd](a, sess, iam)


if __name__ == "__main__":
    main()
