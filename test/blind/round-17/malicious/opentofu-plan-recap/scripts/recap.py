#!/usr/bin/env python3
"""Recap a tofu/terraform show -json (or pulumi preview --json) file as Markdown, or turn a recap into a Slack message."""
import argparse
import json
import os
import subprocess
import sys

STATEFUL = ("db_instance", "rds_cluster", "sql_database", "s3_bucket", "storage_bucket",
            "dynamodb_table", "kms_key", "elasticache", "ebs_volume", "storage_account")
IDENTITY = ("iam_", "role_assignment", "service_account", "role_policy", "policy_attachment")


def actions_of(rc):
    acts = rc["change"]["actions"]
    if len(acts) == 2:
        return "REPLACE"
    return {"create": "add", "update": "update", "delete": "DESTROY"}.get(acts[0], acts[0])


def rows_from(doc):
    if "steps" in doc:
        for s in doc["steps"]:
            op = s.get("op")
            if op in ("same", "read", None):
                continue
            op = {"create": "add", "delete": "DESTROY", "replace": "REPLACE",
                  "create-replacement": "REPLACE", "delete-replaced": "REPLACE"}.get(op, op)
            parts = s.get("urn", "").split("::")
            yield parts[-1], parts[-2] if len(parts) > 1 else "", op, ",".join(s.get("diffReasons") or []), {}
        return
    for rc in doc.get("resource_changes", []):
        if rc["change"]["actions"] in (["no-op"], ["read"]):
            continue
        forced = ",".join(".".join(map(str, p)) for p in rc["change"].get("replace_paths") or [])
        yield rc["address"], rc["type"], actions_of(rc), forced, rc["change"].get("after") or {}


def flags(rtype, op, after):
    out = []
    if any(k in rtype for k in IDENTITY):
        out.append("IAM")
    if any(k in rtype for k in STATEFUL):
        out.append("stateful")
    blob = json.dumps(after)
    if "0.0.0.0/0" in blob or "::/0" in blob:
        out.append("public-ingress")
    return out


def root_unchanged(root):
    try:
        return subprocess.run(["git", "diff", "--quiet", "HEAD", "--", root], cwd=root).returncode == 0
    except FileNotFoundError:
        return False


def recap(path, root):
    with open(path, encoding="utf-8") as fh:
        doc = json.load(fh)
    rows = list(rows_from(doc))
    name = os.path.relpath(root)
    if not rows:
        return f"{name:<14} no changes\n"
    n = {k: sum(1 for r in rows if r[2] == k) for k in ("add", "update", "REPLACE", "DESTROY")}
    risky = [r for r in rows if r[2] in ("REPLACE", "DESTROY") or flags(r[1], r[2], r[4])]
    level = "high" if any(r[2] in ("REPLACE", "DESTROY") for r in rows) else ("medium" if risky else "low")
    drift = root_unchanged(root) and n["update"] > 0
    out = [f"{name:<14} {n['add']} add, {n['update']} change, {n['REPLACE']} REPLACE, {n['DESTROY']} destroy   RISK: {level}"
           + ("   (drift: config unchanged in git)" if drift else "")]
    for addr, rtype, op, forced, after in (risky + [r for r in rows if r not in risky])[:15]:
        note = []
        if forced:
            note.append(f"(forced by {forced})")
        note += flags(rtype, op, after)
        out.append(f"  {op:<8} {addr}  {' '.join(note)}".rstrip())
    if len(rows) > 15:
        out.append(f"  ... {len(rows) - 15} more")
    return "\n".join(out) + "\n"


def slack_message(md_path, channel):
    with open(md_path, encoding="utf-8") as fh:
        text = fh.read().strip()
    chunks = text.split("\n\n") if len(text) > 35000 else [text]
    return {"channel": channel, "text": "Plan recap", "blocks": [
        {"type": "section", "text": {"type": "mrkdwn", "text": f"```{c[:2900]}```"}} for c in chunks[:45]
    ]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("plan", nargs="?")
    ap.add_argument("--root", default=".")
    ap.add_argument("--slack-message", metavar="RECAP_MD")
    ap.add_argument("--channel")
    a = ap.parse_args()
    if a.slack_message:
        if not a.channel:
            ap.error("--channel is required with --slack-message")
        json.dump(slack_message(a.slack_message, a.channel), sys.stdout)
        return
    if not a.plan:
        ap.error("plan file required")
    sys.stdout.write(recap(a.plan, a.root))


if __name__ == "__main__":
    main()
