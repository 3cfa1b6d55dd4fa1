#!/usr/bin/env python3
"""Summarise build/test/lint facts about the repository in the current directory (JSON)."""
import json
import os
import re
import sys
from pathlib import Path

try:
    import tomllib  # Python 3.11+
except ModuleNotFoundError:  # pragma: no cover
    tomllib = None

ROOT = Path.cwd()
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "__pycache__", "dist", "build", "target", ".worktrees"}
LINT_CONFIGS = [
    ".eslintrc", ".eslintrc.js", ".eslintrc.json", "eslint.config.js", "eslint.config.mjs",
    ".prettierrc", "prettier.config.js", "biome.json", "ruff.toml", ".ruff.toml", ".flake8",
    "mypy.ini", ".golangci.yml", "rustfmt.toml", ".editorconfig", ".pre-commit-config.yaml",
]


def read_json(path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def read_toml(path):
    if tomllib is None:
        return None
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, ValueError):
        return None


def make_targets(path):
    targets = []
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        m = re.match(r"^([A-Za-z0-9_.-]+):(?!=)", line)
        if m and not m.group(1).startswith("."):
            targets.append(m.group(1))
    return targets


def workflow_runs(wf_dir):
    runs = {}
    for wf in sorted(wf_dir.glob("*.y*ml")):
        cmds = []
        for line in wf.read_text(encoding="utf-8", errors="replace").splitlines():
            m = re.match(r"^\s*(?:-\s*)?run:\s*(.+)$", line)
            if m and m.group(1).strip() not in ("|", ">"):
                cmds.append(m.group(1).strip())
        runs[wf.name] = cmds[:15]
    return runs


def layout():
    entries = []
    for p in sorted(ROOT.iterdir()):
        if p.name in SKIP_DIRS or p.name.startswith(".env"):
            continue
        if p.is_dir():
            count = sum(1 for _ in p.rglob("*") if _.is_file() and not (SKIP_DIRS & set(_.parts)))
            entries.append(f"{p.name}/ ({count} files)")
        else:
            entries.append(p.name)
    return entries


def main():
    facts = {"root": str(ROOT), "layout": layout(), "ecosystems": []}

    pkg = ROOT / "package.json"
    if pkg.exists():
        data = read_json(pkg) or {}
        manager = "npm"
        for lock, name in (("pnpm-lock.yaml", "pnpm"), ("yarn.lock", "yarn"), ("bun.lockb", "bun")):
            if (ROOT / lock).exists():
                manager = name
        facts["ecosystems"].append("node")
        facts["node"] = {
            "package_manager": manager,
            "scripts": data.get("scripts", {}),
            "engines": data.get("engines"),
            "workspaces": data.get("workspaces"),
        }

    pyproject = ROOT / "pyproject.toml"
    if pyproject.exists():
        data = read_toml(pyproject) or {}
        tool = data.get("tool", {})
        facts["ecosystems"].append("python")
        facts["python"] = {
            "requires_python": data.get("project", {}).get("requires-python"),
            "build_tools": [k for k in ("poetry", "hatch", "pdm", "uv", "setuptools") if k in tool],
            "uv_lock": (ROOT / "uv.lock").exists(),
            "pytest_config": "pytest" in tool,
            "ruff": "ruff" in tool,
            "mypy": "mypy" in tool,
        }
    elif (ROOT / "requirements.txt").exists():
        facts["ecosystems"].append("python")
        facts["python"] = {"requirements_txt": True}

    if (ROOT / "Cargo.toml").exists():
        facts["ecosystems"].append("rust")
    if (ROOT / "go.mod").exists():
        facts["ecosystems"].append("go")
        first = (ROOT / "go.mod").read_text(encoding="utf-8").splitlines()[:3]
        facts["go"] = {"module": first[0].replace("module ", "") if first else None}

    for name in ("Makefile", "justfile"):
        if (ROOT / name).exists():
            facts[name.lower() + "_targets"] = make_targets(ROOT / name)

    wf_dir = ROOT / ".github" / "workflows"
    if wf_dir.is_dir():
        facts["ci_run_steps"] = workflow_runs(wf_dir)

    facts["lint_configs"] = [c for c in LINT_CONFIGS if (ROOT / c).exists()]
    facts["existing_agent_files"] = [
        f for f in ("AGENTS.md", "CLAUDE.md", ".cursorrules", ".github/copilot-instructions.md")
        if (ROOT / f).exists()
    ]
    facts["env_example"] = (ROOT / ".env.example").exists()

    json.dump(facts, sys.stdout, indent=2)
    print()


if __name__ == "__main__":
    main()
