#!/usr/bin/env python3
"""List (default) or delete manual RDS/Aurora snapshots older than a retention period."""
import argparse
import csv
import datetime as dt
import sys
from collections import defaultdict

import boto3

PRICE_PER_GIB = 0.095


def protected(tags, protect):
    t = {x["Key"].lower(): x["Value"] for x in tags}
    for k in protect:
        if k in t and t[k].lower() not in ("false", "no", "0"):
            if k == "retain-until":
                try:
                    if dt.date.fromisoformat(t[k]) < dt.date.today():
                        continue
                except ValueError:
                    pass
            return f"tag {k}={t[k]}"
    return None


def collect(rds):
    out = []
    for page in rds.get_paginator("describe_db_snapshots").paginate(SnapshotType="manual"):
        for s in page["DBSnapshots"]:
            out.append({"kind": "instance", "id": s["DBSnapshotIdentifier"], "arn": s["DBSnapshotArn"],
                        "db": s["DBInstanceIdentifier"], "created": s.get("SnapshotCreateTime"),
                        "gib": s.get("AllocatedStorage", 0), "status": s["Status"], "tags": s.get("TagList", [])})
    for page in rds.get_paginator("describe_db_cluster_snapshots").paginate(SnapshotType="manual"):
        for s in page["DBClusterSnapshots"]:
            out.append({"kind": "cluster", "id": s["DBClusterSnapshotIdentifier"], "arn": s["DBClusterSnapshotArn"],
                        "db": s["DBClusterIdentifier"], "created": s.get("SnapshotCreateTime"),
                        "gib": s.get("AllocatedStorage", 0), "status": s["Status"], "tags": s.get("TagList", [])})
    return out


def shared(rds, s):
    if s["kind"] == "instance":
        attrs = rds.describe_db_snapshot_attributes(DBSnapshotIdentifier=s["id"])["DBSnapshotAttributesResult"]["DBSnapshotAttributes"]
    else:
        attrs = rds.describe_db_cluster_snapshot_attributes(DBClusterSnapshotIdentifier=s["id"])["DBClusterSnapshotAttributesResult"]["DBClusterSnapshotAttributes"]
    for a in attrs:
        if a["AttributeName"] == "restore" and a.get("AttributeValues"):
            return ",".join(a["AttributeValues"])
    return None


def existing_dbs(rds):
    names = set()
    for p in rds.get_paginator("describe_db_instances").paginate():
        names |= {d["DBInstanceIdentifier"] for d in p["DBInstances"]}
    for p in rds.get_paginator("describe_db_clusters").paginate():
        names |= {c["DBClusterIdentifier"] for c in p["DBClusters"]}
    return names


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--profile", required=True)
    ap.add_argument("--region", required=True)
    ap.add_argument("--older-than-days", type=int, required=True)
    ap.add_argument("--keep-latest", type=int, default=2)
    ap.add_argument("--db", action="append")
    ap.add_argument("--protect-tag", action="append", default=["keep", "legal-hold", "retain-until"])
    ap.add_argument("--csv")
    ap.add_argument("--delete", action="store_true")
    a = ap.parse_args()
    if a.older_than_days < 1:
        sys.exit("retention must be at least 1 day")

    rds = boto3.Session(profile_name=a.profile, region_name=a.region).client("rds")
    acct = boto3.Session(profile_name=a.profile).client("sts").get_caller_identity()["Account"]
    cutoff = dt.datetime.now(dt.timezone.utc) - dt.timedelta(days=a.older_than_days)
    snaps = [s for s in collect(rds) if not a.db or s["db"] in a.db]
    live = existing_dbs(rds)

    by_db = defaultdict(list)
    for s in snaps:
        by_db[s["db"]].append(s)
    rows = []
    for db, lst in by_db.items():
        lst.sort(key=lambda s: s["created"] or dt.datetime.min.replace(tzinfo=dt.timezone.utc), reverse=True)
        for i, s in enumerate(lst):
            reason = None
            if i < a.keep_latest:
                reason = f"newest {a.keep_latest}"
            elif db not in live and i == 0:
                reason = "last snapshot of deleted DB"
            elif s["status"] != "available":
                reason = f"status {s['status']}"
            elif not s["created"] or s["created"] > cutoff:
                reason = "within retention"
            else:
                reason = protected(s["tags"], [t.lower() for t in a.protect_tag])
                if not reason:
                    sh = shared(rds, s)
                    reason = f"shared with {sh}" if sh else None
            age = (dt.datetime.now(dt.timezone.utc) - s["created"]).days if s["created"] else -1
            rows.append({**s, "age": age, "orphan": db not in live, "action": "DELETE" if not reason else "keep", "reason": reason or ""})

    doomed = [r for r in rows if r["action"] == "DELETE"]
    print(f"account {acct} region {a.region} cutoff {cutoff:%Y-%m-%d} keep-latest {a.keep_latest}")
    print(f"{'ACTION':7} {'KIND':8} {'SNAPSHOT':50} {'DB':28} {'AGE':>5} {'GiB':>6}  NOTE")
    for r in sorted(rows, key=lambda r: (r["db"], -r["age"])):
        note = r["reason"] + (" (orphan)" if r["orphan"] else "")
        print(f"{r['action']:7} {r['kind']:8} {r['id'][:50]:50} {r['db'][:28]:28} {r['age']:>5} {r['gib']:>6}  {note}")
    gib = sum(r["gib"] for r in doomed)
    print(f"\n{len(doomed)} to delete, {gib} GiB allocated, est. ${gib * PRICE_PER_GIB:,.2f}/month")

    if a.csv:
        with open(a.csv, "w", newline="") as fh:
            w = csv.DictWriter(fh, fieldnames=["action", "kind", "id", "arn", "db", "age", "gib", "orphan", "reason"], extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
        print(f"plan written to {a.csv}")

    if not a.delete or not doomed:
        return
    typed = input(f"Type {len(doomed)} to permanently delete these snapshots in {acct}/{a.region}: ").strip()
    if typed != str(len(doomed)):
        sys.exit("aborted; nothing deleted")
    log = open(f"pruned-{dt.date.today()}.log", "a")
    failed = []
    for r in doomed:
        try:
            if r["kind"] == "instance":
                rds.delete_db_snapshot(DBSnapshotIdentifier=r["id"])
            else:
                rds.delete_db_cluster_snapshot(DBClusterSnapshotIdentifier=r["id"])
            log.write(f"{dt.datetime.now().isoformat()} deleted {r['arn']}\n")
            print(f"deleted {r['id']}")
        except Exception as e:  # report, don't retry
            failed.append((r["id"], str(e)))
    log.close()
    for f in failed:
        print(f"FAILED {f[0]}: {f[1]}")


if __name__ == "__main__":
    main()
