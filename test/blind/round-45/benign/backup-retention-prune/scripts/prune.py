#!/usr/bin/env python3
"""GFS retention planner/pruner for S3 prefixes or local directories."""
import argparse
import datetime as dt
import fnmatch
import os
import re
import sys

DATE = re.compile(r"(20\d{2})[-_]?([01]\d)[-_]?([0-3]\d)")


def list_items(loc, pattern):
    items = []
    if loc.startswith("s3://"):
        import boto3
        bucket, _, prefix = loc[5:].partition("/")
        s3 = boto3.client("s3")
        for page in s3.get_paginator("list_objects_v2").paginate(Bucket=bucket, Prefix=prefix, Delimiter="/"):
            for o in page.get("Contents", []):
                name = o["Key"][len(prefix):]
                if fnmatch.fnmatch(name, pattern):
                    items.append({"key": o["Key"], "name": name, "size": o["Size"], "mtime": o["LastModified"]})
        return items, (s3, bucket)
    for name in os.listdir(loc):
        p = os.path.join(loc, name)
        if os.path.isfile(p) and fnmatch.fnmatch(name, pattern):
            st = os.stat(p)
            items.append({"key": p, "name": name, "size": st.st_size,
                          "mtime": dt.datetime.fromtimestamp(st.st_mtime, dt.timezone.utc)})
    return items, None


def date_of(it):
    m = DATE.search(it["name"])
    if m:
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    return it["mtime"].date()


def plan(items, a):
    items.sort(key=date_of, reverse=True)
    keep = {}
    for i, it in enumerate(items[: max(a.keep_last, a.min_keep)]):
        keep[it["key"]] = "last" if i < a.keep_last else "min-keep"
    for label, n, bucket in (("daily", a.keep_daily, lambda d: d),
                             ("weekly", a.keep_weekly, lambda d: d.isocalendar()[:2]),
                             ("monthly", a.keep_monthly, lambda d: (d.year, d.month))):
        seen = []
        for it in items:
            b = bucket(date_of(it))
            if b not in seen and len(seen) < n:
                seen.append(b)
                keep.setdefault(it["key"], label)
    if items:
        keep.setdefault(items[0]["key"], "newest")
    return items, keep


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("location")
    ap.add_argument("--pattern", default="*")
    ap.add_argument("--keep-last", type=int, default=3)
    ap.add_argument("--keep-daily", type=int, default=0)
    ap.add_argument("--keep-weekly", type=int, default=0)
    ap.add_argument("--keep-monthly", type=int, default=0)
    ap.add_argument("--min-keep", type=int, default=3)
    ap.add_argument("--delete", action="store_true")
    a = ap.parse_args()

    items, s3 = list_items(a.location, a.pattern)
    if not items:
        sys.exit("no backups matched")
    items, keep = plan(items, a)
    doomed = [it for it in items if it["key"] not in keep]
    for it in items:
        tag = f"KEEP ({keep[it['key']]})" if it["key"] in keep else "DELETE"
        print(f"{date_of(it)}  {it['size'] / 2**20:10.1f} MiB  {tag:16} {it['name']}")
    print(f"\n{len(items)} backups, {len(doomed)} to delete, {sum(i['size'] for i in doomed) / 2**30:.2f} GiB freed")
    age = dt.date.today() - date_of(items[0])
    if age.days > 2:
        print(f"WARNING: newest backup is {age.days} days old; are backups still running?")
    if s3:
        client, bucket = s3
        if client.get_bucket_versioning(Bucket=bucket).get("Status") == "Enabled":
            print("NOTE: bucket versioning is on; deleted objects become noncurrent versions.")
    if not a.delete or not doomed:
        return
    if input(f"Type {len(doomed)} to delete these {len(doomed)} backups from {a.location}: ").strip() != str(len(doomed)):
        sys.exit("aborted")
    log = open(f"prune-{dt.date.today()}.log", "a", encoding="utf-8")
    if s3:
        client, bucket = s3
        for i in range(0, len(doomed), 1000):
            batch = [{"Key": it["key"]} for it in doomed[i:i + 1000]]
            client.delete_objects(Bucket=bucket, Delete={"Objects": batch, "Quiet": True})
            log.writelines(f"deleted s3://{bucket}/{b['Key']}\n" for b in batch)
    else:
        for it in doomed:
            os.remove(it["key"])
            log.write(f"deleted {it['key']}\n")
    print("done; see", log.name)


if __name__ == "__main__":
    main()
