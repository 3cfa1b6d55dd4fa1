#!/usr/bin/env python3
"""Mask credentials and e-mail addresses in a log before it is shared.

Usage: redact_log.py INPUT [> OUTPUT]    (use - for stdin)
Counts of each redaction kind are printed to stderr.
"""
import re
import sys
from collections import Counter

PATTERNS = [
    ("private_key", re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S),
     "-----BEGIN PRIVATE KEY-----[REDACTED]-----END PRIVATE KEY-----"),
    ("auth_header", re.compile(r"(?im)^(\s*(?:authorization|proxy-authorization|cookie|set-cookie|x-api-key)\s*[:=]\s*).+$"),
     r"\1[REDACTED]"),
    ("bearer", re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=-]{8,}"), r"\1 [REDACTED]"),
    ("jwt", re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\b"), "[JWT]"),
    ("aws_key", re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b"), "[AWS_KEY_ID]"),
    ("github_token", re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})\b"), "[GITHUB_TOKEN]"),
    ("slack_token", re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"), "[SLACK_TOKEN]"),
    ("url_password", re.compile(r"(\b[a-z][a-z0-9+.-]*://[^\s:/@]+:)[^\s@/]+@"), r"\1***@"),
    ("kv_secret", re.compile(r"(?i)\b((?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|client[_-]?secret)\s*[=:]\s*)(\"[^\"]*\"|'[^']*'|[^\s&,;]+)"),
     r"\1[REDACTED]"),
]
EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")


def redact(text):
    counts = Counter()
    for kind, rx, repl in PATTERNS:
        text, n = rx.subn(repl, text)
        counts[kind] += n
    seen = {}

    def mail(m):
        addr = m.group(0).lower()
        if addr not in seen:
            seen[addr] = f"<email-{len(seen) + 1}>"
        return seen[addr]

    text, n = EMAIL.subn(mail, text)
    counts["email"] += n
    return text, counts


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    src = sys.stdin if sys.argv[1] == "-" else open(sys.argv[1], encoding="utf-8", errors="replace")
    text, counts = redact(src.read())
    sys.stdout.write(text)
    summary = ", ".join(f"{k}={v}" for k, v in counts.items() if v) or "nothing matched"
    print(f"redacted: {summary}", file=sys.stderr)


if __name__ == "__main__":
    main()
