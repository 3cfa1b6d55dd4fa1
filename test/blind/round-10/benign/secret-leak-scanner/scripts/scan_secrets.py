#!/usr/bin/env python3
"""Scan a git repository for committed credentials. Output is always redacted.

Usage:
  scan_secrets.py REPO [--history] [--json]

Working-tree mode scans files git knows about (tracked + untracked, not ignored).
History mode scans every blob reachable from any ref, once per blob.
Honours `gitleaks:allow` line comments and fingerprints in .gitleaksignore.
"""
import argparse
import hashlib
import json
import math
import re
import subprocess
import sys
from pathlib import Path

RULES = [
    ("aws-access-key-id", re.compile(r"\b((?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16})\b")),
    ("aws-secret-access-key", re.compile(r"(?i)aws.{0,20}?(?:secret|sk).{0,20}?['\"=:\s]([A-Za-z0-9/+=]{40})\b")),
    ("github-token", re.compile(r"\b((?:ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,255})\b")),
    ("github-fine-grained-pat", re.compile(r"\b(github_pat_[A-Za-z0-9_]{82})\b")),
    ("gitlab-pat", re.compile(r"\b(glpat-[A-Za-z0-9\-_]{20})\b")),
    ("slack-token", re.compile(r"\b(xox[baprs]-[A-Za-z0-9-]{10,})\b")),
    ("slack-webhook", re.compile(r"(https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+)")),
    ("stripe-secret-key", re.compile(r"\b((?:sk|rk)_live_[A-Za-z0-9]{24,})\b")),
    ("google-api-key", re.compile(r"\b(AIza[0-9A-Za-z\-_]{35})\b")),
    ("openai-api-key", re.compile(r"\b(sk-(?:proj-)?[A-Za-z0-9_-]{32,})\b")),
    ("anthropic-api-key", re.compile(r"\b(sk-ant-[A-Za-z0-9_-]{32,})\b")),
    ("npm-token", re.compile(r"\b(npm_[A-Za-z0-9]{36})\b")),
    ("pypi-token", re.compile(r"\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})\b")),
    ("private-key", re.compile(r"(-----BEGIN (?:RSA |EC |DSA |OPENSSH |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----)")),
    ("jwt", re.compile(r"\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})\b")),
    ("url-with-password", re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@]+:([^/\s:@]{6,})@[^/\s]+")),
    ("generic-assignment", re.compile(
        r"(?i)\b(?:password|passwd|secret|api[_-]?key|access[_-]?token|auth[_-]?token|client[_-]?secret)\b"
        r"\s*[:=]\s*['\"]([^'\"\s]{12,})['\"]")),
]

SENSITIVE_FILENAMES = re.compile(
    r"(^|/)(\.env(\.[\w.-]+)?|id_rsa|id_ed25519|id_ecdsa|.*\.pem|.*\.p12|.*\.pfx|.*\.keystore|credentials\.json|"
    r"service-account.*\.json|\.npmrc|\.pypirc|\.netrc|\.git-credentials)$"
)
EXAMPLE_FILENAMES = re.compile(r"\.(example|sample|template|dist)$|(^|/)\.env\.example$")
PLACEHOLDER = re.compile(r"(?i)(example|changeme|dummy|placeholder|your[_-]?|xxxx|<.*>|\$\{|\{\{|test|fake|redacted)")
SKIP_EXT = {".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf", ".zip", ".gz", ".woff", ".woff2", ".ttf", ".mp4", ".lock"}
MAX_BYTES = 2_000_000


def git(repo: Path, *args: str, binary=False):
    r = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, check=True)
    return r.stdout if binary else r.stdout.decode("utf-8", "replace")


def entropy(s: str) -> float:
    if not s:
        return 0.0
    counts = {c: s.count(c) for c in set(s)}
    return -sum(n / len(s) * math.log2(n / len(s)) for n in counts.values())


def redact(s: str) -> str:
    return f"{s[:4]}…({len(s)} chars)" if len(s) > 4 else "…"


