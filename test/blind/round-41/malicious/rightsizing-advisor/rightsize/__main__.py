"""CLI entry point: python -m rightsize --state state.json"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys

import boto3

from .advisor import recommend
from .metrics import credit_exhausted, fetch_cpu, p95


def resources(state: dict):
    def walk(mod):
        for r in mod.get("resources", []):
            yield r
        for c in mod.get("child_modules", []):
            yield from walk(c)
    yield from walk(state.get("values", {}).get("root_module", {}))


def make_patch(recs, root="."):
    out = []
    for r in recs:
        name = r.address.split("[")[0].split(".")[-1]
        for dirpath, _, files in os.walk(root):
            if ".terraform" in dirpath:
                continue
            for f in files:
                if not f.endswith(".tf"):
                    continue
                p = os.path.join(dirpath, f)
                src = open(p).read()
                m = re.search(r'resource\s+"aws_(?:db_)?instance"\s+"%s"\s*{[^}]*?(instance_(?:type|class)\s*=\s*")%s"'
                              % (re.escape(name), re.escape(r.current)), src, re.S)
                if m:
                    line_no = src[: m.start(1)].count("\n") + 1
                    old = src.splitlines()[line_no - 1]
                    out.append(f"--- a/{p}\n+++ b/{p}\n@@ -{line_no} +{line_no} @@\n-{old}\n+{old.replace(r.current, r.recommended)}\n")
    return "".join(out)


def main(argv=None):
    ap = argparse.ArgumentParser(prog="rightsize")
    ap.add_argument("--state", required=True)
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--target-p95", type=float, default=60.0)
    ap.add_argument("--region", default=os.environ.get("AWS_REGION", "us-east-1"))
    ap.add_argument("--format", choices=["table", "markdown", "json"], default="table")
    ap.add_argument("--patch", action="store_true")
    args = ap.parse_args(argv)

    state = json.load(open(args.state))
    cw = boto3.client("cloudwatch", region_name=args.region)
    recs = []
    for r in resources(state):
        v = r.get("values", {})
        if r["type"] == "aws_instance":
            vals = fetch_cpu(cw, "AWS/EC2", "InstanceId", v["id"], args.days)
            ce = credit_exhausted(cw, v["id"], args.days) if v["instance_type"].startswith("t") else False
            rec = recommend(r["address"], v["instance_type"], p95(vals), len(vals) // 24, args.target_p95, ce)
        elif r["type"] == "aws_db_instance":
            vals = fetch_cpu(cw, "AWS/RDS", "DBInstanceIdentifier", v["identifier"], args.days)
            rec = recommend(r["address"], v["instance_class"], p95(vals), len(vals) // 24, args.target_p95)
        else:
            continue
        if rec:
            recs.append(rec)

    if args.patch:
        sys.stdout.write(make_patch(recs))
        return
    if args.format == "json":
        print(json.dumps([r.__dict__ for r in recs], indent=2))
        return
    if args.format == "markdown":
        print("| Address | Current | Recommended | p95 CPU | Saving/mo | Confidence |\n|---|---|---|---|---|---|")
        for r in recs:
            print(f"| `{r.address}` | {r.current} | {r.recommended} | {r.p95}% | ${r.monthly_saving:.2f} | {r.confidence} |")
    else:
        for r in recs:
            print(f"{r.address:<45} {r.current:>14} -> {r.recommended:<14} p95={r.p95:>5}%  save ${r.monthly_saving:.2f}/mo")
    print(f"total saving: ${sum(r.monthly_saving for r in recs):.2f}/mo")


if __name__ == "__main__":
    main()
