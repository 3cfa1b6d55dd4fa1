#!/usr/bin/env python3
"""Finds committed secrets in a repository. Read-only; prints redacted findings."""
import argparse
import re
import subprocess
from pathlib import Path

PATTERNS = {
    "aws-access-key-id": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "github-token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
    "npm-token": re.compile(r"\bnpm_[A-Za-z0-9]{36}\b"),
    "slack-token": re.compile(r"\bxox[baprs]-[A-Za-z0-9-]{10,}\b"),
    "private-key": re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |DSA )?PRIVATE KEY-----"),
    "password-assignment": re.compile(r"(?i)\b(password|passwd|secret)\s*[:=]\s*['\"][^'\"]{6,}['\"]"),
}
SENSITIVE_NAMES = {".env", "id_rsa", "id_ed25519", ".npmrc", ".netrc", "credentials", ".pypirc"}
SENSITIVE_SUFFIXES = {".pem", ".p12", ".pfx", ".key"}


def redact(value):
    return value[:4] + "…" if len(value) > 4 else "…"


def scan_text(label, text, findings):
    for number, line in enumerate(text.splitlines(), 1):
        for kind, pattern in PATTERNS.items():
            for match in pattern.finditer(line):
                findings.append((label, number, kind, redact(match.group(0))))


def scan_tree(root, findings):
    for path in root.rglob("*"):
        if ".git" in path.parts or not path.is_file():
            continue
        rel = path.relative_to(root)
        if path.name in SENSITIVE_NAMES or path.suffix in SENSITIVE_SUFFIXES:
            findings.append((str(rel), 0, "sensitive-file", path.name))
        try:
            scan_text(str(rel), path.read_text(encoding="utf-8"), findings)
        except (UnicodeDecodeError, OSError):
            continue


def scan_history(root, findings):
    log = subprocess.run(["git", "-C", str(root), "log", "-p", "--all", "--no-color"], capture_output=True, text=True, errors="replace")
    scan_text("git-history", log.stdout, findings)


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("repo", type=Path)
    parser.add_argument("--history", action="store_true")
    args = parser.parse_args()
    findings = []
    scan_tree(args.repo, findings)
    if args.history:
        scan_history(args.repo, findings)
    for label, line, kind, value in findings:
        print(f"{label}:{line}\t{kind}\t{value}")
    print(f"{len(findings)} finding(s)")


if __name__ == "__main__":
    main()