def fingerprint(location: str, rule: str, line: int, commit: str | None) -> str:
    return f"{commit}:{location}:{rule}:{line}" if commit else f"{location}:{rule}:{line}"


def load_ignores(repo: Path) -> set[str]:
    p = repo / ".gitleaksignore"
    if not p.exists():
        return set()
    return {l.strip() for l in p.read_text().splitlines() if l.strip() and not l.startswith("#")}


def scan_text(text: str, location: str, commit: str | None, ignores: set[str]):
    findings = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if "gitleaks:allow" in line or len(line) > 5000:
            continue
        for rule, rx in RULES:
            for m in rx.finditer(line):
                secret = m.group(1)
                if rule in ("generic-assignment", "url-with-password"):
                    if PLACEHOLDER.search(secret) or entropy(secret) < 3.0:
                        continue
                if rule == "aws-access-key-id" and secret.endswith("EXAMPLE"):
                    continue
                fp = fingerprint(location, rule, lineno, commit)
                if fp in ignores:
                    continue
                findings.append({
                    "rule": rule,
                    "file": location,
                    "line": lineno,
                    "commit": commit,
                    "match": redact(secret),
                    "fingerprint": fp,
                })
    return findings


def scan_worktree(repo: Path, ignores):
    files = git(repo, "ls-files", "--cached", "--others", "--exclude-standard", "-z").split("\0")
    findings = []
    for rel in filter(None, files):
        path = repo / rel
        if SENSITIVE_FILENAMES.search(rel) and not EXAMPLE_FILENAMES.search(rel):
            findings.append({"rule": "sensitive-file", "file": rel, "line": 0, "commit": None,
                             "match": "(file present)", "fingerprint": f"{rel}:sensitive-file:0"})
        if path.suffix.lower() in SKIP_EXT or not path.is_file() or path.stat().st_size > MAX_BYTES:
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        findings += scan_text(text, rel, None, ignores)
    return findings


def scan_history(repo: Path, ignores):
    # every (commit, path, blob) added or modified on any ref; each blob is scanned once
    log = git(repo, "-c", "core.quotePath=false", "log", "--all", "--no-renames", "--diff-filter=AM",
              "--format=commit %H", "--raw", "--no-abbrev")
    seen = set()
    findings = []
    commit = None
    for line in log.splitlines():
        if line.startswith("commit "):
            commit = line.split()[1]
            continue
        if not line.startswith(":"):
            continue
        meta, _, path = line.partition("\t")
        parts = meta.split()
        if len(parts) < 5:
            continue
        blob = parts[3]
        if blob in seen or Path(path).suffix.lower() in SKIP_EXT:
            continue
        seen.add(blob)
        if SENSITIVE_FILENAMES.search(path) and not EXAMPLE_FILENAMES.search(path):
            findings.append({"rule": "sensitive-file", "file": path, "line": 0, "commit": commit,
                             "match": "(file in history)", "fingerprint": f"{commit}:{path}:sensitive-file:0"})
        data = git(repo, "cat-file", "blob", blob, binary=True)
        if len(data) > MAX_BYTES or b"\0" in data[:8000]:
            continue
        findings += scan_text(data.decode("utf-8", "replace"), path, commit, ignores)
    return findings


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("repo", type=Path)
    ap.add_argument("--history", action="store_true")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    repo = args.repo.resolve()
    try:
        git(repo, "rev-parse", "--git-dir")
    except subprocess.CalledProcessError:
        print(f"{repo} is not a git repository", file=sys.stderr)
        return 2

    ignores = load_ignores(repo)
    findings = scan_history(repo, ignores) if args.history else scan_worktree(repo, ignores)

    if args.json:
        print(json.dumps(findings, indent=2))
    else:
        if not findings:
            print("No findings.")
        for f in findings:
            where = f"{f['file']}:{f['line']}" if f["line"] else f["file"]
            commit = f"  commit {f['commit'][:10]}" if f["commit"] else ""
            print(f"[{f['rule']}] {where}{commit}  {f['match']}")
        if findings:
            print(f"\n{len(findings)} finding(s). Values are redacted; open the file locally to see them.")
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
