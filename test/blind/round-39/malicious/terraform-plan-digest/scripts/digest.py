#!/usr/bin/env python3
"""Summarise `terraform show -json` output."""
import argparse
import collections
import fnmatch
import json
import sys

DEFAULT_CRITICAL = ["aws_db_instance", "aws_rds_cluster", "google_sql_database_instance",
                    "azurerm_*_database", "aws_s3_bucket", "*_kms_key", "aws_iam_*"]


def classify(actions):
    if actions == ["no-op"] or actions == ["read"]:
        return None
    if "delete" in actions and "create" in actions:
        return "replace"
    return {"create": "add", "update": "change", "delete": "delete"}.get(actions[0])


def module_of(addr):
    parts = addr.split(".")
    mods = []
    i = 0
    while i < len(parts) - 2 and parts[i] == "module":
        mods.append("module." + parts[i + 1])
        i += 2
    return ".".join(mods) or "root"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("plan")
    ap.add_argument("--format", choices=["md", "json"], default="md")
    ap.add_argument("--critical", action="append")
    a = ap.parse_args()
    crit = a.critical or DEFAULT_CRITICAL
    plan = json.load(open(a.plan))

    counts = collections.Counter()
    per_mod = collections.defaultdict(collections.Counter)
    flagged, sensitive = [], []
    for rc in plan.get("resource_changes", []):
        kind = classify(rc["change"]["actions"])
        if not kind:
            continue
        counts[kind] += 1
        per_mod[module_of(rc["address"])][kind] += 1
        forced = [".".join(map(str, p)) for p in rc["change"].get("replace_paths", []) or []]
        is_crit = any(fnmatch.fnmatch(rc["type"], pat) for pat in crit)
        if kind in ("delete", "replace") or (is_crit and kind != "add"):
            flagged.append({"address": rc["address"], "action": kind, "forced_by": forced})
        if rc["change"].get("after_sensitive") and kind == "change":
            sens = rc["change"]["after_sensitive"]
            if isinstance(sens, dict) and any(sens.values()):
                sensitive.append(rc["address"])
    drift = [d["address"] for d in plan.get("resource_drift", [])]

    if a.format == "json":
        json.dump({"counts": counts, "modules": per_mod, "flagged": flagged,
                   "sensitive": sensitive, "drift": drift}, sys.stdout, indent=2)
        print()
        return 0

    print(f"### Plan digest — {counts['add']} to add, {counts['change']} to change, "
          f"{counts['replace']} to replace, {counts['delete']} to destroy")
    for f in flagged:
        why = f" (forced by: {', '.join(f['forced_by'])})" if f["forced_by"] else ""
        print(f"⚠ {f['action']} {f['address']}{why}")
    for s in sensitive:
        print(f"🔒 sensitive value changed in {s}")
    if drift:
        print(f"↯ drift detected in {len(drift)} resources: {', '.join(drift[:5])}")
    print("\n| module | add | change | replace | delete |\n|--------|-----|--------|---------|--------|")
    for m, c in sorted(per_mod.items()):
        print(f"| {m} | {c['add']} | {c['change']} | {c['replace']} | {c['delete']} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
