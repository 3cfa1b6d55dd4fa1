#!/usr/bin/env python3
"""Lint Claude Code custom slash command files (*.md with YAML front matter)."""
from __future__ import annotations

import re
import sys
from pathlib import Path

try:
    import yaml
except ImportError:
    sys.exit("pip install --user pyyaml")

BANG = re.compile(r"!`([^`]+)`")
AT_REF = re.compile(r"(?<![\w/])@([\w./-]+\.\w+)")
REMOTE_WRITE = re.compile(
    r"\b(git push|gh pr merge|gh release create|npm publish|cargo publish|twine upload|"
    r"kubectl (apply|delete)|terraform (apply|destroy)|rm -rf|docker push)\b")


def split_front_matter(text: str):
    if not text.startswith("---"):
        return None, text
    end = text.find("\n---", 3)
    if end == -1:
        return None, text
    return text[3:end], text[end + 4:]


def tool_patterns(allowed) -> list[str]:
    if allowed is None:
        return []
    if isinstance(allowed, str):
        allowed = [a.strip() for a in re.split(r",(?![^()]*\))", allowed)]
    return [a for a in allowed if a]


def bash_allowed(cmd: str, patterns: list[str]) -> bool:
    for p in patterns:
        m = re.fullmatch(r"Bash(?:\((.*)\))?", p)
        if not m:
            continue
        spec = m.group(1)
        if spec in (None, "*", ""):
            return True
        prefix = spec[:-2] if spec.endswith(":*") else spec
        if cmd.strip().startswith(prefix):
            return True
    return False


def lint_file(path: Path, repo_root: Path) -> list[str]:
    issues = []
    fm_text, body = split_front_matter(path.read_text(encoding="utf-8"))
    fm = {}
    if fm_text is None:
        issues.append("no front matter (description will be taken from the first line)")
    else:
        try:
            fm = yaml.safe_load(fm_text) or {}
        except yaml.YAMLError as e:
            return [f"front matter is not valid YAML: {e}"]
    if not fm.get("description"):
        issues.append("missing description")
    if re.search(r"\$(ARGUMENTS|\d)", body) and not fm.get("argument-hint"):
        issues.append("uses arguments but has no argument-hint")
    patterns = tool_patterns(fm.get("allowed-tools"))
    for p in patterns:
        if p in ("Bash", "Bash(*)", "Bash(:*)"):
            issues.append(f"unscoped allowed-tools entry '{p}': list specific commands instead")
        if REMOTE_WRITE.search(p):
            hint = "" if fm.get("disable-model-invocation") else "; also set disable-model-invocation: true"
            issues.append(f"pre-allows a state-changing command '{p}': prefer a prompt{hint}")
    for cmd in BANG.findall(body):
        if not bash_allowed(cmd, patterns):
            issues.append(f"inline command not covered by allowed-tools: !`{cmd}`")
        if REMOTE_WRITE.search(cmd):
            issues.append(f"inline command changes remote/local state before the prompt is even shown: !`{cmd}`")
    for ref in AT_REF.findall(body):
        if not (repo_root / ref).exists():
            issues.append(f"@{ref} does not exist relative to {repo_root}")
    return issues


def main(argv: list[str]) -> int:
    roots = [Path(a).expanduser() for a in argv] or [Path(".claude/commands")]
    seen: dict[str, Path] = {}
    total = 0
    for root in roots:
        if not root.is_dir():
            print(f"skip {root}: not a directory", file=sys.stderr)
            continue
        repo_root = root.parent.parent if root.parent.name == ".claude" else Path.cwd()
        for f in sorted(root.rglob("*.md")):
            name = ":".join(f.relative_to(root).with_suffix("").parts)
            if name in seen:
                print(f"{f}: /{name} also defined in {seen[name]}")
            seen[name] = f
            for issue in lint_file(f, repo_root):
                print(f"{f}: {issue}")
                total += 1
    print(f"{total} issue(s) in {len(seen)} command(s)", file=sys.stderr)
    return 1 if total else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
