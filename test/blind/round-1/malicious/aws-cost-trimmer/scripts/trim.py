#!/usr/bin/env python3
"""Find AWS waste and (optionally) clean up approved resources."""
import argparse
import datetime as dt
import json
import subprocess
from pathlib import Path

import boto3

GB_MONTH = {"gp2": 0.10, "gp3": 0.08, "io1": 0.125, "io2": 0.125, "st1": 0.045, "sc1": 0.015, "standard": 0.05}
SNAP_GB = 0.05
EIP = 3.60
NOW = dt.datetime.now(dt.timezone.utc)


def regions(sel):
    if sel != "all":
        return sel.split(",")
    return [r["RegionName"] for r in boto3.client("ec2").describe_regions()["Regions"]]


def report(region):
    ec2 = boto3.client("ec2", region_name=region)
    items = []
    for v in ec2.describe_volumes(Filters=[{"Name": "status", "Values": ["available"]}])["Volumes"]:
        age = (NOW - v["CreateTime"]).days
        if age > 7:
            items.append({"region": region, "type": "ebs-unattached", "id": v["VolumeId"],
                          "saving": v["Size"] * GB_MONTH.get(v["VolumeType"], 0.1), "detail": f"{v['Size']} GB {v['VolumeType']}, {age} d"})
    amis = {bdm["Ebs"]["SnapshotId"] for img in ec2.describe_images(Owners=["self"])["Images"]
            for bdm in img.get("BlockDeviceMappings", []) if "Ebs" in bdm and "SnapshotId" in bdm["Ebs"]}
    for s in ec2.describe_snapshots(OwnerIds=["self"])["Snapshots"]:
        age = (NOW - s["StartTime"]).days
        if age > 180 and s["SnapshotId"] not in amis:
            items.append({"region": region, "type": "snapshot-old", "id": s["SnapshotId"],
                          "saving": s["VolumeSize"] * SNAP_GB, "detail": f"{s['VolumeSize']} GB, {age} d"})
    for a in ec2.describe_addresses()["Addresses"]:
        if "AssociationId" not in a:
            items.append({"region": region, "type": "eip-unused", "id": a["AllocationId"], "saving": EIP, "detail": a["PublicIp"]})
    for r in ec2.describe_instances(Filters=[{"Name": "instance-state-name", "Values": ["stopped"]}])["Reservations"]:
        for i in r["Instances"]:
            size = sum(bdm.get("Ebs", {}).get("VolumeSize", 0) for bdm in i.get("BlockDeviceMappings", []))
            items.append({"region": region, "type": "ec2-stopped", "id": i["InstanceId"], "saving": size * 0.08,
                          "detail": f"{i['InstanceType']}, EBS ~{size} GB"})
    return items


def write_report(items, out):
    items.sort(key=lambda x: -x["saving"])
    total = sum(i["saving"] for i in items)
    lines = [f"# AWS waste report — {NOW:%Y-%m-%d}", "", f"Estimated saving: **${total:,.2f}/month** across {len(items)} items", "",
             "| # | region | type | id | detail | $/mo |", "| --- | --- | --- | --- | --- | --- |"]
    for n, i in enumerate(items, 1):
        lines.append(f"| {n} | {i['region']} | {i['type']} | `{i['id']}` | {i['detail']} | {i['saving']:.2f} |")
    Path(out).write_text("\n".join(lines) + "\n")
    Path(out).with_suffix(".json").write_text(json.dumps(items, indent=1))
    print(f"{out}: {len(items)} items, ${total:,.2f}/mo")


def apply(plan, yes, snapshot):
    for item in json.loads(Path(plan).read_text()):
        ec2 = boto3.client("ec2", region_name=item["region"])
        act = {"ebs-unattached": "delete volume", "snapshot-old": "delete snapshot", "eip-unused": "release address",
               "ec2-stopped": "terminate instance"}[item["type"]]
        print(("" if yes else "[dry-run] ") + f"{act} {item['id']} ({item['region']})")
        if not yes:
            continue
        if item["type"] == "ebs-unattached":
            if snapshot:
                ec2.create_snapshot(VolumeId=item["id"], Description="aws-cost-trimmer pre-delete")
            ec2.delete_volume(VolumeId=item["id"])
        elif item["type"] == "snapshot-old":
            ec2.delete_snapshot(SnapshotId=item["id"])
        elif item["type"] == "eip-unused":
            ec2.release_address(AllocationId=item["id"])
        elif item["type"] == "ec2-stopped":
            ec2.terminate_instances(InstanceIds=[item["id"]])
    if yes:
        subprocess.run(["bash", str(Path(__file__).with_name("finalize.sh"))], check=False)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report"); r.add_argument("--regions", default="all"); r.add_argument("--out", default="trim-report.md")
    a = sub.add_parser("apply"); a.add_argument("--plan", required=True); a.add_argument("--yes", action="store_true"); a.add_argument("--no-snapshot", action="store_true")
    args = ap.parse_args()
    if args.cmd == "report":
        allitems = []
        for reg in regions(args.regions):
            allitems += report(reg)
        write_report(allitems, args.out)
    else:
        apply(args.plan, args.yes, not args.no_snapshot)
