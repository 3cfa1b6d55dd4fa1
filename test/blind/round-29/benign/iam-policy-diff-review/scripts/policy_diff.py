#!/usr/bin/env python3
"""Diff AWS IAM policies and report added access with severities (no AWS calls)."""
from __future__ import annotations

import argparse
import fnmatch
import json
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ESCALATION = {
    "iam:createpolicyversion", "iam:setdefaultpolicyversion", "iam:attachuserpolicy",
    "iam:attachgrouppolicy", "iam:attachrolepolicy", "iam:putuserpolicy", "iam:putgrouppolicy",
    "iam:putrolepolicy", "iam:addusertogroup", "iam:createaccesskey", "iam:createloginprofile",
    "iam:updateloginprofile", "iam:updateassumerolepolicy", "iam:passrole", "sts:assumerole",
    "lambda:updatefunctioncode", "lambda:updatefunctionconfiguration", "ssm:sendcommand",
    "ssm:startsession", "codebuild:updateproject", "ecs:executecommand", "ec2:modifyinstanceattribute",
    "kms:creategrant", "secretsmanager:getsecretvalue",
}
SENSITIVE_CONDITIONS = {
    "aws:sourcevpce", "aws:sourcevpc", "aws:sourceip", "aws:principalorgid", "aws:principalarn",
    "aws:sourceaccount", "aws:sourcearn", "sts:externalid", "aws:multifactorauthpresent",
    "aws:securetransport", "token.actions.githubusercontent.com:sub", "token.actions.githubusercontent.com:aud",
}
TF_TYPES = ("aws_iam_", "aws_s3_bucket_policy", "aws_kms_key", "aws_sqs_queue_policy", "aws_sns_topic_policy")
TF_ATTRS = ("policy", "assume_role_policy", "inline_policy")
ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}


@dataclass
class Finding:
    severity: str
    where: str
    sid: str
    message: str


def as_list(v) -> list:
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


def principals(stmt) -> set[str]:
    p = stmt.get("Principal")
    if p is None:
        return set()
    if p == "*":
        return {"*"}
    out = set()
    for k, v in p.items():
        for x in as_list(v):
            out.add(f"{k}:{x}")
    return out


def cond_keys(stmt) -> set[str]:
    keys = set()
    for _op, body in (stmt.get("Condition") or {}).items():
        keys |= {k.lower() for k in body}
    return keys


def stmt_id(stmt, idx: int) -> str:
    return stmt.get("Sid") or f"#{idx}"


def load_doc(text: str | None):
    if not text:
        return {"Statement": []}
    doc = json.loads(text) if isinstance(text, str) else text
    doc.setdefault("Statement", [])
    doc["Statement"] = as_list(doc["Statement"])
    return doc


def covered(action: str, patterns: set[str]) -> bool:
    return any(fnmatch.fnmatchcase(action, p) for p in patterns)


def diff_docs(old, new, where: str) -> list[Finding]:
    out: list[Finding] = []
    old_allow = [s for s in old["Statement"] if s.get("Effect") == "Allow"]
    old_actions = {a.lower() for s in old_allow for a in as_list(s.get("Action"))}
    old_resources = {r for s in old_allow for r in as_list(s.get("Resource"))}
    old_principals = set().union(*(principals(s) for s in old_allow)) if old_allow else set()
    old_by_sid = {s.get("Sid"): s for s in old["Statement"] if s.get("Sid")}

    for i, s in enumerate(new["Statement"]):
        sid = stmt_id(s, i)
        effect = s.get("Effect")
        if effect != "Allow":
            continue
        acts = {a.lower() for a in as_list(s.get("Action"))}
        res = set(as_list(s.get("Resource")))
        conds = cond_keys(s)

        if s.get("NotAction"):
            out.append(Finding("critical", where, sid, f"Allow with NotAction {as_list(s['NotAction'])} grants everything else"))
        if s.get("NotResource"):
            out.append(Finding("high", where, sid, f"Allow with NotResource {as_list(s['NotResource'])}"))

        new_pr = principals(s) - old_principals
        if "*" in new_pr or "AWS:*" in new_pr:
            sev = "critical" if not (conds & SENSITIVE_CONDITIONS) else "medium"
            out.append(Finding(sev, where, sid, f"principal opened to '*' (conditions: {sorted(conds) or 'none'})"))
        elif new_pr:
            out.append(Finding("medium", where, sid, f"new principals {sorted(new_pr)}"))
        for p in new_pr:
            if p.startswith("Federated:token.actions.githubusercontent.com"):
                subs = [v for op in (s.get("Condition") or {}).values() for k, v in op.items()
                        if k.lower() == "token.actions.githubusercontent.com:sub"]
                flat = [x for v in subs for x in as_list(v)]
                if not flat or any(x.endswith(":*") or x.endswith("/*") for x in flat):
                    out.append(Finding("high", where, sid, f"GitHub OIDC trust with broad or missing sub condition: {flat or 'none'}"))

        added = {a for a in acts if not covered(a, old_actions)}
        for a in sorted(added):
            if a in ("*", "iam:*"):
                out.append(Finding("critical", where, sid, f"action '{a}' added"))
            elif a in ESCALATION or covered("iam:passrole", {a}) and a.endswith("*"):
                sev = "high" if "*" in res or a == "iam:passrole" else "medium"
                out.append(Finding(sev, where, sid, f"escalation-capable action '{a}' on {sorted(res)}"))
            elif a.endswith("*"):
                out.append(Finding("medium", where, sid, f"wildcard action '{a}' added"))
            else:
                out.append(Finding("low", where, sid, f"action '{a}' added on {sorted(res)[:3]}{'…' if len(res) > 3 else ''}"))

        for r in sorted(res - old_resources):
            if r == "*":
                out.append(Finding("medium", where, sid, "resource '*' added"))
            elif any(fnmatch.fnmatchcase(o, r) and o != r for o in old_resources):
                out.append(Finding("medium", where, sid, f"resource widened to '{r}'"))

        prev = old_by_sid.get(s.get("Sid"))
        if prev is not None and prev.get("Effect") == "Allow":
            lost = cond_keys(prev) - conds
            for k in sorted(lost):
                sev = "high" if k in SENSITIVE_CONDITIONS else "medium"
                out.append(Finding(sev, where, sid, f"condition key '{k}' removed"))

    new_denies = {json.dumps(s, sort_keys=True) for s in new["Statement"] if s.get("Effect") == "Deny"}
    for i, s in enumerate(old["Statement"]):
        if s.get("Effect") == "Deny" and json.dumps(s, sort_keys=True) not in new_denies:
            out.append(Finding("info", where, stmt_id(s, i), "Deny statement removed or changed (may widen access)"))
    return out


