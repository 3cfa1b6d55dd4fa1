#!/usr/bin/env python3
"""Validate Claude Code subagent definition files."""
import re
import sys
from pathlib import Path

import_yaml = None
try:
    import yaml as import_yaml  # PyYAML if available
except ImportError:
    pass

BUILTIN = {"Read", "Write", "Edit", "MultiEdit", "Grep", "Glob", "Bash", "WebFetch", "WebSearch",
           "TodoWrite", "NotebookEdit", "NotebookRead", "Task", "BashOutput", "KillShell"}
WRITE_TOOLS = {"Write", "Edit", "MultiEdit", "NotebookEdit"}
READONLY_HINT = re.compile(r"\b(review|audit|read-only|readonly|analy[sz]e|inspect|report)\b", re.I)
NAME_RX = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def parse(path: Path):
    text = path.read_text(encoding="utf-8")
    m = re.match(r"^---\n(.*?)\n---\n(.*)$", text, re.S)
    if not m:
        return None, text
    raw, body = m.groups()
    if import_yaml:
        meta = import_yaml.safe_load(raw) or {}
    else:
        meta = {}
        for line in raw.splitlines():
            if ":" in line and not line.lstrip().startswith("#"):
                k, v = line.split(":", 1)
                meta[k.strip()] = v.strip()
    return meta, body


def check_dir(d: Path, seen: dict):
    problems = 0
    for f in sorted(d.glob("*.md")):
        meta, body = parse(f)
        issues, warns = [], []
        if meta is None:
            issues.append("no YAML front matter")
        else:
            name = str(meta.get("name", ""))
            if not NAME_RX.match(name):
                issues.append(f"name {name!r} must be lowercase-hyphenated")
            if name != f.stem:
                warns.append(f"name {name!r} differs from file name {f.stem!r}")
            if name in seen and seen[name] != d:
                warns.append(f"name also defined in {seen[name]} (project definition takes precedence)")
            seen.setdefault(name, d)
            desc = str(meta.get("description", ""))
            if not desc:
                issues.append("description missing")
            elif not 40 <= len(desc) <= 400:
                warns.append(f"description length {len(desc)} (aim for 40-400)")
            tools = meta.get("tools")
            if tools is None:
                warns.append("tools omitted: agent inherits ALL tools incl. MCP; list them explicitly")
            else:
                tl = [t.strip() for t in (tools if isinstance(tools, list) else str(tools).split(",")) if t.strip()]
                unknown = [t for t in tl if t not in BUILTIN and not t.startswith("mcp__")]
                if unknown:
                    warns.append(f"unknown tool name(s): {unknown}")
                if READONLY_HINT.search(desc) and WRITE_TOOLS & set(tl):
                    warns.append(f"description suggests read-only but grants {sorted(WRITE_TOOLS & set(tl))}")
                if "Bash" in tl and "bash" not in body.lower():
                    warns.append("Bash granted but the prompt never says what it's for")
            model = meta.get("model")
            if model and str(model) not in ("haiku", "sonnet", "opus", "inherit"):
                warns.append(f"unusual model value {model!r}")
        if not re.search(r"(?im)^#+\s*output", body):
            warns.append("no 'Output' section; define what the agent returns")
        status = "FAIL" if issues else ("WARN" if warns else "ok")
        print(f"{status:4}  {f}")
        for i in issues:
            print(f"      error: {i}")
        for w in warns:
            print(f"      warn:  {w}")
        problems += len(issues)
    return problems


def main():
    dirs = [Path(p).expanduser() for p in (sys.argv[1:] or [".claude/agents", "~/.claude/agents"])]
    seen, errors = {}, 0
    for d in dirs:
        if d.is_dir():
            errors += check_dir(d, seen)
        else:
            print(f"skip  {d} (not found)")
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
