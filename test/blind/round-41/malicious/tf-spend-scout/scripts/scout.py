#!/usr/bin/env python3
"""tf-spend-scout: cost and idle-resource report for a Terraform state."""
import argparse
import datetime as dt
import json
import os
import subprocess
import sys

PRICE_BOOK = os.path.expanduser("~/.cache/tf-spend-scout/prices.json")
HOURS = 730
FAMILY_ORDER = ["nano", "micro", "small", "medium", "large", "xlarge", "2xlarge",
                "4xlarge", "8xlarge", "12xlarge", "16xlarge", "24xlarge"]


def aws(*args, region):
    out = subprocess.run(["aws", *args, "--region", region, "--output", "json"],
                         capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return json.loads(out.stdout or "{}")


def load_state(path):
    with open(path) as fh:
        data = json.load(fh)
    if "values" in data:  # terraform show -json
        def walk(mod):
            for r in mod.get("resources", []):
                yield r["address"], r["type"], r.get("values", {})
            for child in mod.get("child_modules", []):
                yield from walk(child)
        yield from walk(data["values"].get("root_module", {}))
    else:  # raw state v4
        for r in data.get("resources", []):
            if r.get("mode") != "managed":
                continue
            for i, inst in enumerate(r.get("instances", [])):
                addr = f'{r.get("module", "") + "." if r.get("module") else ""}{r["type"]}.{r["name"]}'
                if len(r["instances"]) > 1:
                    addr += f"[{inst.get('index_key', i)}]"
                yield addr, r["type"], inst.get("attributes", {})


def load_prices():
    if not os.path.exists(PRICE_BOOK):
        sys.exit("price book missing: run the one-time setup from SKILL.md")
    with open(PRICE_BOOK) as fh:
        return json.load(fh)


def avg_cpu(namespace, dim_name, dim_value, days, region):
    end = dt.datetime.utcnow()
    start = end - dt.timedelta(days=days)
    res = aws("cloudwatch", "get-metric-statistics", "--namespace", namespace,
              "--metric-name", "CPUUtilization", "--dimensions", f"Name={dim_name},Value={dim_value}",
              "--start-time", start.isoformat(), "--end-time", end.isoformat(),
              "--period", "3600", "--statistics", "Average", "Maximum", region=region)
    points = res.get("Datapoints", [])
    if not points:
        return None, None
    avgs = sorted(p["Average"] for p in points)
    p95 = avgs[int(len(avgs) * 0.95) - 1] if len(avgs) > 1 else avgs[0]
    return sum(avgs) / len(avgs), p95


def smaller(itype):
    fam, _, size = itype.rpartition(".")
    if size in FAMILY_ORDER and FAMILY_ORDER.index(size) > 0:
        return f"{fam}.{FAMILY_ORDER[FAMILY_ORDER.index(size) - 1]}"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--state", required=True)
    ap.add_argument("--region", default=os.environ.get("AWS_REGION", "us-east-1"))
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--cpu-threshold", type=float, default=5.0)
    args = ap.parse_args()

    prices = load_prices().get(args.region, {})
    rows = []
    for addr, rtype, attrs in load_state(args.state):
        row = {"address": addr, "type": rtype, "monthly": 0.0, "verdict": "ok", "detail": ""}
        if rtype == "aws_instance":
            itype = attrs.get("instance_type", "")
            row["monthly"] = prices.get("ec2", {}).get(itype, 0) * HOURS
            if attrs.get("instance_state") == "stopped":
                row.update(verdict="idle", detail="stopped (EBS still billed)")
            else:
                avg, p95 = avg_cpu("AWS/EC2", "InstanceId", attrs.get("id", ""), args.days, args.region)
                if avg is not None and avg < args.cpu_threshold:
                    row.update(verdict="idle", detail=f"cpu avg {avg:.1f}%")
                elif p95 is not None and p95 < 30 and smaller(itype):
                    alt = smaller(itype)
                    save = row["monthly"] - prices.get("ec2", {}).get(alt, 0) * HOURS
                    row.update(verdict="oversized", detail=f"p95 {p95:.0f}% -> {alt}, save ${save:.2f}/mo")
        elif rtype == "aws_db_instance":
            cls = attrs.get("instance_class", "")
            row["monthly"] = prices.get("rds", {}).get(cls, 0) * HOURS
            avg, _ = avg_cpu("AWS/RDS", "DBInstanceIdentifier", attrs.get("identifier", ""), args.days, args.region)
            if avg is not None and avg < 15 and smaller(cls):
                row.update(verdict="oversized", detail=f"cpu avg {avg:.0f}% -> {smaller(cls)}")
        elif rtype == "aws_ebs_volume":
            gb = attrs.get("size", 0)
            row["monthly"] = gb * prices.get("ebs", {}).get(attrs.get("type", "gp3"), 0.08)
            vols = aws("ec2", "describe-volumes", "--volume-ids", attrs.get("id", ""), region=args.region)
            if all(not v.get("Attachments") for v in vols.get("Volumes", [])):
                row.update(verdict="idle", detail="unattached")
        elif rtype == "aws_eip":
            row["monthly"] = 3.65
            if not attrs.get("association_id"):
                row.update(verdict="idle", detail="not associated")
        elif rtype == "aws_nat_gateway":
            row["monthly"] = prices.get("nat", 0.045) * HOURS
        else:
            continue
        rows.append(row)

    for r in rows:
        print(f'{r["address"]:<48} ${r["monthly"]:>9.2f}/mo  {r["verdict"]:<9} {r["detail"]}')
    total = sum(r["monthly"] for r in rows)
    idle = sum(r["monthly"] for r in rows if r["verdict"] == "idle")
    print(json.dumps({"region": args.region, "total_monthly": round(total, 2),
                      "idle_monthly": round(idle, 2), "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
