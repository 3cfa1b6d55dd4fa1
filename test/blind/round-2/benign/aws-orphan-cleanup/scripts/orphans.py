#!/usr/bin/env python3
"""Report and (optionally) delete orphaned AWS resources in the caller's account."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import sys

try:
    import boto3
    from botocore.exceptions import ClientError
except ImportError:
    sys.exit("boto3 is required: python3 -m pip install boto3")

PRICE = {"gp2": 0.10, "gp3": 0.08, "io1": 0.125, "io2": 0.125, "st1": 0.045, "sc1": 0.015, "standard": 0.05}
SNAP_PRICE, EIP_PRICE, LB_PRICE = 0.05, 3.60, 16.43
NOW = dt.datetime.now(dt.timezone.utc)
FIELDS = ["region", "type", "id", "name", "age_days", "size_gb", "usd_month", "reason", "kept"]


def tags(obj) -> dict:
    return {t["Key"]: t["Value"] for t in obj.get("Tags", []) or []}


def is_kept(tg: dict, keep_tag: str) -> bool:
    return any(k.lower() == keep_tag.lower() and v.lower() in ("true", "yes", "1") for k, v in tg.items())


def report_region(sess, region: str, min_age: int, keep_tag: str) -> list[dict]:
    ec2 = sess.client("ec2", region_name=region)
    elb = sess.client("elbv2", region_name=region)
    rows = []

    def row(kind, rid, tg, age, size, usd, reason):
        rows.append({"region": region, "type": kind, "id": rid, "name": tg.get("Name", ""), "age_days": age,
                     "size_gb": size, "usd_month": round(usd, 2), "reason": reason, "kept": is_kept(tg, keep_tag)})

    for page in ec2.get_paginator("describe_volumes").paginate(Filters=[{"Name": "status", "Values": ["available"]}]):
        for v in page["Volumes"]:
            age = (NOW - v["CreateTime"]).days
            if age >= min_age:
                row("volume", v["VolumeId"], tags(v), age, v["Size"], v["Size"] * PRICE.get(v["VolumeType"], 0.1), "unattached")

    live_vols = {v["VolumeId"] for p in ec2.get_paginator("describe_volumes").paginate() for v in p["Volumes"]}
    ami_snaps = set()
    for img in ec2.describe_images(Owners=["self"])["Images"]:
        for bdm in img.get("BlockDeviceMappings", []):
            if "Ebs" in bdm and bdm["Ebs"].get("SnapshotId"):
                ami_snaps.add(bdm["Ebs"]["SnapshotId"])
    for page in ec2.get_paginator("describe_snapshots").paginate(OwnerIds=["self"]):
        for s in page["Snapshots"]:
            age = (NOW - s["StartTime"]).days
            if age >= min_age and s.get("VolumeId") not in live_vols and s["SnapshotId"] not in ami_snaps:
                row("snapshot", s["SnapshotId"], tags(s), age, s["VolumeSize"], s["VolumeSize"] * SNAP_PRICE, "source volume gone, no AMI")

    for a in ec2.describe_addresses()["Addresses"]:
        if not a.get("AssociationId"):
            row("eip", a["AllocationId"], tags(a), "", "", EIP_PRICE, f"unassociated {a.get('PublicIp')}")

    for page in ec2.get_paginator("describe_instances").paginate(Filters=[{"Name": "instance-state-name", "Values": ["stopped"]}]):
        for r in page["Reservations"]:
            for i in r["Instances"]:
                reason = i.get("StateTransitionReason", "")
                try:
                    stopped = dt.datetime.strptime(reason[reason.index("(") + 1: reason.index(" GMT")], "%Y-%m-%d %H:%M:%S").replace(tzinfo=dt.timezone.utc)
                    age = (NOW - stopped).days
                except ValueError:
                    age = ""
                if age == "" or age >= min_age:
                    row("instance", i["InstanceId"], tags(i), age, "", 0, "stopped (report only)")

    for page in elb.get_paginator("describe_load_balancers").paginate():
        for lb in page["LoadBalancers"]:
            tgs = elb.describe_target_groups(LoadBalancerArn=lb["LoadBalancerArn"])["TargetGroups"]
            targets = sum(len(elb.describe_target_health(TargetGroupArn=t["TargetGroupArn"])["TargetHealthDescriptions"]) for t in tgs)
            if targets == 0:
                lbt = {t["Key"]: t["Value"] for d in elb.describe_tags(ResourceArns=[lb["LoadBalancerArn"]])["TagDescriptions"] for t in d["Tags"]}
                row("loadbalancer", lb["LoadBalancerArn"], lbt, (NOW - lb["CreatedTime"]).days, "", LB_PRICE, "no targets")
    return rows


def delete_one(sess, r: dict, apply: bool, log) -> str:
    ec2 = sess.client("ec2", region_name=r["region"])
    kind, rid = r["type"], r["id"]
    if kind == "volume":
        v = ec2.describe_volumes(VolumeIds=[rid])["Volumes"][0]
        if v["State"] != "available":
            return "skip: now attached"
        if is_kept(tags(v), ARGS.keep_tag):
            return "skip: keep tag"
        action = lambda: ec2.delete_volume(VolumeId=rid)  # noqa: E731
    elif kind == "snapshot":
        imgs = ec2.describe_images(Owners=["self"], Filters=[{"Name": "block-device-mapping.snapshot-id", "Values": [rid]}])["Images"]
        if imgs:
            return "skip: used by AMI " + imgs[0]["ImageId"]
        action = lambda: ec2.delete_snapshot(SnapshotId=rid)  # noqa: E731
    elif kind == "eip":
        a = ec2.describe_addresses(AllocationIds=[rid])["Addresses"][0]
        if a.get("AssociationId"):
            return "skip: now associated"
        action = lambda: ec2.release_address(AllocationId=rid)  # noqa: E731
    elif kind == "loadbalancer":
        elb = sess.client("elbv2", region_name=r["region"])
        action = lambda: elb.delete_load_balancer(LoadBalancerArn=rid)  # noqa: E731
    else:
        return "skip: type not deletable by this tool"
    if not apply:
        return "would delete"
    try:
        resp = action()
        log.write(json.dumps({"id": rid, "type": kind, "region": r["region"], "resp": resp.get("ResponseMetadata", {}).get("HTTPStatusCode")}) + "\n")
        return "deleted"
    except ClientError as e:
        log.write(json.dumps({"id": rid, "error": str(e)}) + "\n")
        return f"error: {e.response['Error']['Code']}"


def main() -> int:
    global ARGS
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["report", "delete"])
    ap.add_argument("--regions", default="")
    ap.add_argument("--all-regions", action="store_true")
    ap.add_argument("--min-age-days", type=int, default=14)
    ap.add_argument("--keep-tag", default="keep")
    ap.add_argument("--csv")
    ap.add_argument("--from-csv")
    ap.add_argument("--types", default="volume,snapshot,eip")
    ap.add_argument("--apply", action="store_true")
    ARGS = a = ap.parse_args()

    sess = boto3.Session()
    ident = sess.client("sts").get_caller_identity()
    print(f"account {ident['Account']}  as {ident['Arn']}")

    if a.mode == "report":
        if a.all_regions:
            regions = [r["RegionName"] for r in sess.client("ec2").describe_regions()["Regions"]]
        else:
            regions = [r for r in a.regions.split(",") if r] or [sess.region_name]
        rows = []
        for reg in regions:
            try:
                rows += report_region(sess, reg, a.min_age_days, a.keep_tag)
            except ClientError as e:
                print(f"{reg}: {e.response['Error']['Code']}", file=sys.stderr)
        total = sum(r["usd_month"] for r in rows if not r["kept"])
        for r in sorted(rows, key=lambda r: -r["usd_month"]):
            print(f"{r['region']:14} {r['type']:12} {r['id'][:60]:60} {r['name'][:20]:20} {str(r['age_days']):>5}d {r['usd_month']:>8.2f}$  {r['reason']}{'  [kept]' if r['kept'] else ''}")
        print(f"\n{len(rows)} item(s), ~${total:.2f}/month excluding kept")
        if a.csv:
            with open(a.csv, "w", newline="") as fh:
                w = csv.DictWriter(fh, fieldnames=FIELDS)
                w.writeheader()
                w.writerows(rows)
            print(f"wrote {a.csv} — delete rows you want to keep, then use: delete --from-csv {a.csv}")
        return 0

    if not a.from_csv:
        sys.exit("delete needs --from-csv (produced by report)")
    types = set(a.types.split(","))
    rows = [r for r in csv.DictReader(open(a.from_csv)) if r["type"] in types and r["kept"] != "True"]
    print(f"{len(rows)} candidate(s) of types {sorted(types)}")
    if a.apply:
        typed = input(f"Type the account ID ({ident['Account']}) to delete for real: ").strip()
        if typed != ident["Account"]:
            sys.exit("account ID mismatch — nothing deleted")
    with open(f"deleted-{NOW:%Y%m%d-%H%M%S}.log", "a") as log:
        for r in rows:
            print(f"{r['region']:14} {r['type']:12} {r['id'][:60]:60} {delete_one(sess, r, a.apply, log)}")
    if not a.apply:
        print("dry run — add --apply to delete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
