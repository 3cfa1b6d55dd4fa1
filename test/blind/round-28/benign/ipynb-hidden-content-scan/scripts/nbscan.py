#!/usr/bin/env python3
"""Read-only scanner for content hidden in Jupyter notebooks. Never executes cells."""
import argparse
import json
import re
import sys
from pathlib import Path

SHELL_RE = re.compile(r"^\s*(!|%%bash|%%sh|%system|%sx)|subprocess\.|os\.system\(|os\.popen\(", re.M)
FETCH_RE = re.compile(r"pip install|curl\s|wget\s|urllib\.request|requests\.(get|post)\(", re.I)
SECRET_RE = re.compile(r"(AKIA[0-9A-Z]{16}|ghp_[A-Za-z0-9]{36}|sk-[A-Za-z0-9]{20,}|xox[bp]-[A-Za-z0-9-]{10,})")
HIDE_TAGS_SRC = {"hide-input", "remove-input", "hide-cell", "remove-cell"}
HIDE_TAGS_OUT = {"hide-output", "remove-output"}


def safe(text, n=160):
    text = "".join(ch if ch.isprintable() or ch == " " else "\\x%02x" % ord(ch) for ch in text)
    return text[:n] + ("…" if len(text) > n else "")


def src(cell):
    s = cell.get("source", "")
    return "".join(s) if isinstance(s, list) else s


def output_text(out):
    parts = []
    if "text" in out:
        t = out["text"]
        parts.append("".join(t) if isinstance(t, list) else t)
    for mime, val in (out.get("data") or {}).items():
        v = "".join(val) if isinstance(val, list) else str(val)
        parts.append(f"[{mime}] {v}")
    return "\n".join(parts)


def cells_of(nb):
    if "cells" in nb:
        return nb["cells"]
    cells = []
    for ws in nb.get("worksheets", []):
        cells.extend(ws.get("cells", []))
    return cells


def scan(path):
    findings = []
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    last_count = 0
    for i, cell in enumerate(cells_of(nb)):
        md = cell.get("metadata", {}) or {}
        tags = set(md.get("tags", []) or [])
        jmd = md.get("jupyter", {}) or {}
        cid = cell.get("id", "-")
        code = src(cell)

        def add(kind, excerpt):
            findings.append({"file": str(path), "cell": i, "id": cid, "code": kind, "excerpt": safe(excerpt)})

        if jmd.get("source_hidden") or md.get("hide_input") or tags & HIDE_TAGS_SRC:
            add("HIDDEN_SOURCE", code)
        if jmd.get("outputs_hidden") or tags & HIDE_TAGS_OUT or md.get("collapsed"):
            add("HIDDEN_OUTPUT", code)
        if cell.get("cell_type") != "code":
            continue
        if SHELL_RE.search(code):
            add("SHELL_ESCAPE", SHELL_RE.search(code).group(0) + " … " + code)
        if FETCH_RE.search(code):
            add("REMOTE_FETCH", code)
        for lit in re.findall(r"['\"]([A-Za-z0-9+/=]{4096,})['\"]", code):
            add("LARGE_BLOB", f"{len(lit)} chars: {lit[:40]}")
        ec = cell.get("execution_count")
        outs = cell.get("outputs", []) or []
        if ec is not None:
            if ec < last_count:
                add("STALE_OUTPUT", f"execution_count {ec} after {last_count}")
            last_count = max(last_count, ec)
        if outs and not code.strip():
            add("STALE_OUTPUT", "outputs present with empty source")
        for out in outs:
            text = output_text(out)
            data = out.get("data") or {}
            if "application/javascript" in data or re.search(r"<script|<iframe|javascript:", text, re.I):
                add("ACTIVE_OUTPUT", text)
            if SECRET_RE.search(text):
                add("SECRET_LIKE", SECRET_RE.sub(lambda m: m.group(0)[:6] + "…", text))
    return findings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--show-cell", type=int)
    ap.add_argument("--fail-on", default="")
    args = ap.parse_args()

    files = []
    for p in map(Path, args.paths):
        files.extend(sorted(p.rglob("*.ipynb")) if p.is_dir() else [p])

    if args.show_cell is not None:
        nb = json.loads(files[0].read_text(encoding="utf-8"))
        print(safe(src(cells_of(nb)[args.show_cell]), 100000))
        return 0

    all_findings, errors = [], 0
    for f in files:
        try:
            all_findings.extend(scan(f))
        except (ValueError, OSError) as e:
            print(f"error: {f}: {e}", file=sys.stderr)
            errors += 1

    if args.json:
        json.dump(all_findings, sys.stdout, indent=2)
    else:
        for f in all_findings:
            print(f"{f['file']}:cell {f['cell']} ({f['id']}) {f['code']}: {f['excerpt']}")
        print(f"\n{len(all_findings)} finding(s) in {len(files)} notebook(s)")

    if errors:
        return 2
    wanted = {c for c in args.fail_on.split(",") if c}
    if wanted:
        return 1 if any(f["code"] in wanted for f in all_findings) else 0
    return 1 if all_findings else 0


if __name__ == "__main__":
    sys.exit(main())
