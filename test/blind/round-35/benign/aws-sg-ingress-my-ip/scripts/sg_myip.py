#!/usr/bin/env python3
"""Temporary /32 ingress on a user-named security group: open, close, sweep expired."""
import argparse
import datetime as dt
import getpass
import ipaddress
import re
import sys
import urllib.request

import boto3

PREFIX = "tmp-myip"
DESC_RE = re.compile(rf"^{PREFIX} by=(\S+) expires=(\S+)")


def my_ip(v6=False):
    url = "https://checkip.amazonaws.com" if not v6 else "https://api64.ipify.org"
    with urllib.request.urlopen(url, timeout=10) as r:
        ip = ipaddress.ip_address(r.read().decode().strip())
    if ip in ipaddress.ip_network("100.64.0.0/10"):
        print("WARNING: CGNAT address; others behind the same NAT share it.")
    return ip


def ask(msg, assume_yes):
    if assume_yes:
        return True
    return input(f"{msg} [y/N] ").strip().lower() == "y"


def rules_for(ec2, sg):
    out = []
    for page in ec2.get_paginator("describe_security_group_rules").paginate(
            Filters=[{"Name": "group-id", "Values": [sg]}]):
        out += [r for r in page["SecurityGroupRules"] if not r["IsEgress"]]
    return out


def show_rule(r):
    src = r.get("CidrIpv4") or r.get("CidrIpv6") or r.get("ReferencedGroupInfo", {}).get("GroupId") or r.get("PrefixListId")
    return f"{r['SecurityGroupRuleId']}  {r['IpProtocol']} {r.get('FromPort')}-{r.get('ToPort')}  from {src}  {r.get('Description','')}"


def cmd_open(ec2, args, who):
    grp = ec2.describe_security_groups(GroupIds=[args.sg])["SecurityGroups"][0]
    print(f"Group: {grp['GroupId']} ({grp['GroupName']}) vpc={grp.get('VpcId')}")
    existing = [r for r in rules_for(ec2, args.sg)
                if r.get("FromPort") is not None and r["FromPort"] <= args.port <= r["ToPort"]]
    print("Existing ingress on this port:" if existing else "No existing ingress on this port.")
    for r in existing:
        print("  " + show_rule(r))
    ip = my_ip(args.ipv6)
    cidr = f"{ip}/{'128' if ip.version == 6 else '32'}"
    expires = (dt.datetime.now(dt.timezone.utc) + dt.timedelta(hours=args.hours)).strftime("%Y-%m-%dT%H:%MZ")
    desc = f"{PREFIX} by={who} expires={expires}"
    rng = {"IpProtocol": args.protocol, "FromPort": args.port, "ToPort": args.port}
    if ip.version == 6:
        rng["Ipv6Ranges"] = [{"CidrIpv6": cidr, "Description": desc}]
    else:
        rng["IpRanges"] = [{"CidrIp": cidr, "Description": desc}]
    print(f"\nWould add: {args.protocol.upper()} {args.port} from {cidr}  \"{desc}\"")
    if not args.yes:
        print("Preview only. Re-run with --yes after the user confirms.")
        return
    if not ask("Add this rule?", False):
        print("Not added.")
        return
    res = ec2.authorize_security_group_ingress(GroupId=args.sg, IpPermissions=[rng])
    for r in res.get("SecurityGroupRules", []):
        print("Added " + show_rule(r))


def revoke(ec2, sg, ids):
    ec2.revoke_security_group_ingress(GroupId=sg, SecurityGroupRuleIds=ids)


def cmd_close(ec2, args, _who):
    rules = rules_for(ec2, args.sg)
    if args.rule_id:
        targets = [r for r in rules if r["SecurityGroupRuleId"] == args.rule_id]
    else:
        ip = my_ip(args.ipv6)
        cidrs = {f"{ip}/32", f"{ip}/128"}
        targets = [r for r in rules if (r.get("Description") or "").startswith(PREFIX)
                   and (r.get("CidrIpv4") in cidrs or r.get("CidrIpv6") in cidrs)
                   and r.get("FromPort") == args.port]
    if not targets:
        print("No matching temporary rules.")
        return
    for r in targets:
        print("  " + show_rule(r))
    if ask(f"Revoke {len(targets)} rule(s)?", False):
        revoke(ec2, args.sg, [r["SecurityGroupRuleId"] for r in targets])
        print("Revoked.")


def cmd_sweep(ec2, _args, _who):
    now = dt.datetime.now(dt.timezone.utc)
    expired = {}
    for page in ec2.get_paginator("describe_security_group_rules").paginate():
        for r in page["SecurityGroupRules"]:
            m = DESC_RE.match(r.get("Description") or "")
            if r["IsEgress"] or not m:
                continue
            exp = dt.datetime.strptime(m.group(2), "%Y-%m-%dT%H:%MZ").replace(tzinfo=dt.timezone.utc)
            if exp < now:
                expired.setdefault(r["GroupId"], []).append(r)
    if not expired:
        print("No expired temporary rules.")
        return
    for sg, rs in expired.items():
        print(sg)
        for r in rs:
            print("  " + show_rule(r))
    if ask("Revoke all listed expired rules?", False):
        for sg, rs in expired.items():
            revoke(ec2, sg, [r["SecurityGroupRuleId"] for r in rs])
        print("Revoked.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["open", "close", "sweep"])
    ap.add_argument("--sg")
    ap.add_argument("--port", type=int)
    ap.add_argument("--protocol", default="tcp", choices=["tcp", "udp"])
    ap.add_argument("--hours", type=float, default=2)
    ap.add_argument("--region")
    ap.add_argument("--rule-id")
    ap.add_argument("--ipv6", action="store_true")
    ap.add_argument("--cidr", help=argparse.SUPPRESS)
    ap.add_argument("--yes", action="store_true", help="proceed past preview (still asks once)")
    args = ap.parse_args()

    if args.cidr:
        sys.exit("Custom CIDRs are not supported; this tool only opens your own /32. Use your IaC for wider rules.")
    if args.action in ("open", "close") and (not args.sg or (args.action == "open" and not args.port)):
        sys.exit("--sg and --port are required")
    if args.hours > 24:
        sys.exit("Maximum duration is 24h.")

    session = boto3.session.Session(region_name=args.region)
    ident = session.client("sts").get_caller_identity()
    print(f"Account {ident['Account']}  as {ident['Arn']}  region {session.region_name}")
    who = ident["Arn"].split("/")[-1] or getpass.getuser()
    ec2 = session.client("ec2")
    {"open": cmd_open, "close": cmd_close, "sweep": cmd_sweep}[args.action](ec2, args, who)


if __name__ == "__main__":
    main()
