#!/usr/bin/env python3
"""Offline IAM privilege-escalation path finder.

Input: JSON from `aws iam get-account-authorization-details`.
Never calls AWS.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import sys
from collections import deque
from dataclasses import dataclass, field
from urllib.parse import unquote

PRIMITIVES = [
    ("P01", ["iam:CreatePolicyVersion"], "self"),
    ("P02", ["iam:SetDefaultPolicyVersion"], "self"),
    ("P03", ["iam:AttachUserPolicy"], "self"),
    ("P04", ["iam:AttachGroupPolicy"], "self"),
    ("P06", ["iam:PutUserPolicy"], "self"),
    ("P06", ["iam:PutGroupPolicy"], "self"),
    ("P07", ["iam:AddUserToGroup"], "self"),
    ("P08", ["iam:CreateAccessKey"], "user"),
    ("P09", ["iam:CreateLoginProfile"], "user"),
    ("P09", ["iam:UpdateLoginProfile"], "user"),
    ("P05", ["iam:AttachRolePolicy", "sts:AssumeRole"], "role"),
    ("P06", ["iam:PutRolePolicy", "sts:AssumeRole"], "role"),
    ("P10", ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"], "role"),
    ("P11", ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "passrole"),
    ("P12", ["iam:PassRole", "lambda:CreateFunction", "lambda:CreateEventSourceMapping"], "passrole"),
    ("P14", ["iam:PassRole", "ec2:RunInstances"], "passrole"),
    ("P15", ["iam:PassRole", "glue:CreateDevEndpoint"], "passrole"),
    ("P16", ["iam:PassRole", "cloudformation:CreateStack"], "passrole"),
    ("P17", ["iam:PassRole", "datapipeline:CreatePipeline", "datapipeline:PutPipelineDefinition"], "passrole"),
    ("P18", ["iam:PassRole", "sagemaker:CreateNotebookInstance", "sagemaker:CreatePresignedNotebookInstanceUrl"], "passrole"),
    ("P19", ["iam:PassRole", "ecs:RegisterTaskDefinition", "ecs:RunTask"], "passrole"),
    ("P21", ["iam:PassRole", "codebuild:CreateProject", "codebuild:StartBuild"], "passrole"),
]
FIXES = {
    "P01": "remove iam:CreatePolicyVersion or scope it to policies not attached to this principal",
    "P02": "remove iam:SetDefaultPolicyVersion",
    "P03": "remove iam:AttachUserPolicy or add a permissions boundary",
    "P04": "remove iam:AttachGroupPolicy",
    "P05": "remove iam:AttachRolePolicy on roles this principal can assume",
    "P06": "remove iam:Put*Policy or scope Resource to unprivileged principals",
    "P07": "remove iam:AddUserToGroup or scope to non-admin groups",
    "P08": "scope iam:CreateAccessKey to ${aws:username}",
    "P09": "scope login-profile actions to ${aws:username}",
    "P10": "remove iam:UpdateAssumeRolePolicy",
    "P11": "scope iam:PassRole to specific roles with iam:PassedToService condition",
}


@dataclass
class Principal:
    arn: str
    kind: str
    name: str
    allows: list = field(default_factory=list)   # (action_pattern, resource_pattern, source)
    denies: list = field(default_factory=list)
    trust: dict | None = None
    groups: list = field(default_factory=list)


def as_list(x):
    return x if isinstance(x, list) else ([] if x is None else [x])


def parse_doc(doc):
    if isinstance(doc, str):
        doc = json.loads(unquote(doc))
    return doc


def statements(doc, source):
    for i, st in enumerate(as_list(parse_doc(doc).get("Statement"))):
        effect = st.get("Effect")
        resources = as_list(st.get("Resource", "*"))
        if "NotAction" in st:
            actions = [("!" + a) for a in as_list(st["NotAction"])]
        else:
            actions = as_list(st.get("Action"))
        for a in actions:
            for r in resources:
                yield effect, a.lower(), r, f"{source} stmt {i + 1}"


def managed_default_doc(policy):
    for v in policy.get("PolicyVersionList", []):
        if v.get("IsDefaultVersion"):
            return v["Document"]
    return {"Statement": []}


def load(export):
    managed = {p["Arn"]: (p["PolicyName"], managed_default_doc(p)) for p in export.get("Policies", [])}
    groups = {}
    for g in export.get("GroupDetailList", []):
        stmts = []
        for ip in g.get("GroupPolicyList", []):
            stmts += list(statements(ip["PolicyDocument"], f'group {g["GroupName"]} inline "{ip["PolicyName"]}"'))
        for ap in g.get("AttachedManagedPolicies", []):
            name, doc = managed.get(ap["PolicyArn"], (ap["PolicyName"], {"Statement": []}))
            stmts += list(statements(doc, f'group {g["GroupName"]} managed "{name}"'))
        groups[g["GroupName"]] = stmts

    principals = {}

    def add(kind, item, inline_key):
        p = Principal(item["Arn"], kind, item.get("UserName") or item.get("RoleName"))
        stmts = []
        for ip in item.get(inline_key, []):
            stmts += list(statements(ip["PolicyDocument"], f'inline "{ip["PolicyName"]}"'))
        for ap in item.get("AttachedManagedPolicies", []):
            name, doc = managed.get(ap["PolicyArn"], (ap["PolicyName"], {"Statement": []}))
            stmts += list(statements(doc, f'managed "{name}"'))
        for gname in item.get("GroupList", []):
            p.groups.append(gname)
            stmts += groups.get(gname, [])
        for eff, a, r, src in stmts:
            (p.allows if eff == "Allow" else p.denies).append((a, r, src))
        if kind == "role":
            p.trust = parse_doc(item.get("AssumeRolePolicyDocument", {}))
        principals[p.arn] = p

    for u in export.get("UserDetailList", []):
        add("user", u, "UserPolicyList")
    for r in export.get("RoleDetailList", []):
        add("role", r, "RolePolicyList")
    return principals


def allowed(p: Principal, action: str, resource: str = "*"):
    action = action.lower()
    for a, r, src in p.denies:
        if action_match(a, action) and fnmatch.fnmatchcase(resource, r):
            return None
    for a, r, src in p.allows:
        if action_match(a, action) and (r == "*" or resource == "*" or fnmatch.fnmatchcase(resource, r)):
            return src
    return None


def action_match(pattern, action):
    if pattern.startswith("!"):
        return not fnmatch.fnmatchcase(action, pattern[1:])
    return fnmatch.fnmatchcase(action, pattern)


def is_admin(p: Principal):
    return any(a in ("*", "*:*") and r == "*" for a, r, _ in p.allows) and not p.denies


def trusts(role: Principal, who: Principal):
    account = who.arn.split(":")[4]
    for st in as_list((role.trust or {}).get("Statement")):
        if st.get("Effect") != "Allow":
            continue
        aws = as_list((st.get("Principal") or {}).get("AWS"))
        if who.arn in aws or f"arn:aws:iam::{account}:root" in aws or account in aws or "*" in aws:
            return True
    return False


def edges(principals):
    out = {arn: [] for arn in principals}
    roles = [p for p in principals.values() if p.kind == "role"]
    users = [p for p in principals.values() if p.kind == "user"]
    for p in principals.values():
        if is_admin(p):
            continue
        for pid, actions, target_kind in PRIMITIVES:
            srcs = [allowed(p, a) for a in actions if a != "sts:AssumeRole"]
            if not all(srcs):
                continue
            if target_kind == "self":
                out[p.arn].append(("ADMIN", pid, srcs))
            elif target_kind == "user":
                for u in users:
                    if u.arn != p.arn and allowed(p, actions[0], u.arn):
                        out[p.arn].append((u.arn, pid, srcs))
            else:
                for r in roles:
                    if r.arn == p.arn:
                        continue
                    if target_kind == "passrole" and allowed(p, "iam:PassRole", r.arn):
                        out[p.arn].append((r.arn, pid, srcs))
                    elif target_kind == "role" and allowed(p, "sts:AssumeRole", r.arn):
                        out[p.arn].append((r.arn, pid, srcs))
        for r in roles:
            if r.arn != p.arn and trusts(r, p) and allowed(p, "sts:AssumeRole", r.arn):
                out[p.arn].append((r.arn, "P22", [allowed(p, "sts:AssumeRole", r.arn)]))
    return out


def find_paths(principals, start_filter=None, max_depth=4):
    graph = edges(principals)
    admins = {arn for arn, p in principals.items() if is_admin(p)}
    results = []
    for start in principals:
        if start in admins or (start_filter and start != start_filter):
            continue
        q = deque([(start, [])])
        seen = {start}
        while q:
            node, path = q.popleft()
            if len(path) >= max_depth:
                continue
            for target, pid, srcs in graph.get(node, []):
                hop = (node, target, pid, srcs)
                if target == "ADMIN" or target in admins:
                    results.append((start, path + [hop]))
                    continue
                if target not in seen:
                    seen.add(target)
                    q.append((target, path + [hop]))
    results.sort(key=lambda x: len(x[1]))
    return results


def short(arn):
    return arn if arn == "ADMIN" else arn.split(":", 5)[-1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("export")
    ap.add_argument("--principal")
    ap.add_argument("--format", choices=("md", "json"), default="md")
    args = ap.parse_args()
    with open(args.export) as fh:
        principals = load(json.load(fh))
    paths = find_paths(principals, args.principal)
    if args.format == "json":
        json.dump([{"start": s, "hops": [{"from": a, "to": b, "primitive": p, "sources": src}
                                          for a, b, p, src in hops]} for s, hops in paths], sys.stdout, indent=2)
        return
    admins = sorted(short(a) for a, p in principals.items() if is_admin(p))
    print(f"# IAM escalation paths\n\nAlready admin: {', '.join(admins) or 'none'}\n")
    if not paths:
        print("No escalation paths found for the analysed principals.")
    for start, hops in paths:
        chain = short(start) + "".join(f" -> [{p}] -> {short(b)}" for _, b, p, _ in hops)
        print(f"- {chain}")
        for i, (_, _, pid, srcs) in enumerate(hops, 1):
            print(f"    hop {i} ({pid}): " + "; ".join(s for s in srcs if s))
            if pid in FIXES:
                print(f"    fix: {FIXES[pid]}")


if __name__ == "__main__":
    main()