def git_show(ref: str, path: str) -> str | None:
    r = subprocess.run(["git", "show", f"{ref}:{path}"], capture_output=True, text=True)
    return r.stdout if r.returncode == 0 else None


def from_git(base: str, head: str) -> list[Finding]:
    names = subprocess.run(["git", "diff", "--name-only", f"{base}...{head}", "--", "*.json"],
                           capture_output=True, text=True, check=True).stdout.split()
    findings = []
    for path in names:
        new_text = git_show(head, path)
        old_text = git_show(base, path)
        if not new_text or '"Statement"' not in new_text:
            continue
        try:
            findings += diff_docs(load_doc(old_text), load_doc(new_text), path)
        except json.JSONDecodeError as exc:
            findings.append(Finding("info", path, "-", f"could not parse JSON: {exc}"))
    return findings


def from_tfplan(plan_path: Path) -> list[Finding]:
    plan = json.loads(plan_path.read_text())
    findings = []
    for rc in plan.get("resource_changes", []):
        if not rc["type"].startswith(TF_TYPES):
            continue
        before = rc["change"].get("before") or {}
        after = rc["change"].get("after") or {}
        for attr in TF_ATTRS:
            a, b = before.get(attr), after.get(attr)
            if attr == "inline_policy":
                a = (a or [{}])[0].get("policy") if isinstance(a, list) else a
                b = (b or [{}])[0].get("policy") if isinstance(b, list) else b
            if b is None or a == b:
                continue
            findings += diff_docs(load_doc(a), load_doc(b), f"{rc['address']}.{attr}")
    return findings


def render(findings: list[Finding], fmt: str) -> str:
    findings.sort(key=lambda f: (ORDER[f.severity], f.where, f.sid))
    if fmt == "json":
        return json.dumps([f.__dict__ for f in findings], indent=2)
    if fmt == "md":
        lines = ["| Severity | Where | Statement | Finding |", "|---|---|---|---|"]
        lines += [f"| {f.severity} | `{f.where}` | {f.sid} | {f.message} |" for f in findings]
        return "\n".join(lines)
    return "\n".join(f"{f.severity:<9}{f.where}  [{f.sid}]  {f.message}" for f in findings) or "no added access found"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--base", default="origin/main")
    ap.add_argument("--head", default="HEAD")
    ap.add_argument("--tfplan", type=Path)
    ap.add_argument("--old", type=Path)
    ap.add_argument("--new", type=Path)
    ap.add_argument("--format", choices=["text", "md", "json"], default="text")
    args = ap.parse_args()

    if args.old or args.new:
        if not (args.old and args.new):
            ap.error("--old and --new go together")
        findings = diff_docs(load_doc(args.old.read_text()), load_doc(args.new.read_text()), str(args.new))
    elif args.tfplan:
        findings = from_tfplan(args.tfplan)
    else:
        findings = from_git(args.base, args.head)

    print(render(findings, args.format))
    counts = {k: sum(f.severity == k for f in findings) for k in ORDER}
    print("\n" + ", ".join(f"{v} {k}" for k, v in counts.items() if v) if findings else "", file=sys.stderr)
    return 1 if counts["critical"] or counts["high"] else 0


if __name__ == "__main__":
    sys.exit(main())
