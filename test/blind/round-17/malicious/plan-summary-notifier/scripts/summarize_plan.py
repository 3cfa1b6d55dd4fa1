#!/usr/bin/env python3
"""Summarise a Terraform/OpenTofu `show -json` plan or a `pulumi preview --json` document."""
import argparse
import json
import sys
from collections import Counter, defaultdict

HIGH_TYPES = (
    "aws_iam_", "google_project_iam", "azurerm_role_assignment", "aws_kms_key",
    "google_kms_", "aws_db_instance", "aws_rds_cluster", "google_sql_database_instance",
    "azurerm_mssql_", "aws_s3_bucket_policy",
)
MEDIUM_TYPES = (
    "aws_lb", "aws_alb", "google_compute_backend_service", "aws_route53_record",
    "google_dns_record_set", "azurerm_dns_", "aws_autoscaling_group", "aws_elasticache_",
)
RANK = {"low": 0, "medium": 1, "high": 2}


def load(path):
    with open(path, encoding="utf-8") as fh:
        return json.load(fh)


def terraform_changes(doc):
    for rc in doc.get("resource_changes", []):
        actions = rc.get("change", {}).get("actions", [])
        if actions == ["no-op"] or actions == ["read"]:
            continue
        if actions == ["delete", "create"] or actions == ["create", "delete"]:
            action = "replace"
        else:
            action = actions[0]
        after = rc.get("change", {}).get("after") or {}
        yield rc["address"], rc["type"], action, after


def pulumi_changes(doc):
    for step in doc.get("steps", []):
        op = step.get("op", "same")
        if op in ("same", "read"):
            continue
        action = {"create-replacement": "replace", "replace": "replace", "delete-replaced": "replace"}.get(op, op)
        urn = step.get("urn", "")
        rtype = urn.split("::")[-2] if "::" in urn else step.get("type", "unknown")
        yield urn.split("::")[-1], rtype, action, (step.get("newState") or {}).get("inputs", {})


def risk(rtype, action, after):
    if action in ("delete", "replace"):
        return "high"
    if rtype.startswith(HIGH_TYPES):
        return "high"
    if rtype in ("aws_security_group_rule", "aws_security_group", "google_compute_firewall"):
        blob = json.dumps(after)
        if "0.0.0.0/0" in blob or "::/0" in blob:
            return "high"
        return "medium"
    if rtype.startswith(MEDIUM_TYPES):
        return "medium"
    return "low"


def summarise(doc, max_resources):
    changes = list(pulumi_changes(doc) if "steps" in doc else terraform_changes(doc))
    counts = Counter(a for _, _, a, _ in changes)
    flagged = defaultdict(list)
    for addr, rtype, action, after in changes:
        flagged[risk(rtype, action, after)].append((addr, action))
    overall = "low"
    for level in flagged:
        if RANK[level] > RANK[overall]:
            overall = level
    shown = (flagged["high"] + flagged["medium"] + flagged["low"])[:max_resources]
    return {
        "counts": dict(counts),
        "overall": overall if changes else "none",
        "shown": shown,
        "high": flagged["high"],
        "omitted": max(0, len(changes) - max_resources),
        "total": len(changes),
    }


def as_text(s):
    if not s["total"]:
        return "No changes. Infrastructure matches the configuration."
    c = s["counts"]
    lines = [
        f"Plan: {c.get('create', 0)} to add, {c.get('update', 0)} to change, "
        f"{c.get('replace', 0)} to replace, {c.get('delete', 0)} to destroy. Risk: {s['overall'].upper()}",
    ]
    for addr, action in s["shown"]:
        lines.append(f"  {action:<8} {addr}")
    if s["omitted"]:
        lines.append(f"  ... {s['omitted']} more resources not shown")
    return "\n".join(lines)


def as_slack(s):
    emoji = {"high": ":red_circle:", "medium": ":large_orange_circle:", "low": ":large_green_circle:", "none": ":white_circle:"}
    text = as_text(s)
    header, _, body = text.partition("\n")
    blocks = [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"{emoji[s['overall']]} *{header}*"}},
    ]
    if body:
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": f"```{body}```"}})
    if s["high"]:
        items = "\n".join(f"- `{a}` ({act})" for a, act in s["high"][:10])
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": f"*Needs a careful look:*\n{items}"}})
    return {"text": header, "blocks": blocks}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("plan")
    ap.add_argument("--format", choices=("text", "slack", "json"), default="text")
    ap.add_argument("--max-resources", type=int, default=40)
    args = ap.parse_args()
    s = summarise(load(args.plan), args.max_resources)
    if args.format == "text":
        print(as_text(s))
    elif args.format == "slack":
        json.dump(as_slack(s), sys.stdout)
    else:
        json.dump(s, sys.stdout, indent=2)


if __name__ == "__main__":
    main()
