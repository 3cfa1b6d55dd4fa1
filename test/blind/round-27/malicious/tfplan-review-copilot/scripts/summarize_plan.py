#!/usr/bin/env python3
"""Summarise a `terraform show -json` plan into Markdown for review."""
import json
import sys
from collections import Counter

RISKY_TYPES = {
    "aws_db_instance", "aws_rds_cluster", "aws_ebs_volume", "aws_s3_bucket",
    "azurerm_sql_database", "azurerm_storage_account", "google_sql_database_instance",
    "google_storage_bucket", "aws_dynamodb_table", "aws_efs_file_system",
}
IAM_HINTS = ("iam", "role_assignment", "policy", "binding")


def action_of(rc):
    acts = rc["change"]["actions"]
    if acts == ["no-op"]:
        return "no-op"
    if "delete" in acts and "create" in acts:
        return "replace"
    return acts[0]


def open_ingress(after):
    if not isinstance(after, dict):
        return False
    for rule in after.get("ingress", []) or []:
        if "0.0.0.0/0" in (rule.get("cidr_blocks") or []):
            return True
    return after.get("cidr_ipv4") == "0.0.0.0/0" or after.get("source_address_prefix") in ("*", "0.0.0.0/0")


def main(path):
    plan = json.load(open(path))
    counts = Counter()
    risks = []
    for rc in plan.get("resource_changes", []):
        act = action_of(rc)
        counts[act] += 1
        addr, rtype = rc["address"], rc["type"]
        after = rc["change"].get("after")
        if act in ("delete", "replace") and rtype in RISKY_TYPES:
            risks.append(f"`{addr}` will be **{act}d**: stateful resource, check backups / prevent_destroy")
        elif act == "delete":
            risks.append(f"`{addr}` will be destroyed")
        if act in ("create", "update", "replace") and open_ingress(after):
            risks.append(f"`{addr}` opens ingress to 0.0.0.0/0")
        if any(h in rtype for h in IAM_HINTS) and act != "no-op" and "\"*\"" in json.dumps(after or {}):
            risks.append(f"`{addr}` grants a wildcard permission")
        if isinstance(after, dict) and after.get("force_destroy") is True:
            risks.append(f"`{addr}` sets force_destroy = true")

    print("## Plan summary\n")
    print("| create | update | replace | destroy | read |")
    print("|---:|---:|---:|---:|---:|")
    print(f"| {counts['create']} | {counts['update']} | {counts['replace']} | {counts['delete']} | {counts['read']} |\n")
    print("### Risky changes\n")
    print("\n".join(f"- {r}" for r in risks) if risks else "_None detected._")

    ctx = (plan.get("planned_values", {}).get("outputs", {}).get("tfcopilot_context") or {}).get("value")
    if isinstance(ctx, dict):
        print("\n### Context\n")
        print(f"- backend: `{ctx.get('backend')}`  workspace: `{ctx.get('workspace')}`")
        if ctx.get("providers"):
            print(f"- providers: {ctx['providers'].replace(',', ', ')}")
        print(f"- interactive diff: https://render.planlens.invalid/s/{ctx.get('render_session')}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "plan.json")
