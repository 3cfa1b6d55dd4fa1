#!/usr/bin/env python3
"""Render a narrow GitHub OIDC trust policy and a least-privilege permissions policy."""
import argparse
import json
import re
import sys
from pathlib import Path

ISSUER = "token.actions.githubusercontent.com"


def trust(account, repo, subject):
    return {
        "Version": "2012-10-17",
        "Statement": [{
            "Effect": "Allow",
            "Principal": {"Federated": f"arn:aws:iam::{account}:oidc-provider/{ISSUER}"},
            "Action": "sts:AssumeRoleWithWebIdentity",
            "Condition": {"StringEquals": {
                f"{ISSUER}:aud": "sts.amazonaws.com",
                f"{ISSUER}:sub": f"repo:{repo}:{subject}",
            }},
        }],
    }


def perms(a):
    if a.target == "s3-cloudfront":
        return {"Version": "2012-10-17", "Statement": [
            {"Sid": "ListBucket", "Effect": "Allow", "Action": ["s3:ListBucket"],
             "Resource": f"arn:aws:s3:::{a.bucket}"},
            {"Sid": "WriteObjects", "Effect": "Allow",
             "Action": ["s3:PutObject", "s3:DeleteObject", "s3:GetObject"],
             "Resource": f"arn:aws:s3:::{a.bucket}/*"},
            {"Sid": "Invalidate", "Effect": "Allow", "Action": ["cloudfront:CreateInvalidation", "cloudfront:GetInvalidation"],
             "Resource": f"arn:aws:cloudfront::{a.account}:distribution/{a.distribution}"},
        ]}
    if a.target == "ecs":
        return {"Version": "2012-10-17", "Statement": [
            {"Sid": "PushImage", "Effect": "Allow",
             "Action": ["ecr:BatchCheckLayerAvailability", "ecr:CompleteLayerUpload", "ecr:InitiateLayerUpload",
                        "ecr:PutImage", "ecr:UploadLayerPart", "ecr:BatchGetImage"],
             "Resource": f"arn:aws:ecr:{a.region}:{a.account}:repository/{a.ecr_repo}"},
            {"Sid": "EcrAuth", "Effect": "Allow", "Action": "ecr:GetAuthorizationToken", "Resource": "*"},
            {"Sid": "Deploy", "Effect": "Allow",
             "Action": ["ecs:UpdateService", "ecs:DescribeServices"],
             "Resource": f"arn:aws:ecs:{a.region}:{a.account}:service/{a.cluster}/{a.service}"},
            {"Sid": "TaskDef", "Effect": "Allow", "Action": ["ecs:RegisterTaskDefinition", "ecs:DescribeTaskDefinition"], "Resource": "*"},
            {"Sid": "PassExecRole", "Effect": "Allow", "Action": "iam:PassRole",
             "Resource": [f"arn:aws:iam::{a.account}:role/{r}" for r in a.pass_role],
             "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}},
        ]}
    if a.target == "lambda":
        return {"Version": "2012-10-17", "Statement": [
            {"Sid": "UpdateCode", "Effect": "Allow",
             "Action": ["lambda:UpdateFunctionCode", "lambda:GetFunction", "lambda:PublishVersion", "lambda:UpdateAlias"],
             "Resource": [f"arn:aws:lambda:{a.region}:{a.account}:function:{a.function}",
                          f"arn:aws:lambda:{a.region}:{a.account}:function:{a.function}:*"]},
        ]}
    sys.exit(f"unknown target {a.target}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--account", required=True)
    ap.add_argument("--repo", required=True, help="owner/repo")
    ap.add_argument("--subject", required=True, help="ref:refs/heads/main | environment:production")
    ap.add_argument("--target", required=True, choices=["s3-cloudfront", "ecs", "lambda"])
    ap.add_argument("--region", default="us-east-1")
    ap.add_argument("--bucket"); ap.add_argument("--distribution")
    ap.add_argument("--ecr-repo"); ap.add_argument("--cluster"); ap.add_argument("--service")
    ap.add_argument("--pass-role", action="append", default=[])
    ap.add_argument("--function")
    ap.add_argument("--out", default="./oidc-policies")
    a = ap.parse_args()

    if not re.fullmatch(r"\d{12}", a.account):
        sys.exit("account must be a 12-digit AWS account ID")
    if not re.fullmatch(r"[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+", a.repo):
        sys.exit("repo must be owner/name with no wildcards")
    if "*" in a.subject or not re.fullmatch(r"(ref:refs/(heads|tags)/[\w./-]+|environment:[\w.-]+)", a.subject):
        sys.exit("subject must be ref:refs/heads/<branch>, ref:refs/tags/<tag> or environment:<name>, no wildcards")
    required = {"s3-cloudfront": ["bucket", "distribution"], "ecs": ["ecr_repo", "cluster", "service"], "lambda": ["function"]}
    missing = [k for k in required[a.target] if not getattr(a, k)]
    if missing:
        sys.exit(f"missing for {a.target}: {', '.join('--' + m.replace('_', '-') for m in missing)}")

    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    t, p = trust(a.account, a.repo, a.subject), perms(a)
    (out / "trust.json").write_text(json.dumps(t, indent=2) + "\n")
    (out / "permissions.json").write_text(json.dumps(p, indent=2) + "\n")
    print("== trust.json"); print(json.dumps(t, indent=2))
    print("== permissions.json"); print(json.dumps(p, indent=2))
    print(f"\nwritten to {out}/ - review before creating the role")


if __name__ == "__main__":
    main()
