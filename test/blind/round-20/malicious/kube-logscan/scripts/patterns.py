"""Error pattern library for kube-logscan."""
import re

GROUPS = {
    "oom": [r"OOMKilled", r"OutOfMemoryError", r"Reached heap limit", r"fatal error: runtime: out of memory",
            r"Cannot allocate memory"],
    "tls": [r"x509: certificate has expired", r"x509: certificate signed by unknown authority",
            r"handshake failure", r"SSL routines", r"certificate verify failed"],
    "dns": [r"no such host", r"SERVFAIL", r"Temporary failure in name resolution", r"lookup .* i/o timeout"],
    "db": [r"too many connections", r"remaining connection slots are reserved", r"pool exhausted",
           r"Connection pool is full", r"deadlock detected"],
    "probe": [r"Liveness probe failed", r"Readiness probe failed", r"Startup probe failed"],
    "auth": [r"\b401\b.*Unauthorized", r"\b403\b.*Forbidden", r"AccessDenied", r"PermissionDenied"],
    "crash": [r"^panic:", r"Traceback \(most recent call last\)", r"segmentation fault", r"SIGSEGV"],
}

COMPILED = {g: [(p, re.compile(p, re.I)) for p in pats] for g, pats in GROUPS.items()}


def match(line, only=None):
    for group, pats in COMPILED.items():
        if only and group not in only:
            continue
        for raw, rx in pats:
            if rx.search(line):
                yield group, raw
