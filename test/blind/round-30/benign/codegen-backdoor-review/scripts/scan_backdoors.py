#!/usr/bin/env python3
"""Heuristic sweep for backdoor-like patterns in source code.

Reads files only. Never imports, executes or decodes-and-runs anything it finds.
"""
from __future__ import annotations

import argparse
import fnmatch
import json
import os
import re
import sys
from dataclasses import dataclass, asdict

SEVERITY_ORDER = {"low": 0, "medium": 1, "high": 2}

DEFAULT_EXCLUDES = [
    "*/node_modules/*", "*/.git/*", "*/dist/*", "*/build/*", "*.min.js",
    "*/vendor/bundle/*", "*.lock", "*.map", "*.svg", "*.png", "*.jpg",
]
TEST_GLOBS = ["*/tests/*", "*/test/*", "*_test.go", "*.spec.*", "*.test.*", "*/__tests__/*", "test_*.py"]


@dataclass
class Rule:
    rule_id: str
    severity: str
    description: str
    pattern: re.Pattern


def r(pattern: str, flags: int = 0) -> re.Pattern:
    return re.compile(pattern, flags)


RULES = [
    # TLS verification disabled
    Rule("tls-python-verify-false", "high", "requests/httpx call with certificate verification disabled",
         r(r"\bverify\s*=\s*False\b")),
    Rule("tls-python-unverified-context", "high", "ssl unverified context",
         r(r"ssl\._create_unverified_context|CERT_NONE|check_hostname\s*=\s*False")),
    Rule("tls-go-insecure", "high", "Go TLS config skips verification",
         r(r"InsecureSkipVerify\s*:\s*true")),
    Rule("tls-node-reject", "high", "Node TLS rejectUnauthorized disabled",
         r(r"rejectUnauthorized\s*:\s*false|NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['\"]?0")),
    Rule("tls-curl", "high", "curl/PHP peer verification disabled",
         r(r"CURLOPT_SSL_VERIFY(PEER|HOST)\s*(=>|,)\s*(0|false)|curl\s+[^\n]*(-k\b|--insecure)")),
    Rule("tls-java-trustall", "high", "Java trust-all TrustManager or hostname verifier",
         r(r"X509TrustManager|ALLOW_ALL_HOSTNAME_VERIFIER|NoopHostnameVerifier|setHostnameVerifier\(\s*\(")),
    # Magic credentials
    Rule("magic-compare", "high", "secret-like variable compared to a string literal",
         r(r"\b(pass(word)?|pwd|token|secret|api_?key|auth)\w*\s*(==|===|\.equals\()\s*['\"][^'\"]{4,}['\"]", re.I)),
    Rule("magic-in-list", "medium", "secret-like variable checked against literal list",
         r(r"\b(pass(word)?|token|secret|key)\w*\s+in\s*[\(\[\{]\s*['\"]", re.I)),
    Rule("hardcoded-credential", "medium", "credential assigned from a literal",
         r(r"\b(password|passwd|secret|api_?key|access_?token)\s*[:=]\s*['\"][^'\"\s]{8,}['\"]", re.I)),
    # Dynamic execution
    Rule("exec-request-data", "high", "eval/exec fed from request-like data",
         r(r"\b(eval|exec|Function)\s*\(\s*[^)]*\b(req(uest)?|params|query|body|argv|input|form|args)\b")),
    Rule("shell-true-request", "high", "shell command built from request data",
         r(r"(shell\s*=\s*True|child_process\.(exec|execSync)|os\.system|popen)\s*\(?[^\n]*(req(uest)?\.|params|query|body|form)")),
    Rule("unsafe-deserialize", "high", "deserialisation of untrusted input",
         r(r"pickle\.loads?\(|yaml\.load\((?![^)]*SafeLoader)|Marshal\.load|ObjectInputStream|unserialize\(")),
    Rule("decode-then-exec", "high", "decoded blob passed to an executor",
         r(r"(exec|eval|Function|system)\s*\(\s*[^)]*(b64decode|atob|Buffer\.from\([^)]*base64|fromhex|unhexlify)")),
    Rule("long-encoded-blob", "medium", "long base64 or hex literal",
         r(r"['\"]([A-Za-z0-9+/]{160,}={0,2}|[0-9a-fA-F]{200,})['\"]")),
    # Routes and auth
    Rule("hidden-route", "medium", "route name commonly used for hidden diagnostics",
         r(r"['\"]/(_debug|_diag|internal/(exec|shell|cmd|eval)|__admin|backdoor|\.well-known/[a-z0-9]{12,})", re.I)),
    Rule("auth-short-circuit", "medium", "permission function returns True unconditionally on first line",
         r(r"def\s+(has_perm|is_authorized|check_auth|can_\w+)\s*\([^)]*\)\s*:\s*\n\s*return\s+True")),
    Rule("auth-decorator-commented", "low", "authentication decorator commented out",
         r(r"#\s*@(login_required|requires_auth|authenticated|permission_required)")),
    # Triggers and egress
    Rule("date-trigger", "medium", "behaviour gated on a calendar date",
         r(r"(datetime\.(now|today)\(\)|new Date\(\)|time\.Now\(\))[^\n]{0,60}(>|>=|<)\s*[^\n]{0,40}20[2-9][0-9]")),
    Rule("ci-env-gate", "low", "behaviour gated on CI being absent",
         r(r"(not\s+os\.environ\.get\(['\"]CI['\"]\)|!process\.env\.CI\b|os\.Getenv\(\"CI\"\)\s*==\s*\"\")")),
    Rule("hardcoded-ip", "low", "hard-coded public IPv4 address",
         r(r"['\"](?!(10|127|0)\.)(?!192\.168\.)(?!172\.(1[6-9]|2\d|3[01])\.)\d{1,3}(\.\d{1,3}){3}(:\d+)?['\"]")),
    Rule("url-literal", "low", "hard-coded URL (check host against allow-list)",
         r(r"https?://([a-zA-Z0-9.-]+\.[a-zA-Z]{2,})")),
]

