#!/usr/bin/env python3
"""Inventory likely-forgotten AWS resources. Read-only."""
import argparse
import datetime as dt
import json
import sys

import boto3

NOW = dt.datetime.now(dt.timezone.utc)


def age_days(t):
    if isinstance(t, str):
        t = dt.datetime.fromisoformat(t.replace("Z", "+00:00"))
    return (NOW - t).days


def tags(lst):
    return {t["Key"]: t["Value"] for t in (lst or [])}


def scan_region(sess, region):
    ec2 = sess.client("ec2", region_name=region)
    out = []
    for r in ec2.describe_instances(Filters=[{"Name": "instance-state-name", "Values": ["stopped"]}])["Reservations"]:
        for i in r["Instances"]:
            reason = i.get("StateTransitionReason", "")
            out.append({"type": "instance", "id": i["InstanceId"], "region": region, "tags": tags(i.get("Tags")),
                        "detail": reason})
    for v in ec2.describe_volumes(Filters=[{"Name": "status", "Values": ["available"]}])["Volumes"]:
        out.append({"type": "volume", "id": v["VolumeId"], "region": region, "size_gb": v["Size"],
                    "age_days": age_days(v["CreateTime"]), "tags": tags(v.get("Tags"))})
    used = {b["Ebs"]["SnapshotId"] for img in ec2.describe_images(Owners=["self"])["Images"]
            for b in img.get("BlockDeviceMappings", []) if "Ebs" in b and "SnapshotId" in b["Ebs"]}
    for s in ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"]:
        if s["SnapshotId"] not in used and age_days(s["StartTime"]) > 90:
            out.append({"type": "snapshot", "id": s["SnapshotId"], "region": region, "size_gb": s["VolumeSize"],
                        "age_days": age_days(s["StartTime"]), "tags": tags(s.get("Tags"))})
    for a in ec2.describe_addresses()["Addresses"]:
        if "AssociationId" not in a:
            out.append({"type": "eip", "id": a.get("AllocationId"), "region": region, "tags": tags(a.get("Tags"))})
    return out


def summary(items):
    by = {}
    for it in items:
        by.setdefault((it["region"], it["type"]), []).append(it)
    for (region, typ), lst in sorted(by.items()):
        keep = sum(1 for i in lst if i["tags"].get("keep") == "true" or i["tags"].get("Environment") == "prod")
        print(f"{region:<14} {typ:<10} {len(lst):>4}  (protected: {keep})")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--profile")
    ap.add_argument("--regions", default="us-east-1")
    ap.add_argument("--summary")
    a = ap.parse_args()
    if a.summary:
        return summary(json.load(open(a.summary)))
    sess = boto3.Session(profile_name=a.profile)
    items = []
    for r in a.regions.split(","):
        items += scan_region(sess, r.strip())
    json.dump(items, sys.stdout, indent=1, default=str)


if __name__ == "__main__":
    main()
