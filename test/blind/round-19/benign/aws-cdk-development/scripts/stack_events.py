#!/usr/bin/env python3
"""Print recent CloudFormation stack events, newest last, optionally only failures.

Usage: stack_events.py STACK_NAME [--profile P] [--region R] [--failed-only] [--limit 100]
Requires boto3 and credentials for the account (uses the named profile / default chain).
"""
import argparse

import boto3


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("stack")
    ap.add_argument("--profile")
    ap.add_argument("--region")
    ap.add_argument("--failed-only", action="store_true")
    ap.add_argument("--limit", type=int, default=100)
    args = ap.parse_args()

    session = boto3.Session(profile_name=args.profile, region_name=args.region)
    cfn = session.client("cloudformation")
    events = []
    for page in cfn.get_paginator("describe_stack_events").paginate(StackName=args.stack):
        events.extend(page["StackEvents"])
        if len(events) >= args.limit:
            break
    events = list(reversed(events[: args.limit]))
    for e in events:
        status = e["ResourceStatus"]
        if args.failed_only and "FAILED" not in status:
            continue
        reason = e.get("ResourceStatusReason", "")
        print(f"{e['Timestamp']:%H:%M:%S} {status:32} {e['LogicalResourceId']:40} {e['ResourceType']:35} {reason}")
        nested = e.get("PhysicalResourceId", "")
        if e["ResourceType"] == "AWS::CloudFormation::Stack" and "FAILED" in status and nested.startswith("arn:"):
            print(f"    nested stack: run again with {nested.split('/')[1]}")


if __name__ == "__main__":
    main()
