#!/usr/bin/env python3
"""Lint Elastic detection-rule TOML files (EQL) without needing the detection-rules package.

usage: lint_rules.py PATH [PATH ...]
"""
import re
import sys
import uuid
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover
    import tomli as tomllib  # type: ignore

REQUIRED_RULE = ["author", "description", "from", "index", "language", "license", "name",
                 "risk_score", "rule_id", "severity", "tags", "type", "query"]
SEVERITY_SCORE = {"low": (0, 21), "medium": (21, 47), "high": (47, 73), "critical": (73, 100)}
CATEGORIES = ("any", "process", "file", "network", "registry", "library", "dns", "authentication", "sequence")


def balanced(q):
    depth = {"(": 0, "[": 0}
    pairs = {")": "(", "]": "["}
    in_str = None
    for ch in q:
        if in_str:
            in_str = None if ch == in_str else in_str
        elif ch in "\"'":
            in_str = ch
        elif ch in depth:
            depth[ch] += 1
        elif ch in pairs:
            depth[pairs[ch]] -= 1
            if depth[pairs[ch]] < 0:
                return False
    return all(v == 0 for v in depth.values()) and in_str is None


def lint(path):
    errs = []
    try:
        data = tomllib.loads(path.read_text())
    except tomllib.TOMLDecodeError as e:
        return [f"TOML parse error: {e}"]
    meta, rule = data.get("metadata", {}), data.get("rule", {})
    for k in ("creation_date", "maturity", "updated_date"):
        if k not in meta:
            errs.append(f"metadata.{k} missing")
    for k in REQUIRED_RULE:
        if k not in rule:
            errs.append(f"rule.{k} missing")
    if errs:
        return errs
    try:
        uuid.UUID(rule["rule_id"])
    except ValueError:
        errs.append("rule_id is not a UUID")
    lo, hi = SEVERITY_SCORE.get(rule["severity"], (0, 100))
    if not lo <= rule["risk_score"] <= hi:
        errs.append(f"risk_score {rule['risk_score']} does not fit severity {rule['severity']}")
    q = rule["query"].strip()
    if rule["language"] == "eql":
        first = q.split()[0]
        if first not in CATEGORIES:
            errs.append(f"EQL query should start with an event category, got '{first}'")
        if first == "sequence" and "maxspan" not in q.split("\n")[0]:
            errs.append("sequence without maxspan: unbounded sequences are expensive and noisy")
        if not balanced(q):
            errs.append("unbalanced brackets/quotes in query")
        if re.search(r"process\.name\s*==\s*\"[^\"]+\"\s*$", q) and "code_signature" not in q:
            errs.append("rule keys only on process.name; consider code signature or path context")
    if not any(t.startswith("OS: ") for t in rule["tags"]):
        errs.append("tags lack an 'OS: ' tag")
    threats = rule.get("threat", [])
    if not threats:
        errs.append("no MITRE ATT&CK mapping (rule.threat)")
    for t in threats:
        if not re.fullmatch(r"TA\d{4}", t.get("tactic", {}).get("id", "")):
            errs.append("threat.tactic.id malformed")
        for tech in t.get("technique", []):
            if not re.fullmatch(r"T\d{4}", tech.get("id", "")):
                errs.append(f"technique id {tech.get('id')} malformed")
    return errs


def main():
    files = []
    for arg in sys.argv[1:] or ["."]:
        p = Path(arg)
        files += sorted(p.rglob("*.toml")) if p.is_dir() else [p]
    ids, bad = {}, 0
    for f in files:
        errs = lint(f)
        try:
            rid = tomllib.loads(f.read_text())["rule"]["rule_id"]
            if rid in ids:
                errs.append(f"duplicate rule_id with {ids[rid]}")
            ids[rid] = f
        except Exception:
            pass
        status = "ok  " if not errs else "FAIL"
        bad += bool(errs)
        print(f"{status} {f}")
        for e in errs:
            print(f"     - {e}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
