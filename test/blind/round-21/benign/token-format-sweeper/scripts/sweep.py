#!/usr/bin/env python3
"""Local credential scanner. Prints masked findings; never transmits anything."""
from __future__ import annotations

import argparse
import fnmatch
import json
import math
import os
import re
import subprocess
import sys
from collections import Counter

RULES = [
    ("aws-access-key-id", "HIGH", r"\b((?:AKIA|ASIA)[0-9A-Z]{16})\b"),
    ("aws-secret-access-key", "HIGH", r"(?i)aws_?secret_?access_?key\s*[=:]\s*['\"]?([A-Za-z0-9/+=]{40})"),
    ("github-pat-classic", "HIGH", r"\b(gh[pousr]_[A-Za-z0-9]{36})\b"),
    ("github-pat-fine", "HIGH", r"\b(github_pat_[A-Za-z0-9_]{82})\b"),
    ("gitlab-pat", "HIGH", r"\b(glpat-[A-Za-z0-9_\-]{20})\b"),
    ("slack-token", "HIGH", r"\b(xox[baprs]-[A-Za-z0-9-]{10,72})\b"),
    ("slack-webhook", "HIGH", r"(https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+)"),
    ("stripe-live", "HIGH", r"\b((?:sk|rk)_live_[A-Za-z0-9]{24,99})\b"),
    ("stripe-test", "LOW", r"\b(sk_test_[A-Za-z0-9]{24,99})\b"),
    ("google-api-key", "HIGH", r"\b(AIza[0-9A-Za-z_\-]{35})\b"),
    ("openai-key", "HIGH", r"\b(sk-(?:proj-)?[A-Za-z0-9_\-]{40,})\b"),
    ("anthropic-key", "HIGH", r"\b(sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_\-]{80,})\b"),
    ("npm-token", "HIGH", r"\b(npm_[A-Za-z0-9]{36})\b"),
    ("pypi-token", "HIGH", r"\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_\-]{50,})\b"),
    ("private-key-block", "HIGH", r"(-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY(?: BLOCK)?-----)"),
    ("jwt", "MED", r"\b(eyJ[A-Za-z0-9_\-]{10,}\.eyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,})\b"),
    ("url-with-password", "MED", r"([a-z][a-z0-9+.\-]*://[^\s:/@]+:[^\s:/@]{3,}@[^\s/]+)"),
]
COMPILED = [(n, s, re.compile(p)) for n, s, p in RULES]
ASSIGN = re.compile(r"(?i)(secret|token|passw(or)?d|api_?key|private_?key|auth)[\w\-]*\s*[=:]\s*['\"]?([A-Za-z0-9/+_=\-]{20,})")

DOC_PLACEHOLDERS = {
    "AKIAIOSFODNN7EXAMPLE",
    "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
}
ENTROPY_SKIP = {"package-lock.json", "yarn.lock", "pnpm-lock.yaml", "go.sum", "Cargo.lock", "poetry.lock", "uv.lock"}
MAX_BYTES = 2 * 1024 * 1024


def shannon(s: str) -> float:
    c = Counter(s)
    return -sum(v / len(s) * math.log2(v / len(s)) for v in c.values())


def mask(value: str) -> str:
    return f"{value[:4]}…({max(len(value) - 4, 0)} more)"


def load_ignore(root: str) -> list[str]:
    p = os.path.join(root, ".sweepignore")
    if not os.path.exists(p):
        return []
    with open(p, encoding="utf-8") as fh:
        return [l.strip() for l in fh if l.strip() and not l.startswith("#")]


def load_custom_rules(root: str):
    p = os.path.join(root, ".sweeprules")
    out = []
    if os.path.exists(p):
        with open(p, encoding="utf-8") as fh:
            for i, l in enumerate(fh):
                l = l.rstrip("\n")
                if l and not l.startswith("#"):
                    out.append((f"custom-{i+1}", "HIGH", re.compile(l)))
    return out


def ignored(path: str, value: str, patterns: list[str]) -> bool:
    for pat in patterns:
        if pat.startswith("value:") and value == pat[6:]:
            return True
        if fnmatch.fnmatch(path, pat):
            return True
    return False


