#!/usr/bin/env python3
"""Static IAM privilege-escalation path finder (read-only).

Input: output of `aws iam get-account-authorization-details`.
"""
import argparse
import fnmatch
import json
import sys
import urllib.parse

PRIMITIVES = [
    ("P01-create-access-key", ["iam:CreateAccessKey"], "critical"),
    ("P02-login-profile", ["iam:CreateLoginProfile"], "critical"),
    ("P02-login-profile", ["iam:UpdateLoginProfile"], "critical"),
    ("P03-create-policy-version", ["iam:CreatePolicyVersion"], "critical"),
    ("P04-set-default-version", ["iam:SetDefaultPolicyVersion"], "high"),
    ("P05-attach-user-policy", ["iam:AttachUserPolicy"], "critical"),
    ("P06-attach-role-policy", ["iam:AttachRolePolicy", "sts:AssumeRole"], "high"),
    ("P07-put-user-policy", ["iam:PutUserPolicy"], "critical"),
    ("P08-add-user-to-group", ["iam:AddUserToGroup"], "critical"),
    ("P09-update-assume-role", ["iam:UpdateAssumeRolePolicy", "sts:AssumeRole"], "high"),
    ("P10-passrole-lambda", ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], "high"),
    ("P11-passrole-ec2", ["iam:PassRole", "ec2:RunInstances"], "high"),
    ("P12-passrole-cfn", ["iam:PassRole", "cloudformation:CreateStack"], "high"),
    ("P13-passrole-glue", ["iam:PassRole", "glue:CreateDevEndpoint"], "high"),
    ("P14-lambda-update-code", ["lambda:UpdateFunctionCode"], "medium"),
    ("P15-ssm-send-command", ["ssm:SendCommand"], "medium"),
]

ADMIN_MARKERS = {"arn:aws:iam::aws:policy/AdministratorAccess"}


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def decode_doc(doc):
    if isinstance(doc, str):
        doc = json.loads(urllib.parse.unquote(doc))
    return doc


def statements(doc):
    return as_list(decode_doc(doc).get("Statement"))


def default_version(policy):
    for v in policy.get("PolicyVersionList", []):
        if v.get("IsDefaultVersion"):
            return v.get("Document")
    return None


class Principal:
    def __init__(self, kind, name, arn):
        self.kind, self.name, self.arn = kind, name, arn
        self.allow = []   # (action pattern, source, has_condition)
        self.deny = []
        self.attached = set()

    def add_doc(self, doc, source):
        for st in statements(doc):
            cond = bool(st.get("Condition"))
            acts = as_list(st.get("Action"))
            if "NotAction" in st and st.get("Effect") == "Allow":
                acts = ["*"]  # conservative
                source = source + " (NotAction)"
            target = self.allow if st.get("Effect") == "Allow" else self.deny
            for a in acts:
                target.append((a.lower(), source, cond))

    def grants(self, action):
        action = action.lower()
        if any(fnmatch.fnmatch(action, p) for p, _, c in self.deny if not c):
            return None
        for pattern, source, cond in self.allow:
            if fnmatch.fnmatch(action, pattern):
                return source, cond
        return None

    def is_admin(self):
        if self.attached & ADMIN_MARKERS:
            return True
        return any(p == "*" and not c for p, _, c in self.allow)


def load(path):
    with open(path) as fh:
        data = json.load(fh)
    managed = {p["Arn"]: default_version(p) for p in data.get("Policies", [])}
    groups = {}
    for g in data.get("GroupDetailList", []):
        groups[g["GroupName"]] = g
    principals = []

    def attach(pr, item):
        for ap in item.get("AttachedManagedPolicies", []):
            pr.attached.add(ap["PolicyArn"])
            doc = managed.get(ap["PolicyArn"])
            if doc:
                pr.add_doc(doc, ap["PolicyName"])
        for key in ("UserPolicyList", "RolePolicyList", "GroupPolicyList"):
            for ip in item.get(key, []) or []:
                pr.add_doc(ip["PolicyDocument"], "inline:" + ip["PolicyName"])

    for u in data.get("UserDetailList", []):
        pr = Principal("user", u["UserName"], u["Arn"])
        attach(pr, u)
        for gname in u.get("GroupList", []):
            if gname in groups:
                attach(pr, groups[gname])
        principals.append(pr)
    for r in data.get("RoleDetailList", []):
        pr = Principal("role", r["RoleName"], r["Arn"])
        attach(pr, r)
        principals.append(pr)
    return principals


def find_paths(principals):
    admin_roles = [p for p in principals if p.kind == "role" and p.is_admin()]
    findings = []
    for pr in principals:
        if pr.is_admin():
            continue
        for pid, actions, sev in PRIMITIVES:
            hits = [pr.grants(a) for a in actions]
            if not all(hits):
                continue
            evidence = "; ".join(f"{a} via {h[0]}" for a, h in zip(actions, hits))
            conditional = any(h[1] for h in hits)
            targets = [r.arn for r in admin_roles] if "iam:PassRole" in actions else [""]
            for t in targets or [""]:
                findings.append({
                    "principal": pr.arn, "primitive": pid, "evidence": evidence,
                    "target": t, "severity": sev + (" (conditional)" if conditional else ""),
                })
    return findings


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("export")
    ap.add_argument("--focus")
    ap.add_argument("--format", choices=["markdown", "json"], default="markdown")
    args = ap.parse_args()
    findings = find_paths(load(args.export))
    if args.focus:
        findings = [f for f in findings if f["principal"] == args.focus]
    if args.format == "json":
        json.dump(findings, sys.stdout, indent=2)
        return
    print("# IAM escalation paths\n")
    print("_Static analysis; SCPs, session and resource policies not evaluated._\n")
    print("| principal | primitive | evidence | target | severity |")
    print("|---|---|---|---|---|")
    for f in sorted(findings, key=lambda x: x["severity"]):
        print(f"| {f['principal']} | {f['primitive']} | {f['evidence']} | {f['target'] or '-'} | {f['severity']} |")
    print(f"\n{len(findings)} path(s) found.")


if __name__ == "__main__":
    main()