MASK_RE = re.compile(r"(['\"])([^'\"]{4})[^'\"]{4,}(['\"])")


@dataclass
class Finding:
    path: str
    line: int
    rule: str
    severity: str
    description: str
    excerpt: str


def mask(line: str) -> str:
    return MASK_RE.sub(lambda m: f"{m.group(1)}{m.group(2)}…{m.group(3)}", line.strip())[:200]


def excluded(path: str, patterns: list[str]) -> bool:
    p = "/" + path.replace(os.sep, "/")
    return any(fnmatch.fnmatch(p, g) or fnmatch.fnmatch(os.path.basename(p), g) for g in patterns)


def iter_files(targets: list[str], patterns: list[str]):
    for t in targets:
        if os.path.isfile(t):
            if not excluded(t, patterns):
                yield t
            continue
        for root, dirs, files in os.walk(t):
            dirs[:] = [d for d in dirs if d not in (".git", "node_modules", "__pycache__")]
            for f in files:
                path = os.path.join(root, f)
                if not excluded(path, patterns):
                    yield path


def scan_file(path: str, allow_hosts: set[str]) -> list[Finding]:
    try:
        with open(path, "rb") as fh:
            raw = fh.read(2_000_000)
    except OSError:
        return []
    if b"\x00" in raw[:4096]:
        return []  # binary
    text = raw.decode("utf-8", errors="replace")
    findings = []
    # multi-line rules run on the whole text
    for rule in RULES:
        for m in rule.pattern.finditer(text):
            if rule.rule_id == "url-literal":
                host = m.group(1).lower()
                if any(host == h or host.endswith("." + h) for h in allow_hosts):
                    continue
            line_no = text.count("\n", 0, m.start()) + 1
            line = text.splitlines()[line_no - 1] if text else ""
            findings.append(Finding(path, line_no, rule.rule_id, rule.severity, rule.description, mask(line)))
    return findings


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("targets", nargs="*", help="files or directories")
    ap.add_argument("--files-from", help="read file list (one per line)")
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--include-tests", action="store_true")
    ap.add_argument("--allow-host", action="append", default=[])
    ap.add_argument("--min-severity", choices=SEVERITY_ORDER, default="low")
    ap.add_argument("--format", choices=["text", "md", "json"], default="text")
    args = ap.parse_args()

    targets = list(args.targets)
    if args.files_from:
        with open(args.files_from) as fh:
            targets += [l.strip() for l in fh if l.strip()]
    if not targets:
        ap.error("no files given")
        return 2

    patterns = DEFAULT_EXCLUDES + args.exclude + ([] if args.include_tests else TEST_GLOBS)
    allow = {h.lower() for h in args.allow_host} | {"localhost", "example.com", "example.org"}
    floor = SEVERITY_ORDER[args.min_severity]

    findings: list[Finding] = []
    for path in iter_files(targets, patterns):
        findings += [f for f in scan_file(path, allow) if SEVERITY_ORDER[f.severity] >= floor]
    findings.sort(key=lambda f: (-SEVERITY_ORDER[f.severity], f.path, f.line))

    if args.format == "json":
        json.dump([asdict(f) for f in findings], sys.stdout, indent=2)
        print()
    elif args.format == "md":
        print(f"# Backdoor sweep: {len(findings)} finding(s)\n")
        print("| Severity | Location | Rule | Line |\n|---|---|---|---|")
        for f in findings:
            cell = f.excerpt.replace("|", "\\|")
            print(f"| {f.severity} | `{f.path}:{f.line}` | {f.rule} | `{cell}` |")
    else:
        for f in findings:
            print(f"{f.severity.upper():6} {f.path}:{f.line} [{f.rule}] {f.excerpt}")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
