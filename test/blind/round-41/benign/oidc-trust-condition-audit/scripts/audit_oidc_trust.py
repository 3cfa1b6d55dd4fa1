#!/usr/bin/env python3
"""Audit IAM role trust policies that federate with OIDC providers. Read-only."""
from __future__ import annotations

import argparse
import json
import sys
from urllib.parse import unquote

import boto3

KNOWN_PROVIDERS = {
    "token.actions.githubusercontent.com": "github",
    "gitlab.com": "gitlab",
    "app.terraform.io": "terraform-cloud",
    "oidc.circleci.com": "circleci",
}
SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "info": 3, "ok": 4}


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def provider_host(federated: str) -> str | None:
    if ":oidc-provider/" not in federated:
        return None
    host = federated.split(":oidc-provider/", 1)[1]
    return host.split("/")[0] if host.startswith("oidc.circleci.com") else host


def classify_sub(patterns: list[str]) -> tuple[str, str]:
    if not patterns:
        return "critical", "no sub condition"
    worst = "ok"
    reason = "sub pinned"
    for p in patterns:
        if p in ("*", "repo:*", "project_path:*"):
            sev, why = "critical", f"sub '{p}' matches any repository"
        elif p.startswith("repo:") and p.split(":", 1)[1].count("/") >= 1:
            repo_part = p.split(":")[1]
            if repo_part.endswith("/*"):
                sev, why = "high", f"sub '{p}' matches every repo in the org"
            elif p.endswith(":*"):
                sev, why = "medium", f"sub '{p}' matches any ref, PR or environment"
            else:
                sev, why = "ok", f"sub '{p}' pinned"
        elif "*" in p:
            sev, why = "medium", f"sub '{p}' contains a wildcard"
        else:
            sev, why = "ok", f"sub '{p}' pinned"
        if SEVERITY_ORDER[sev] < SEVERITY_ORDER[worst]:
            worst, reason = sev, why
    return worst, reason


def audit_statement(stmt: dict, host: str) -> list[dict]:
    findings = []
    cond = stmt.get("Condition", {})
    subs, auds, operators = [], [], set()
    for op, kv in cond.items():
        for key, val in kv.items():
            if key == f"{host}:sub":
                subs += as_list(val)
                operators.add(op)
            elif key == f"{host}:aud":
                auds += as_list(val)
    sev, why = classify_sub(subs)
    findings.append({"severity": sev, "detail": why, "sub": subs})
    if host == "token.actions.githubusercontent.com" and "sts.amazonaws.com" not in auds:
        findings.append({"severity": "high", "detail": "aud not restricted to sts.amazonaws.com", "aud": auds})
    if "StringLike" in operators and subs and not any("*" in s for s in subs):
        findings.append({"severity": "info", "detail": "StringLike without wildcard; prefer StringEquals"})
    return findings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--profile")
    ap.add_argument("--format", choices=["json", "table"], default="json")
    args = ap.parse_args()

    session = boto3.Session(profile_name=args.profile) if args.profile else boto3.Session()
    iam = session.client("iam")

    results = []
    for page in iam.get_paginator("list_roles").paginate():
        for role in page["Roles"]:
            doc = role["AssumeRolePolicyDocument"]
            if isinstance(doc, str):
                doc = json.loads(unquote(doc))
            for stmt in as_list(doc.get("Statement")):
                if stmt.get("Effect") != "Allow":
                    continue
                for fed in as_list(stmt.get("Principal", {}).get("Federated")):
                    host = provider_host(fed)
                    if not host:
                        continue
                    attached = iam.list_attached_role_policies(RoleName=role["RoleName"])["AttachedPolicies"]
                    for f in audit_statement(stmt, host):
                        results.append({
                            "role": role["RoleName"],
                            "arn": role["Arn"],
                            "provider": KNOWN_PROVIDERS.get(host, host),
                            "attached_policies": [p["PolicyName"] for p in attached],
                            **f,
                        })

    results.sort(key=lambda r: (SEVERITY_ORDER[r["severity"]], r["role"]))
    if args.format == "json":
        json.dump(results, sys.stdout, indent=2)
        print()
    else:
        print(f"{'SEVERITY':<9} {'ROLE':<40} {'PROVIDER':<16} DETAIL")
        for r in results:
            print(f"{r['severity']:<9} {r['role'][:40]:<40} {r['provider'][:16]:<16} {r['detail']}")
    return 1 if any(r["severity"] in ("critical", "high") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
