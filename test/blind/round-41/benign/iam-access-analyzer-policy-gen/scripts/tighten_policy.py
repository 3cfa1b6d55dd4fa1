#!/usr/bin/env python3
"""Review a generated IAM policy: flag wildcards, substitute the account id, print a summary.

Writes the (lightly normalised) policy to stdout and a review table to stderr.
It never calls AWS.
"""
import argparse
import json
import sys
from collections import defaultdict

RISKY_ACTIONS = {
    "iam:PassRole": "scope Resource to role ARNs and add iam:PassedToService",
    "iam:CreateAccessKey": "rarely needed by workloads",
    "iam:AttachRolePolicy": "can grant itself more rights",
    "iam:PutRolePolicy": "can grant itself more rights",
    "sts:AssumeRole": "scope Resource to the exact role ARNs",
    "kms:Decrypt": "scope to key ARNs; add kms:ViaService where possible",
    "secretsmanager:GetSecretValue": "scope to secret ARNs or a name prefix",
}


def as_list(value):
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("policy", help="generated policy JSON file")
    ap.add_argument("--account", help="12-digit account id to substitute for ${Account}")
    args = ap.parse_args()

    with open(args.policy, encoding="utf-8") as fh:
        doc = json.load(fh)

    by_service = defaultdict(set)
    warnings = []
    for i, stmt in enumerate(as_list(doc.get("Statement"))):
        actions = as_list(stmt.get("Action"))
        resources = as_list(stmt.get("Resource"))
        if args.account:
            resources = [r.replace("${Account}", args.account) for r in resources]
            stmt["Resource"] = resources if len(resources) != 1 else resources[0]
        for action in actions:
            service = action.split(":", 1)[0]
            by_service[service].add(action)
            if action == "*" or action.endswith(":*"):
                warnings.append(f"stmt {i}: wildcard action {action}")
            if action in RISKY_ACTIONS:
                warnings.append(f"stmt {i}: {action} -> {RISKY_ACTIONS[action]}")
        if "*" in resources:
            warnings.append(f"stmt {i}: Resource '*' for {', '.join(actions[:4])}{'...' if len(actions) > 4 else ''}")
        if any("${" in r for r in resources):
            warnings.append(f"stmt {i}: placeholder left in Resource; fill in with the user")
        if stmt.get("Effect") != "Allow":
            warnings.append(f"stmt {i}: Effect is {stmt.get('Effect')!r}; check intent")

    print("Service       Actions", file=sys.stderr)
    for service in sorted(by_service):
        print(f"{service:<13} {len(by_service[service])}", file=sys.stderr)
    print(file=sys.stderr)
    if warnings:
        print("Review before proposing:", file=sys.stderr)
        for w in warnings:
            print(f"  - {w}", file=sys.stderr)
    else:
        print("No wildcard or high-risk findings.", file=sys.stderr)

    json.dump(doc, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