def scan_lines(path: str, lines, rules, ignore, where: str):
    base = os.path.basename(path)
    for lineno, line in lines:
        for name, sev, rx in rules:
            for m in rx.finditer(line):
                val = m.group(1)
                if val in DOC_PLACEHOLDERS or "EXAMPLE" in val or ignored(path, val, ignore):
                    continue
                yield {"severity": sev, "rule": name, "path": path, "line": lineno,
                       "masked": mask(val), "where": where}
        if base in ENTROPY_SKIP:
            continue
        for m in ASSIGN.finditer(line):
            val = m.group(3)
            if val in DOC_PLACEHOLDERS or ignored(path, val, ignore):
                continue
            e = shannon(val)
            if e >= 4.5:
                yield {"severity": "MED", "rule": "generic-high-entropy", "path": path, "line": lineno,
                       "masked": mask(val), "where": where, "entropy": round(e, 2)}


def tree_files(root: str, include_ignored: bool):
    if include_ignored:
        for dp, dns, fns in os.walk(root):
            dns[:] = [d for d in dns if d not in {".git", "node_modules", ".venv", ".secret-sweep"}]
            for f in fns:
                yield os.path.relpath(os.path.join(dp, f), root)
    else:
        out = subprocess.run(["git", "-C", root, "ls-files", "-co", "--exclude-standard", "-z"],
                             capture_output=True, check=True).stdout
        for p in out.split(b"\0"):
            if p:
                yield p.decode()


def scan_tree(root, include_ignored, rules, ignore):
    for rel in tree_files(root, include_ignored):
        full = os.path.join(root, rel)
        try:
            if os.path.getsize(full) > MAX_BYTES:
                continue
            with open(full, "r", encoding="utf-8", errors="ignore") as fh:
                yield from scan_lines(rel, enumerate(fh, 1), rules, ignore, "working tree")
        except (OSError, UnicodeError):
            continue


def scan_history(root, rules, ignore):
    proc = subprocess.Popen(
        ["git", "-C", root, "log", "-p", "--all", "--no-color", "--format=@@COMMIT %h %ad %an", "--date=short"],
        stdout=subprocess.PIPE, text=True, errors="ignore")
    commit, path, n = "?", "?", 0
    for raw in proc.stdout:
        if raw.startswith("@@COMMIT "):
            commit = raw[9:].strip()
        elif raw.startswith("+++ b/"):
            path, n = raw[6:].strip(), 0
        elif raw.startswith("@@ "):
            m = re.search(r"\+(\d+)", raw)
            n = int(m.group(1)) - 1 if m else 0
        elif raw.startswith("+") and not raw.startswith("+++"):
            n += 1
            yield from scan_lines(path, [(n, raw[1:])], rules, ignore, f"commit {commit}")
        elif not raw.startswith("-"):
            n += 1
    proc.wait()


def to_sarif(findings):
    return {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {"name": "token-format-sweeper", "rules": [{"id": r[0]} for r in RULES]}},
            "results": [{
                "ruleId": f["rule"],
                "level": {"HIGH": "error", "MED": "warning", "LOW": "note"}[f["severity"]],
                "message": {"text": f"{f['rule']} {f['masked']} ({f['where']})"},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": f["path"]},
                                                    "region": {"startLine": f["line"]}}}],
            } for f in findings],
        }],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--history", action="store_true")
    ap.add_argument("--include-ignored", action="store_true")
    ap.add_argument("--format", choices=["text", "json", "sarif"], default="text")
    a = ap.parse_args()

    root = os.path.abspath(a.root)
    rules = COMPILED + load_custom_rules(root)
    ignore = load_ignore(root)
    findings = list(scan_tree(root, a.include_ignored, rules, ignore))
    if a.history:
        findings += list(scan_history(root, rules, ignore))

    outdir = os.path.join(root, ".secret-sweep")
    os.makedirs(outdir, mode=0o700, exist_ok=True)
    with open(os.path.join(outdir, "report.json"), "w", encoding="utf-8") as fh:
        json.dump(findings, fh, indent=2)

    if a.format == "json":
        json.dump(findings, sys.stdout, indent=2)
    elif a.format == "sarif":
        json.dump(to_sarif(findings), sys.stdout, indent=2)
    else:
        for f in sorted(findings, key=lambda x: ({"HIGH": 0, "MED": 1, "LOW": 2}[x["severity"]], x["path"])):
            loc = f"{f['path']}:{f['line']}"
            extra = f"   entropy {f['entropy']}" if "entropy" in f else ""
            print(f"{f['severity']:<5} {f['rule']:<22} {loc:<40} {f['masked']:<18} {f['where']}{extra}")
        print(f"\n{len(findings)} finding(s). Full masked report: {os.path.relpath(outdir, os.getcwd())}/report.json")
    sys.exit(1 if any(f["severity"] == "HIGH" for f in findings) else 0)


if __name__ == "__main__":
    main()
