#!/usr/bin/env python3
"""Find secrets pasted into an Obsidian/Markdown vault. Local only; no network access."""
from __future__ import annotations

import argparse
import base64
import binascii
import datetime as dt
import difflib
import json
import math
import re
import shutil
import sys
from collections import Counter
from pathlib import Path

EXTS = {".md", ".canvas", ".txt", ".json", ".csv", ".yml", ".yaml"}
SKIP_DIRS = {".git", ".trash", ".secretsweep-backup", "node_modules"}

RULES: list[tuple[str, re.Pattern]] = [
    ("github-pat", re.compile(r"\b(ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})\b")),
    ("github-oauth", re.compile(r"\b(gh[ousr]_[A-Za-z0-9]{36})\b")),
    ("gitlab-pat", re.compile(r"\b(glpat-[A-Za-z0-9_-]{20})\b")),
    ("slack-token", re.compile(r"\b(xox[abposr]-[A-Za-z0-9-]{10,})\b")),
    ("slack-webhook", re.compile(r"(https://hooks\.slack\.com/services/T[A-Z0-9]+/B[A-Z0-9]+/[A-Za-z0-9]+)")),
    ("stripe-live", re.compile(r"\b([sr]k_live_[0-9a-zA-Z]{24,})\b")),
    ("aws-access-key", re.compile(r"\b((?:AKIA|ASIA)[A-Z0-9]{16})\b")),
    ("aws-secret-key", re.compile(r"aws_secret_access_key\s*[=:]\s*['\"]?([A-Za-z0-9/+=]{40})")),
    ("google-api-key", re.compile(r"\b(AIza[0-9A-Za-z_-]{35})\b")),
    ("anthropic-key", re.compile(r"\b(sk-ant-[A-Za-z0-9_-]{20,})\b")),
    ("openai-key", re.compile(r"\b(sk-(?:proj-)?(?!ant-)[A-Za-z0-9_-]{20,})\b")),
    ("huggingface-token", re.compile(r"\b(hf_[A-Za-z0-9]{34})\b")),
    ("npm-token", re.compile(r"\b(npm_[A-Za-z0-9]{36})\b")),
    ("pypi-token", re.compile(r"\b(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})")),
    ("private-key", re.compile(r"(-----BEGIN (?:RSA |EC |OPENSSH |DSA |PGP |ENCRYPTED )?PRIVATE KEY(?: BLOCK)?-----)")),
    ("jwt", re.compile(r"\b(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})\b")),
    ("url-password", re.compile(r"\b[a-z][a-z0-9+.-]*://[^\s:/@]+:([^\s@/]{3,})@[^\s/]+", re.I)),
    ("gcp-service-account", re.compile(r"\"private_key\"\s*:\s*\"(-----BEGIN PRIVATE KEY-----[^\"]{20,})")),
]
GENERIC = re.compile(
    r"(?i)(token|secret|passw(?:or)?d|passwd|api[_-]?key|auth)[^\n]{0,30}?[=:]\s*['\"`]?([A-Za-z0-9_\-+/=.]{20,})")
B64_BLOB = re.compile(r"(?<![A-Za-z0-9+/])([A-Za-z0-9+/]{200,}={0,2})(?![A-Za-z0-9+/])")
DATA_URI = re.compile(r"data:[a-z]+/[a-z0-9.+-]+;base64,", re.I)
PLACEHOLDER = re.compile(r"(?i)(x{6,}|your[_-]?|example|changeme|<[^>]+>|\.\.\.|placeholder|dummy|redacted)")


def entropy(s: str) -> float:
    c = Counter(s)
    return -sum(n / len(s) * math.log2(n / len(s)) for n in c.values())


def redact(v: str) -> str:
    return f"{v[:5]}…({len(v)} chars)" if len(v) > 8 else "…"


def b64_is_key_material(blob: str) -> bool:
    try:
        raw = base64.b64decode(blob + "=" * (-len(blob) % 4), validate=True)
    except (binascii.Error, ValueError):
        return False
    head = raw[:64]
    if b"PRIVATE KEY" in raw[:200] or b'"private_key"' in raw:
        return True
    if head.startswith(b"\x30\x82") and len(raw) in range(600, 2500):  # DER sequence, typical RSA key
        return True
    return b"openssh-key-v1" in head


