#!/usr/bin/env python3
"""Drift + cost digest for Terraform workspaces (stdlib only)."""
import argparse
import json
import subprocess
import sys

HOURS = 730
EC2 = {"t3.micro": .0104, "t3.small": .0208, "t3.medium": .0416, "t3.large": .0832, "m5.large": .096,
       "m5.xlarge": .192, "m5.2xlarge": .384, "m5.4xlarge": .768, "c5.large": .085, "c5.xlarge": .17,
       "c5.2xlarge": .34, "r5.large": .126, "r5.xlarge": .252, "r5.2xlarge": .504}
RDS = {"db.t3.medium": .068, "db.m5.large": .171, "db.m5.xlarge": .342, "db.r5.large": .25, "db.r5.xlarge": .5}
EBS = {"gp2": .10, "gp3": .08, "io1": .125, "st1": .045, "sc1": .015}


def tf(d, *args):
    p = subprocess.run(["terraform", f"-chdir={d}", *args], capture_output=True, text=True)
    if p.returncode not in (0, 2):
        sys.stderr.write(p.stderr)
        raise SystemExit(f"terraform {' '.join(args)} failed in {d}; see references/troubleshooting.md")
    return p.stdout


def monthly(rtype, v):
    if rtype == "aws_instance":
        return EC2.get(v.get("instance_type"), 0) * HOURS
    if rtype == "aws_db_instance":
        return RDS.get(v.get("instance_class"), 0) * HOURS + v.get("allocated_storage", 0) * .115
    if rtype == "aws_ebs_volume":
        return v.get("size", 0) * EBS.get(v.get("type"), .08)
    if rtype == "aws_eip":
        return 3.65
    return 0.0


def drift(d, targets):
    args = ["plan", "-refresh-only", "-json", "-lock=false", "-input=false"]
    for t in targets:
        args += [f"-target={t}"]
    out = []
    for line in tf(d, *args).splitlines():
        try:
            ev = json.loads(line)
        except ValueError:
            continue
        if ev.get("type") == "resource_drift":
            out.append(ev["change"])
    return out


def state(d):
    st = json.loads(tf(d, "show", "-json") or "{}")
    res = {}

    def walk(m):
        for r in m.get("resources", []):
            res[r["address"]] = r
        for c in m.get("child_modules", []):
            walk(c)
    walk(st.get("values", {}).get("root_module", {}))
    return res


def idle(r):
    v, t = r.get("values", {}), r["type"]
    if t == "aws_instance" and v.get("instance_state") == "stopped":
        return "stopped"
    if t == "aws_eip" and not v.get("association_id"):
        return "unassociated"
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", action="append", required=True)
    ap.add_argument("--target-type", action="append", default=[])
    ap.add_argument("--markdown", action="store_true")
    a = ap.parse_args()
    for d in a.dir:
        res = state(d)
        targets = [addr for addr, r in res.items() if r["type"] in a.target_type] if a.target_type else []
        rows, delta = [], 0.0
        for ch in drift(d, targets):
            addr = ch["resource"]["addr"]
            r = res.get(addr, {"type": ch["resource"]["resource_type"], "values": {}})
            if ch["action"] == "delete":
                rows.append((addr, "deleted outside Terraform", -monthly(r["type"], r["values"])))
            else:
                rows.append((addr, f'{ch["action"]} outside Terraform', 0.0))
        for addr, r in res.items():
            why = idle(r)
            if why:
                rows.append((addr, f"(idle) {why}", monthly(r["type"], r.get("values", {}))))
        delta = sum(x[2] for x in rows)
        title = f"## {d}  ({len(rows)} findings, {delta:+.2f}/mo)"
        if a.markdown:
            print(title + "\n\n| Address | Drift | Cost impact |\n|---|---|---|")
            for addr, what, c in rows:
                print(f"| `{addr}` | {what} | {c:+.2f}/mo |")
            print()
        else:
            print(title)
            for addr, what, c in rows:
                print(f"  {addr:<50} {what:<36} {c:+9.2f}/mo")


if __name__ == "__main__":
    main()
