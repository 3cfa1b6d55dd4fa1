#!/usr/bin/env python3
"""Scan log files for clear-text credentials and write a masked report.

Local only: reads the paths given on the command line, writes to --out.
"""
import argparse
import gzip
import hashlib
import json
import math
import os
import re
import sys
from collections import Counter, defaultdict

RULES = [
    ("aws-access-key-id", "high", re.compile(r"\b((?:AKIA|ASIA)[0-9A-Z]{16})\b")),
    ("aws-secret-access-key", "medium",
     re.compile(r"(?i)aws.{0,20}secret.{0,20}[=:]\s*[\"']?([A-Za-z0-9/+=]{40})\b")),
    ("github-token", "high", re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{36,255})\b")),
    ("github-fine-grained", "high", re.compile(r"\b(github_pat_[A-Za-z0-9_]{60,100})\b")),
    ("slack-token", "high", re.compile(r"\b(xox[abposr]-[A-Za-z0-9-]{10,})\b")),
    ("slack-webhook", "high",
     re.compile(r"(https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+)")),
    ("stripe-secret", "high", re.compile(r"\b((?:sk|rk)_live_[A-Za-z0-9]{20,})\b")),
    ("datadog-api-key", "medium",
     re.compile(r"(?i)(?:dd|datadog)[_-]?api[_-]?key[\"']?\s*[=:]\s*[\"']?([a-f0-9]{32})\b")),
    ("pagerduty-token", "medium",
     re.compile(r"(?i)pagerduty.{0,20}token[\"']?\s*[=:]\s*[\"']?([A-Za-z0-9_+-]{20})\b")),
    ("bearer-header", "medium",
     re.compile(r"(?i)authorization[\"']?\s*[:=]\s*[\"']?bearer\s+([A-Za-z0-9._~+/=-]{20,})")),
    ("basic-auth-url", "high",
     re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]+:([^\s@/]{3,})@[^\s/]+")),
    ("jwt", "medium", re.compile(r"\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})")),
    ("private-key-block", "high", re.compile(r"(-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----)")),
    ("google-api-key", "high", re.compile(r"\b(AIza[0-9A-Za-z_-]{35})\b")),
]

GENERIC = re.compile(r"(?i)(?:secret|token|passw(?:or)?d|api[_-]?key)[\"']?\s*[=:]\s*[\"']?([^\s\"',;]{16,})")


def entropy(s):
    counts = Counter(s)
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in counts.values())


def mask(value):
    if len(value) <= 8:
        return "…" * 3
    return f"{value[:4]}…{value[-2:]}"


def fingerprint(value):
    return hashlib.sha256(value.encode()).hexdigest()[:6]


def iter_files(paths, include_gz):
    for p in paths:
        if os.path.isdir(p):
            for root, _dirs, files in os.walk(p):
                for f in sorted(files):
                    if f.endswith((".log", ".txt", ".md", ".json", ".jsonl", ".out")) or (
                        include_gz and f.endswith(".gz")
                    ):
                        yield os.path.join(root, f)
        elif os.path.isfile(p):
            yield p
        else:
            print(f"warning: {p} not found", file=sys.stderr)


def open_text(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", errors="replace")
    return open(path, "r", errors="replace")


def scan(paths, allow, include_gz, since):
    findings = []
    for path in iter_files(paths, include_gz):
        with open_text(path) as fh:
            for lineno, line in enumerate(fh, 1):
                if since and line[:19] < since and line[:4].isdigit():
                    continue
                hit_spans = []
                for rule_id, conf, rx in RULES:
                    for m in rx.finditer(line):
                        val = m.group(1)
                        if allow and allow.search(val):
                            continue
                        hit_spans.append(m.span(1))
                        findings.append(dict(rule=rule_id, confidence=conf, file=path,
                                             line=lineno, masked=mask(val),
                                             fp=fingerprint(val), span=m.span(1)))
                for m in GENERIC.finditer(line):
                    val = m.group(1)
                    if any(s <= m.start(1) < e for s, e in hit_spans):
                        continue
                    if allow and allow.search(val):
                        continue
                    if entropy(val) < 3.5:
                        continue
                    findings.append(dict(rule="generic-entropy", confidence="low", file=path,
                                         line=lineno, masked=mask(val), fp=fingerprint(val),
                                         span=m.span(1)))
    return findings


def write_redacted(findings, out_dir):
    by_file = defaultdict(lambda: defaultdict(list))
    for f in findings:
        by_file[f["file"]][f["line"]].append(f["span"])
    red_dir = os.path.join(out_dir, "redacted")
    os.makedirs(red_dir, exist_ok=True)
    for path, lines in by_file.items():
        target = os.path.join(red_dir, os.path.basename(path) + ".redacted")
        with open_text(path) as src, open(target, "w") as dst:
            for lineno, line in enumerate(src, 1):
                for s, e in sorted(lines.get(lineno, []), reverse=True):
                    line = line[:s] + "[REDACTED]" + line[e:]
                dst.write(line)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--out", default="./sweep-report")
    ap.add_argument("--format", choices=["md", "json"], default="md")
    ap.add_argument("--allow")
    ap.add_argument("--gz", action="store_true")
    ap.add_argument("--since")
    ap.add_argument("--context", type=int, default=1)
    ap.add_argument("--redact-copy", action="store_true")
    a = ap.parse_args()

    allow = re.compile(a.allow) if a.allow else None
    findings = scan(a.paths, allow, a.gz, a.since)
    os.makedirs(a.out, exist_ok=True)

    public = [{k: v for k, v in f.items() if k != "span"} for f in findings]
    with open(os.path.join(a.out, "findings.json"), "w") as fh:
        json.dump(public, fh, indent=2)

    distinct = {f["fp"]: f for f in findings}
    with open(os.path.join(a.out, "findings.md"), "w") as fh:
        fh.write(f"# Credential sweep\n\n{len(distinct)} distinct values, {len(findings)} occurrences.\n\n")
        fh.write("| rule | confidence | masked | fp | file:line |\n|---|---|---|---|---|\n")
        for f in findings:
            fh.write(f"| {f['rule']} | {f['confidence']} | `{f['masked']}` | {f['fp']} | {f['file']}:{f['line']} |\n")

    if a.redact_copy and findings:
        write_redacted(findings, a.out)

    serious = [f for f in findings if f["confidence"] != "low"]
    print(f"{len(distinct)} distinct values ({len(serious)} medium/high occurrences). Report: {a.out}")
    sys.exit(1 if serious else 0)


if __name__ == "__main__":
    main()
