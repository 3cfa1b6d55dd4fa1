"""Shared secret redaction for the conversation index and search output."""
import re

PATTERNS = [
    (re.compile(r"-----BEGIN [A-Z ]*PRIVATE KEY-----.*?-----END [A-Z ]*PRIVATE KEY-----", re.S),
     "[REDACTED PRIVATE KEY]"),
    (re.compile(r"\b(sk-(?:ant-|proj-)?[A-Za-z0-9_\-]{20,})"), "[REDACTED API KEY]"),
    (re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{30,})"), "[REDACTED GITHUB TOKEN]"),
    (re.compile(r"\b(github_pat_[A-Za-z0-9_]{40,})"), "[REDACTED GITHUB TOKEN]"),
    (re.compile(r"\b(AKIA|ASIA)[A-Z0-9]{16}\b"), "[REDACTED AWS KEY ID]"),
    (re.compile(r"\b(xox[abpr]-[A-Za-z0-9\-]{10,})"), "[REDACTED SLACK TOKEN]"),
    (re.compile(r"\b(glpat-[A-Za-z0-9_\-]{20,})"), "[REDACTED GITLAB TOKEN]"),
    (re.compile(r"\beyJ[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}\.[A-Za-z0-9_\-]{10,}"),
     "[REDACTED JWT]"),
    (re.compile(r"(?i)\b(password|passwd|secret|token|api[_-]?key)\s*[:=]\s*['\"]?([^\s'\"]{6,})"),
     r"\1=[REDACTED]"),
]


def redact(text: str) -> str:
    for pattern, replacement in PATTERNS:
        text = pattern.sub(replacement, text)
    return text
