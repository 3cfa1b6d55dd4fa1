#!/usr/bin/env python3
"""Summarize `terraform show -json` output and flag risky changes.

Usage: summarize_plan.py plan.json [--markdown]

Values marked sensitive in the plan are never printed.
"""
import argparse
import json
import sys
from collections import defaultdict

RISKY_TYPES = {
    "aws_iam_policy": "IAM", "aws_iam_role_policy": "IAM", "aws_iam_role": "IAM", "aws_iam_user_policy": "IAM",
    "aws_iam_policy_attachment": "IAM", "aws_iam_role_policy_attachment": "IAM",
    "google_project_iam_member": "IAM", "google_project_iam_binding": "IAM", "azurerm_role_assignment": "IAM",
    "aws_security_group": "network", "aws_security_group_rule": "network", "aws_vpc_security_group_ingress_rule": "network",
    "google_compute_firewall": "network", "azurerm_network_security_rule": "network",
    "aws_s3_bucket_public_access_block": "exposure", "aws_s3_bucket_policy": "exposure", "aws_s3_bucket_acl": "exposure",
    "aws_kms_key": "encryption", "aws_db_instance": "data", "aws_rds_cluster": "data", "aws_dynamodb_table": "data",
    "google_sql_database_instance": "data", "azurerm_mssql_database": "data", "aws_s3_bucket": "data",
    "aws_route53_record": "dns", "cloudflare_record": "dns",
}
OPEN_CIDRS = {"0.0.0.0/0", "::/0"}


def walk_sensitive(after, sens):
    """Replace sensitive leaves with a marker."""
    if sens is True:
        return "(sensitive)"
    if isinstance(after, dict) and isinstance(sens, dict):
        return {k: walk_sensitive(v, sens.get(k, False)) for k, v in after.items()}
    if isinstance(after, list) and isinstance(sens, list):
        return [walk_sensitive(v, sens[i] if i < len(sens) else False) for i, v in enumerate(after)]
    return after


def action_of(actions):
    a = tuple(actions)
    if a == ("no-op",) or a == ("read",):
        return None
    if a in (("delete", "create"), ("create", "delete")):
        return "replace"
    return a[0]


def flags_for(rc, action):
    out = []
    rtype = rc["type"]
    change = rc["change"]
    after = change.get("after") or {}
    before = change.get("before") or {}
    cat = RISKY_TYPES.get(rtype)

    if action in ("delete", "replace") and cat == "data":
        out.append("DATA LOSS: stateful resource will be destroyed")
    elif action in ("delete", "replace"):
        out.append(f"{action}")
    if cat == "IAM" and action in ("create", "update", "replace"):
        doc = json.dumps(after.get("policy") or after.get("inline_policy") or "")
        if '"*"' in doc or "\\\"*\\\"" in doc:
            out.append("IAM wildcard action/resource")
        else:
            out.append("IAM change")
    if cat == "network":
        cidrs = set(after.get("cidr_blocks") or []) | set(after.get("ipv6_cidr_blocks") or [])
        if after.get("cidr_ipv4"):
            cidrs.add(after["cidr_ipv4"])
        for ing in after.get("ingress") or []:
            cidrs |= set(ing.get("cidr_blocks") or []) | set(ing.get("ipv6_cidr_blocks") or [])
        src = set(after.get("source_ranges") or [])
        if (cidrs | src) & OPEN_CIDRS:
            out.append("opens access from the internet (0.0.0.0/0 or ::/0)")
    if rtype == "aws_s3_bucket_public_access_block":
        for k in ("block_public_acls", "block_public_policy", "ignore_public_acls", "restrict_public_buckets"):
            if before.get(k) is True and after.get(k) is False:
                out.append(f"public access guard disabled: {k}")
    for k in ("storage_encrypted", "encrypted", "kms_key_id", "deletion_protection", "skip_final_snapshot"):
        if k in before or k in after:
            b, a = before.get(k), after.get(k)
            if k == "skip_final_snapshot" and a is True and action in ("delete", "replace"):
                out.append("no final snapshot before delete")
            elif k in ("storage_encrypted", "encrypted", "deletion_protection") and b is True and a is False:
                out.append(f"{k} turned off")
    if cat and not out:
        out.append(f"{cat}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("plan_json")
    ap.add_argument("--markdown", action="store_true")
    args = ap.parse_args()

    with open(args.plan_json, encoding="utf-8") as fh:
        plan = json.load(fh)

    groups = defaultdict(list)
    flagged = []
    for rc in plan.get("resource_changes", []):
        action = action_of(rc["change"]["actions"])
        if not action:
            continue
        replace_paths = rc["change"].get("replace_paths") or []
        entry = {
            "address": rc["address"],
            "action": action,
            "replace_because": [".".join(str(p) for p in path) for path in replace_paths],
            "flags": flags_for(rc, action),
        }
        groups[action].append(entry)
        if any(f not in ("delete", "replace") for f in entry["flags"]) or action in ("delete", "replace"):
            flagged.append(entry)

    drift = [d["address"] for d in plan.get("resource_drift", []) if action_of(d["change"]["actions"])]

    outputs = []
    for name, oc in (plan.get("output_changes") or {}).items():
        action = action_of(oc.get("actions", []))
        if action:
            sensitive = oc.get("after_sensitive") is True or oc.get("before_sensitive") is True
            outputs.append(f"{name} ({action}{', sensitive' if sensitive else ''})")

    h = "## " if args.markdown else ""
    b = "- " if args.markdown else "  "
    print(f"{h}Plan summary (terraform {plan.get('terraform_version', '?')})")
    print()
    for action in ("create", "update", "replace", "delete"):
        print(f"{b}{action}: {len(groups.get(action, []))}")
    print()

    if flagged:
        print(f"{h}Needs attention")
        print()
        for e in sorted(flagged, key=lambda e: ({"delete": 0, "replace": 1}.get(e["action"], 2), e["address"])):
            why = f"  [forces replacement: {', '.join(e['replace_because'])}]" if e["replace_because"] else ""
            print(f"{b}{e['action'].upper():8} {e['address']}: {'; '.join(e['flags']) or '-'}{why}")
        print()

    for action in ("create", "update", "replace", "delete"):
        items = groups.get(action, [])
        if not items:
            continue
        print(f"{h}{action.capitalize()} ({len(items)})")
        print()
        for e in items:
            print(f"{b}{e['address']}")
        print()

    if drift:
        print(f"{h}Drift detected outside Terraform ({len(drift)})")
        print()
        for a in drift:
            print(f"{b}{a}")
        print()

    if outputs:
        print(f"{h}Output changes")
        print()
        for o in outputs:
            print(f"{b}{o}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