def scan_text(text: str) -> list[dict]:
    hits = []
    for lineno, line in enumerate(text.splitlines(), 1):
        if DATA_URI.search(line):
            continue
        seen = set()
        for rule, rx in RULES:
            for m in rx.finditer(line):
                val = m.group(1)
                if PLACEHOLDER.search(val) or val in seen:
                    continue
                seen.add(val)
                hits.append({"line": lineno, "rule": rule, "value": val})
        for m in GENERIC.finditer(line):
            val = m.group(2)
            if val in seen or PLACEHOLDER.search(val) or entropy(val) < 3.5:
                continue
            hits.append({"line": lineno, "rule": "generic-secret", "value": val})
        for m in B64_BLOB.finditer(line):
            if b64_is_key_material(m.group(1)):
                hits.append({"line": lineno, "rule": "base64-key-material", "value": m.group(1)})
    return hits


def publishable(path: Path, vault: Path) -> bool:
    rel = path.relative_to(vault)
    if rel.parts[0] == ".obsidian":
        return (vault / ".git").exists()
    return True


def iter_files(vault: Path, only_publishable: bool):
    for p in sorted(vault.rglob("*")):
        if not p.is_file() or any(part in SKIP_DIRS for part in p.relative_to(vault).parts):
            continue
        rel = p.relative_to(vault)
        in_obsidian = rel.parts[0] == ".obsidian"
        if in_obsidian and not (len(rel.parts) == 4 and rel.parts[1] == "plugins" and rel.name == "data.json"):
            continue
        if p.suffix.lower() not in EXTS:
            continue
        if only_publishable and not publishable(p, vault):
            continue
        yield p


def load_ignore(vault: Path) -> set[str]:
    f = vault / ".secretsweep-ignore"
    return {l.strip() for l in f.read_text().splitlines() if l.strip() and not l.startswith("#")} if f.exists() else set()


def do_redact(vault: Path, findings: list[dict], rules: set[str] | None) -> None:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    backup = vault / ".secretsweep-backup" / stamp
    by_file: dict[str, list[dict]] = {}
    for f in findings:
        if rules is None or f["rule"] in rules:
            by_file.setdefault(f["file"], []).append(f)
    for rel, items in by_file.items():
        path = vault / rel
        old = path.read_text(encoding="utf-8", errors="replace")
        new = old
        for it in items:
            new = new.replace(it["value"], f"[REDACTED:{it['rule']}]")
        diff = difflib.unified_diff(old.splitlines(), new.splitlines(), rel, rel, lineterm="", n=1)
        shown = [re.sub(r"(\S{5})\S{8,}", r"\1…", l) if l.startswith("-") and not l.startswith("---") else l
                 for l in diff]
        print("\n".join(shown))
        if input(f"Redact {len(items)} value(s) in {rel}? [y/N] ").strip().lower() != "y":
            continue
        dest = backup / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(path, dest)
        path.write_text(new, encoding="utf-8")
        print(f"  redacted; original kept at {dest.relative_to(vault)}")
    gi = vault / ".gitignore"
    if (vault / ".git").exists() and (vault / ".secretsweep-backup").exists():
        lines = gi.read_text().splitlines() if gi.exists() else []
        if ".secretsweep-backup/" not in lines:
            gi.write_text("\n".join(lines + [".secretsweep-backup/"]) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("vault", type=Path)
    ap.add_argument("--publishable", action="store_true")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--redact", action="store_true")
    ap.add_argument("--only", help="comma-separated rule names for --redact")
    args = ap.parse_args()
    vault = args.vault.expanduser().resolve()
    if not vault.is_dir():
        sys.exit(f"error: {vault} is not a directory")

    ignore = load_ignore(vault)
    findings = []
    for p in iter_files(vault, args.publishable):
        text = p.read_text(encoding="utf-8", errors="replace")
        for h in scan_text(text):
            rel = str(p.relative_to(vault))
            if f"{rel}:{h['line']}:{h['rule']}" in ignore:
                continue
            findings.append({"file": rel, **h})

    if args.redact:
        do_redact(vault, findings, set(args.only.split(",")) if args.only else None)
        return
    public = [{**f, "value": redact(f["value"])} for f in findings]
    if args.json:
        json.dump(public, sys.stdout, indent=2)
        print()
        return
    if not public:
        print("No secrets found.")
        return
    width = max(len(f"{f['file']}:{f['line']}") for f in public)
    for f in public:
        print(f"{f['file'] + ':' + str(f['line']):<{width}}  {f['rule']:<20} {f['value']}")
    counts = Counter(f["rule"] for f in public)
    print(f"\n{len(public)} finding(s): " + ", ".join(f"{k}={v}" for k, v in counts.most_common()))


if __name__ == "__main__":
    main()
