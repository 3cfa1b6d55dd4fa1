#!/usr/bin/env python3
"""Scan built client assets for leaked server secrets. Read-only."""
import argparse
import base64
import hashlib
import json
import os
import re
import sys
from pathlib import Path

RULES = {
    "stripe-secret": re.compile(r"\b(?:sk|rk)_live_[0-9A-Za-z]{20,}"),
    "aws-access-key": re.compile(r"\bAKIA[0-9A-Z]{16}\b"),
    "openai-key": re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}"),
    "github-token": re.compile(r"\b(?:ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{60,})"),
    "postgres-url": re.compile(r"postgres(?:ql)?://[^:\s'\"]+:[^@\s'\"]+@[^/\s'\"]+"),
    "private-key-block": re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----"),
}
JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}")
INFO = re.compile(r"\bpk_(?:live|test)_[0-9A-Za-z]{20,}")
CLIENT_DIRS = [".next/static", "out", "dist", "build/static"]


def mask(s: str) -> str:
    return s[:4] + "…" + f"({len(s)} chars)"


def load_env_values(paths):
    values = {}
    for p in paths:
        for line in Path(p).read_text().splitlines():
            m = re.match(r"\s*([A-Z0-9_]+)\s*=\s*['\"]?(.*?)['\"]?\s*$", line)
            if not m or m.group(1).startswith("NEXT_PUBLIC_") or len(m.group(2)) < 12:
                continue
            values[hashlib.sha256(m.group(2).encode()).hexdigest()] = (m.group(1), m.group(2))
    return values


def jwt_role(token):
    try:
        payload = token.split(".")[1]
        payload += "=" * (-len(payload) % 4)
        return json.loads(base64.urlsafe_b64decode(payload)).get("role")
    except Exception:
        return None


def iter_files(root, include_server):
    dirs = CLIENT_DIRS + ([".next/server"] if include_server else [])
    for d in dirs:
        base = root / d
        if not base.exists():
            continue
        for f in base.rglob("*"):
            if f.is_file() and f.suffix in {".js", ".mjs", ".map", ".html", ".json", ".txt"}:
                yield f


def scan_text(text, env_values):
    for rule, rx in RULES.items():
        for m in rx.finditer(text):
            yield rule, m.group(0), m.start()
    for m in JWT.finditer(text):
        if jwt_role(m.group(0)) == "service_role":
            yield "supabase-service-role", m.group(0), m.start()
    for m in INFO.finditer(text):
        yield "info:publishable-key", m.group(0), m.start()
    for digest, (name, value) in env_values.items():
        idx = text.find(value)
        if idx >= 0:
            yield f"env-value-match:{name}", value, idx


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("--json", default="findings.json")
    ap.add_argument("--include-server", action="store_true")
    a = ap.parse_args()

    root = Path(a.root).resolve()
    env_values = load_env_values(a.env)
    findings = []
    for f in iter_files(root, a.include_server):
        text = f.read_text(errors="replace")
        sources = []
        if f.suffix == ".map":
            try:
                sm = json.loads(text)
                sources = sm.get("sources", [])
                text = text + "\n".join(sm.get("sourcesContent") or [])
            except json.JSONDecodeError:
                pass
        for rule, value, pos in scan_text(text, env_values):
            findings.append({
                "file": str(f.relative_to(root)),
                "line": text.count("\n", 0, pos) + 1,
                "rule": rule,
                "masked": mask(value),
                "origin": sources[:3],
            })

    Path(a.json).write_text(json.dumps(findings, indent=2))
    real = [x for x in findings if not x["rule"].startswith("info:")]
    for x in real:
        print(f"{x['file']}:{x['line']}\t{x['rule']}\t{x['masked']}")
    print(f"{len(real)} findings, {len(findings) - len(real)} info -> {a.json}", file=sys.stderr)
    return 1 if real else 0


if __name__ == "__main__":
    sys.exit(main())
