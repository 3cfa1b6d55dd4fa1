#!/usr/bin/env python3
"""Scan React Native / Expo bundles (JS or Hermes bytecode) for shipped secrets."""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, asdict
from pathlib import Path

HERMES_MAGIC = bytes.fromhex("c61fbc03c103191f")
BUNDLE_NAMES = re.compile(r"(index\.(android|ios)\.bundle|main\.jsbundle|.*\.hbc|.*\.bundle|.*\.js)$")

RULES = [
    # (id, class, regex)
    ("aws-access-key-id", "secret", r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    ("aws-secret-key", "secret", r"(?i)aws.{0,20}secret.{0,20}['\"]([A-Za-z0-9/+=]{40})['\"]"),
    ("stripe-secret", "secret", r"\b(sk|rk)_live_[0-9A-Za-z]{24,}\b"),
    ("stripe-publishable", "public", r"\bpk_live_[0-9A-Za-z]{24,}\b"),
    ("openai-key", "secret", r"\bsk-(proj-)?[A-Za-z0-9_-]{32,}\b"),
    ("anthropic-key", "secret", r"\bsk-ant-[A-Za-z0-9_-]{32,}\b"),
    ("github-token", "secret", r"\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b"),
    ("slack-token", "secret", r"\bxox[baprs]-[A-Za-z0-9-]{10,}\b"),
    ("sendgrid-key", "secret", r"\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}\b"),
    ("twilio-sid", "context", r"\bAC[0-9a-f]{32}\b"),
    ("private-key", "secret", r"-----BEGIN (RSA |EC |OPENSSH |DSA |)PRIVATE KEY-----"),
    ("db-url-with-password", "secret", r"\b(postgres(ql)?|mysql|mongodb(\+srv)?|redis)://[^:\s'\"]+:[^@\s'\"]+@[^\s'\"]+"),
    ("google-api-key", "context", r"\bAIza[0-9A-Za-z_\-]{35}\b"),
    ("sentry-dsn", "public", r"https://[0-9a-f]{32}@[a-z0-9.]+\.ingest\.(us\.)?sentry\.io/\d+"),
    ("mapbox-public", "public", r"\bpk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{10,}\b"),
    ("mapbox-secret", "secret", r"\bsk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{10,}\b"),
    ("jwt", "context", r"\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\b"),
    ("internal-host", "context", r"\bhttps?://[a-z0-9.-]+\.(internal|corp|local|lan|intranet)\b[^\s'\"]*"),
    ("generic-assignment", "context", r"(?i)\b(api[_-]?key|secret|token|passwd|password)\b\s*[:=]\s*['\"]([^'\"\s]{16,})['\"]"),
]
COMPILED = [(rid, cls, re.compile(rx)) for rid, cls, rx in RULES]
FIREBASE_CONTEXT = re.compile(r"(projectId|authDomain|messagingSenderId|storageBucket)")


@dataclass
class Finding:
    rule: str
    cls: str
    file: str
    offset: int
    value: str
    source: str = ""


def mask(v: str) -> str:
    return v if len(v) <= 14 else f"{v[:8]}…{v[-3:]}"


def read_text(path: Path) -> str:
    raw = path.read_bytes()
    if raw.startswith(HERMES_MAGIC):
        # Hermes bytecode: pull out printable runs (the string table is stored as text).
        runs = re.findall(rb"[\x20-\x7e]{6,}", raw)
        return "\n".join(r.decode("ascii", "replace") for r in runs)
    return raw.decode("utf-8", "replace")


def load_sourcemap(path: Path):
    try:
        sm = json.loads(path.read_text())
        return sm.get("sources", []), sm.get("sourcesContent") or []
    except Exception:
        return [], []


def find_source(value: str, sources, contents) -> str:
    for name, content in zip(sources, contents):
        if content and value in content:
            return name
    return ""


def scan_file(path: Path, show: bool, sources, contents, ignore: list[str]) -> list[Finding]:
    text = read_text(path)
    out = []
    seen = set()
    for rid, cls, rx in COMPILED:
        for m in rx.finditer(text):
            value = m.group(m.lastindex) if rid in ("aws-secret-key", "generic-assignment") and m.lastindex else m.group(0)
            if (rid, value) in seen:
                continue
            seen.add((rid, value))
            klass = cls
            if rid == "google-api-key":
                window = text[max(0, m.start() - 400): m.end() + 400]
                if FIREBASE_CONTEXT.search(window):
                    klass = "public"
            src = find_source(value, sources, contents) if sources else ""
            if src and any(src.startswith(i) or i in src for i in ignore):
                continue
            out.append(Finding(rid, klass, str(path), m.start(), value if show else mask(value), src))
    return out


def candidates(root: Path) -> list[Path]:
    if root.is_file():
        return [root]
    return sorted(p for p in root.rglob("*") if p.is_file() and BUNDLE_NAMES.match(p.name) and p.stat().st_size > 0)


def selftest() -> int:
    here = Path(__file__).resolve().parent.parent / "tests" / "fixtures"
    expected = json.loads((here / "expected.json").read_text())
    got = {}
    for p in candidates(here):
        if p.name == "expected.json":
            continue
        for f in scan_file(p, False, [], [], []):
            got.setdefault(f.rule, f.cls)
    bad = {k: v for k, v in expected.items() if got.get(k) != v}
    for k, v in expected.items():
        print(f"{'ok ' if k not in bad else 'FAIL'} {k:<22} expected {v:<8} got {got.get(k)}")
    return 1 if bad else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("path", nargs="?", type=Path)
    ap.add_argument("--format", choices=["table", "json"], default="table")
    ap.add_argument("--show-values", action="store_true", help="print unmasked values (avoid in shared output)")
    ap.add_argument("--sourcemap", type=Path)
    ap.add_argument("--ignore-source", action="append", default=[])
    ap.add_argument("--fail-on", choices=["secret", "context", "never"], default="never")
    ap.add_argument("--selftest", action="store_true")
    args = ap.parse_args()

    if args.selftest:
        return selftest()
    if not args.path:
        ap.error("path to a bundle, export dir or unzipped app is required")

    sources, contents = load_sourcemap(args.sourcemap) if args.sourcemap else ([], [])
    findings: list[Finding] = []
    files = candidates(args.path)
    for p in files:
        if p.suffix == ".map" and not args.sourcemap:
            continue
        findings += scan_file(p, args.show_values, sources, contents, args.ignore_source)

    order = {"secret": 0, "context": 1, "public": 2}
    findings.sort(key=lambda f: (order[f.cls], f.rule))
    if args.format == "json":
        print(json.dumps([asdict(f) for f in findings], indent=2))
    else:
        print(f"scanned {len(files)} file(s)")
        print(f"{'class':<8} {'rule':<22} {'value':<24} where")
        for f in findings:
            where = f.source or f"{Path(f.file).name}@{f.offset}"
            print(f"{f.cls:<8} {f.rule:<22} {f.value:<24} {where}")
        counts = {k: sum(f.cls == k for f in findings) for k in order}
        print(f"\n{counts['secret']} secret, {counts['context']} needs-context, {counts['public']} public-by-design")

    if args.fail_on == "secret" and any(f.cls == "secret" for f in findings):
        return 1
    if args.fail_on == "context" and any(f.cls in ("secret", "context") for f in findings):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
