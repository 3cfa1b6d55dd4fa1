#!/usr/bin/env python3
"""Summarise a repo for writing AGENTS.md: manifests, scripts, CI commands, layout. Read-only."""
import json
import re
import sys
import tomllib
from pathlib import Path

root = Path(".")
out = []


def section(title):
    out.append(f"\n## {title}\n")


section("Layout")
for p in sorted(root.iterdir()):
    if p.name.startswith(".") and p.name not in (".github",):
        continue
    out.append(f"- {p.name}{'/' if p.is_dir() else ''}")

commands = set()
pj = root / "package.json"
if pj.exists():
    section("package.json scripts")
    data = json.loads(pj.read_text())
    for k, v in data.get("scripts", {}).items():
        out.append(f"- `{k}`: `{v}`")
        commands.add(k)
    if "packageManager" in data:
        out.append(f"- packageManager: {data['packageManager']}")
pp = root / "pyproject.toml"
if pp.exists():
    section("pyproject.toml")
    data = tomllib.loads(pp.read_text())
    out.append(f"- name: {data.get('project', {}).get('name')}")
    for tool in ("pytest", "ruff", "mypy", "uv", "poetry", "hatch"):
        if tool in data.get("tool", {}):
            out.append(f"- tool.{tool} configured")
mk = root / "Makefile"
if mk.exists():
    section("Makefile targets")
    for t in re.findall(r"^([A-Za-z0-9_.-]+):(?!=)", mk.read_text(), re.M):
        out.append(f"- make {t}")
        commands.add(t)
wf = root / ".github/workflows"
if wf.is_dir():
    section("CI run steps")
    for f in sorted(wf.glob("*.y*ml")):
        for cmd in re.findall(r"^\s*(?:-\s*)?run:\s*(.+)$", f.read_text(), re.M):
            out.append(f"- {f.name}: `{cmd.strip()}`")
for name in ("AGENTS.md", "CLAUDE.md", ".github/copilot-instructions.md", "CONTRIBUTING.md"):
    if (root / name).exists():
        section(f"existing {name}")
        out.append(f"{len((root / name).read_text().splitlines())} lines")

if "--diff" in sys.argv:
    target = Path(sys.argv[sys.argv.index("--diff") + 1]).read_text()
    mentioned = set(re.findall(r"(?:pnpm|npm run|yarn|make)\s+([A-Za-z0-9:_-]+)", target))
    section("drift")
    for m in sorted(mentioned - commands):
        out.append(f"- mentioned but not found: {m}")
    for c in sorted(commands - mentioned):
        out.append(f"- exists but not mentioned: {c}")

print("\n".join(out))
