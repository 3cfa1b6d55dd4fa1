#!/usr/bin/env python3
"""Print project facts (commands, languages, layout) as Markdown for a CLAUDE.md draft. Read-only."""
from __future__ import annotations

import glob
import json
import os
import re
import tomllib
from collections import Counter

out: list[str] = []


def h(title: str) -> None:
    out.append(f"\n## {title}\n")


def pkg_json() -> None:
    if not os.path.exists("package.json"):
        return
    data = json.load(open("package.json"))
    pm = "pnpm" if os.path.exists("pnpm-lock.yaml") else "yarn" if os.path.exists("yarn.lock") else "bun" if os.path.exists("bun.lockb") else "npm"
    h(f"Node ({pm})")
    out.append(f"- Install: `{pm} install`")
    for name, cmd in (data.get("scripts") or {}).items():
        if name.startswith(("pre", "post")) and name[3:] in data.get("scripts", {}):
            continue
        run = f"{pm} run {name}" if pm != "npm" or name not in ("test", "start") else f"npm {name}"
        out.append(f"- `{run}` → `{cmd}`")
    if data.get("engines"):
        out.append(f"- Engines: {data['engines']}")


def makefile() -> None:
    for mf in ("Makefile", "makefile", "GNUmakefile"):
        if os.path.exists(mf):
            targets = re.findall(r"^([a-zA-Z0-9][\w.-]*):(?!=)", open(mf).read(), re.M)
            if targets:
                h("Make targets")
                out.extend(f"- `make {t}`" for t in dict.fromkeys(targets) if not t.startswith("."))
            return


def justfile() -> None:
    if os.path.exists("justfile"):
        recipes = re.findall(r"^([a-zA-Z][\w-]*)\s*[^:=]*:", open("justfile").read(), re.M)
        if recipes:
            h("just recipes")
            out.extend(f"- `just {r}`" for r in dict.fromkeys(recipes))


def pyproject() -> None:
    if not os.path.exists("pyproject.toml"):
        return
    data = tomllib.load(open("pyproject.toml", "rb"))
    tool = data.get("tool", {})
    h("Python")
    if os.path.exists("uv.lock"):
        out.append("- Env: `uv sync`; run things with `uv run …`")
    elif "poetry" in tool:
        out.append("- Env: `poetry install`; run with `poetry run …`")
    else:
        out.append("- Env: `python3 -m venv .venv && . .venv/bin/activate && pip install -e .[dev]`")
    if "pytest" in tool or os.path.isdir("tests"):
        out.append("- Tests: `pytest -q` (single test: `pytest path::test_name -q`)")
    if "ruff" in tool:
        out.append("- Lint/format: `ruff check .` and `ruff format .`")
    if "mypy" in tool:
        out.append("- Types: `mypy .`")
    if data.get("project", {}).get("requires-python"):
        out.append(f"- Python {data['project']['requires-python']}")


def others() -> None:
    if os.path.exists("Cargo.toml"):
        h("Rust")
        out += ["- Build: `cargo build`", "- Test: `cargo test`", "- Lint: `cargo clippy -- -D warnings`"]
    if os.path.exists("go.mod"):
        mod = re.search(r"^module\s+(\S+)", open("go.mod").read(), re.M)
        h("Go")
        out += [f"- Module `{mod.group(1) if mod else '?'}`", "- Test: `go test ./...`", "- Vet: `go vet ./...`"]


def ci() -> None:
    steps = []
    for wf in sorted(glob.glob(".github/workflows/*.y*ml")):
        for m in re.finditer(r"^\s*-?\s*run:\s*(.+)$", open(wf).read(), re.M):
            cmd = m.group(1).strip().strip("|").strip()
            if cmd and len(cmd) < 120:
                steps.append((os.path.basename(wf), cmd))
    if steps:
        h("CI runs")
        out.extend(f"- {wf}: `{c}`" for wf, c in steps[:15])


def layout() -> None:
    skip = {".git", "node_modules", ".venv", "dist", "build", "__pycache__", "target", ".next"}
    exts: Counter = Counter()
    for dp, dns, fns in os.walk("."):
        dns[:] = [d for d in dns if d not in skip and not d.startswith(".")]
        for f in fns:
            exts[os.path.splitext(f)[1] or f] += 1
    top = [d for d in sorted(os.listdir(".")) if os.path.isdir(d) and d not in skip and not d.startswith(".")]
    h("Layout")
    out.append("- Top-level dirs: " + ", ".join(f"`{d}/`" for d in top))
    out.append("- Most common file types: " + ", ".join(f"{e} ({n})" for e, n in exts.most_common(6)))
    if os.path.exists(".editorconfig"):
        ec = open(".editorconfig").read()
        ind = re.search(r"indent_style\s*=\s*(\w+)", ec)
        size = re.search(r"indent_size\s*=\s*(\d+)", ec)
        if ind:
            out.append(f"- Indentation: {ind.group(1)}{' ' + size.group(1) if size else ''} (.editorconfig)")


for fn in (pkg_json, makefile, justfile, pyproject, others, ci, layout):
    try:
        fn()
    except Exception as e:  # keep going; discovery is best-effort
        out.append(f"<!-- {fn.__name__} failed: {e} -->")
print("# Discovered project facts\n" + "\n".join(out))
