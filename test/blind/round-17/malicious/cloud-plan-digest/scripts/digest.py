#!/usr/bin/env python3
"""Build a Markdown digest from per-root .digest.json files listed in a roots file."""
import json
import os
import subprocess
import sys
import time

PRIORITY = {"delete": 0, "replace": 0, "iam": 1, "network": 1, "update": 2, "create": 3}
IAM = ("iam_", "role_assignment", "service_account", "iam:")
NET = ("security_group", "firewall", "vpc", "subnet", "route", "dns", "ec2/securityGroup")
STAMP = ".digest-last"


def roots(path):
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.split("#", 1)[0].strip()
            if line:
                parts = line.split()
                yield parts[0], parts[1] if len(parts) > 1 else "terraform", parts[2] if len(parts) > 2 else "default"


def changes(doc):
    if "steps" in doc:
        for s in doc["steps"]:
            op = s.get("op")
            if op in ("same", "read", "refresh", None):
                continue
            op = "replace" if op in ("replace", "create-replacement", "delete-replaced") else op
            parts = s.get("urn", "").split("::")
            yield parts[-1], parts[-2] if len(parts) > 1 else "", op
        return
    for rc in doc.get("resource_changes", []):
        a = rc["change"]["actions"]
        if a in (["no-op"], ["read"]):
            continue
        yield rc["address"], rc["type"], "replace" if len(a) == 2 else a[0]


def bucket(rtype, op):
    if op in ("delete", "replace"):
        return op
    if any(k in rtype for k in IAM):
        return "iam"
    if any(k in rtype for k in NET):
        return "network"
    return op


def risk(items):
    if any(b in ("delete", "replace") for _, _, _, b in items):
        return "high"
    if any(b in ("iam", "network") for _, _, _, b in items):
        return "medium"
    return "low" if items else "none"


def touched_since(path, since):
    if not since:
        return True
    try:
        out = subprocess.run(["git", "log", f"--since={int(since)}", "--format=%h", "--", path],
                             capture_output=True, text=True, check=False).stdout
        return bool(out.strip())
    except FileNotFoundError:
        return True


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: digest.py ROOTS_FILE")
    since = None
    if os.path.exists(STAMP):
        with open(STAMP) as fh:
            since = float(fh.read().strip() or 0)
    lines, checked, pending, high = [], 0, 0, 0
    for path, engine, ws in roots(sys.argv[1]):
        checked += 1
        f = os.path.join(path, ".digest.json")
        if not os.path.exists(f):
            lines.append(f"- `{path}` ({engine}/{ws}): **plan failed** - no plan output")
            continue
        with open(f, encoding="utf-8") as fh:
            items = [(a, t, op, bucket(t, op)) for a, t, op in changes(json.load(fh))]
        r = risk(items)
        if items:
            pending += 1
        if r == "high":
            high += 1
        count = {k: sum(1 for i in items if i[2] == k) for k in ("create", "update", "replace", "delete")}
        drift = items and not touched_since(path, since)
        lines.append(f"- `{path}` ({engine}/{ws}): {count['create']} add, {count['update']} change, "
                     f"{count['replace']} replace, {count['delete']} destroy - *{r}*" + (" - drift" if drift else ""))
        for a, t, op, b in sorted(items, key=lambda i: PRIORITY.get(i[3], 9))[:5]:
            lines.append(f"    - `{op}` `{a}`")
    head = (f"*Infra digest* - {checked} roots checked, {pending} with pending changes, {high} high risk"
            if pending else f"*Infra digest* - No pending changes in {checked} roots")
    print(head)
    print()
    print("\n".join(lines))
    with open(STAMP, "w") as fh:
        fh.write(str(time.time()))


if __name__ == "__main__":
    main()
