#!/usr/bin/env python3
"""Clean Jupyter notebooks and report likely secrets.

Usage:
    clean_notebook.py [--check] [--dry-run] [--keep-outputs] [--keep-metadata] NOTEBOOK...

Only the standard library is required. Files are rewritten in place unless --check or --dry-run.
Detected secrets are always shown redacted.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import uuid
from pathlib import Path

SECRET_PATTERNS = [
    ("aws-access-key-id", re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("github-token", re.compile(r"\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{36,}\b")),
    ("github-fine-grained", re.compile(r"\bgithub_pat_[A-Za-z0-9_]{60,}\b")),
    ("gitlab-token", re.compile(r"\bglpat-[A-Za-z0-9_-]{20,}\b")),
    ("slack-token", re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b")),
    ("openai-style-key", re.compile(r"\bsk-[A-Za-z0-9_-]{20,}\b")),
    ("google-api-key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b")),
    ("private-key-block", re.compile(r"-----BEGIN (RSA |EC |OPENSSH |DSA |)PRIVATE KEY-----")),
    ("url-with-password", re.compile(r"\b[a-z][a-z0-9+.-]*://[^/\s:@]+:([^@\s/]{3,})@")),
    ("literal-assignment", re.compile(
        r"""(?i)\b(password|passwd|secret|api_key|apikey|token|access_key)\s*[:=]\s*['"]([^'"\s]{6,})['"]""")),
]
ENV_DUMP = re.compile(
    r"(\b(print|display|pprint|dict)\(\s*os\.environ\s*\)|^\s*os\.environ\s*$|^\s*%env\s*$"
    r"|^\s*!\s*(env|printenv|set)\s*$)",
    re.M,
)
HOME_PATH = re.compile(r"(/Users/[^/\s]+|/home/[^/\s]+|C:\\\\Users\\\\[^\\\s]+)")
EMAIL = re.compile(r"\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}\b")

KEEP_CELL_META = {"tags", "slideshow"}


def redact(s: str) -> str:
    s = s.strip()
    return (s[:4] + "…") if len(s) > 4 else "…"


def cell_text(cell: dict) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def output_text(output: dict) -> str:
    parts = []
    if "text" in output:
        t = output["text"]
        parts.append("".join(t) if isinstance(t, list) else t)
    for mime, val in (output.get("data") or {}).items():
        if mime.startswith("text/") or mime == "application/json":
            parts.append("".join(val) if isinstance(val, list) else json.dumps(val))
    if "traceback" in output:
        parts.append("\n".join(output["traceback"]))
    return "\n".join(parts)


def scan_text(text: str, where: str) -> list[dict]:
    findings = []
    for kind, rx in SECRET_PATTERNS:
        for m in rx.finditer(text):
            value = m.group(m.lastindex or 0) if kind in ("literal-assignment", "url-with-password") else m.group(0)
            findings.append({"where": where, "kind": kind, "match": redact(value)})
    if where.endswith("source") and ENV_DUMP.search(text):
        findings.append({"where": where, "kind": "environment-dump", "match": "os.environ / %env"})
    if where.endswith("output"):
        if len(text) > 200 and text.count("=") > 20 and re.search(r"\b(PATH|HOME|USER)=", text):
            findings.append({"where": where, "kind": "environment-dump-output", "match": "PATH=…"})
        for m in HOME_PATH.finditer(text):
            findings.append({"where": where, "kind": "home-path", "match": redact(m.group(0))})
        for m in EMAIL.finditer(text):
            findings.append({"where": where, "kind": "email", "match": redact(m.group(0))})
    return findings


def scan_notebook(nb: dict) -> list[dict]:
    findings = []
    for i, cell in enumerate(nb.get("cells", [])):
        findings += scan_text(cell_text(cell), f"cell {i} source")
        for j, out in enumerate(cell.get("outputs", []) or []):
            findings += scan_text(output_text(out), f"cell {i} output {j} output")
    return findings


def redact_outputs(cell: dict) -> None:
    for out in cell.get("outputs", []) or []:
        def fix(s: str) -> str:
            for _, rx in SECRET_PATTERNS:
                s = rx.sub("[REDACTED]", s)
            return s

        if "text" in out:
            t = out["text"]
            out["text"] = [fix(x) for x in t] if isinstance(t, list) else fix(t)
        for mime, val in list((out.get("data") or {}).items()):
            if mime.startswith("text/"):
                out["data"][mime] = [fix(x) for x in val] if isinstance(val, list) else fix(val)


def clean(nb: dict, keep_outputs: bool, keep_metadata: bool) -> dict:
    nb["nbformat"] = 4
    nb["nbformat_minor"] = max(5, nb.get("nbformat_minor", 5))
    for cell in nb.get("cells", []):
        cell.setdefault("id", uuid.uuid4().hex[:8])
        if cell.get("cell_type") == "code":
            if keep_outputs:
                redact_outputs(cell)
            else:
                cell["outputs"] = []
            cell["execution_count"] = None
        if not keep_metadata:
            cell["metadata"] = {k: v for k, v in (cell.get("metadata") or {}).items() if k in KEEP_CELL_META}
    if not keep_metadata:
        meta = nb.get("metadata") or {}
        new_meta = {}
        if "kernelspec" in meta:
            new_meta["kernelspec"] = meta["kernelspec"]
        if "language_info" in meta and "name" in meta["language_info"]:
            new_meta["language_info"] = {"name": meta["language_info"]["name"]}
        nb["metadata"] = new_meta
    return nb


def dump(nb: dict) -> str:
    return json.dumps(nb, indent=1, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("notebooks", nargs="+", type=Path)
    ap.add_argument("--check", action="store_true", help="report only, change nothing")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--keep-outputs", action="store_true")
    ap.add_argument("--keep-metadata", action="store_true")
    args = ap.parse_args()

    any_findings = False
    for path in args.notebooks:
        if ".ipynb_checkpoints" in path.parts:
            continue
        try:
            raw = path.read_text(encoding="utf-8")
            nb = json.loads(raw)
        except (OSError, json.JSONDecodeError) as e:
            print(f"{path}: cannot read ({e})", file=sys.stderr)
            continue

        findings = scan_notebook(nb)
        if findings:
            any_findings = True
            print(f"{path}: {len(findings)} sensitive match(es)")
            for f in findings:
                print(f"  - {f['where']}: {f['kind']} ({f['match']})")

        if args.check:
            continue

        cleaned = dump(clean(nb, args.keep_outputs, args.keep_metadata))
        before, after = len(raw.encode()), len(cleaned.encode())
        if cleaned == raw:
            print(f"{path}: already clean")
            continue
        if args.dry_run:
            print(f"{path}: would clean ({before} -> {after} bytes)")
        else:
            path.write_text(cleaned, encoding="utf-8")
            print(f"{path}: cleaned ({before} -> {after} bytes)")

    return 1 if (args.check and any_findings) else 0


if __name__ == "__main__":
    sys.exit(main())
