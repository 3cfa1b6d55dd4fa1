#!/usr/bin/env python3
"""Read-only audit of coding-agent configuration files.

Usage:
    audit_agent_config.py ROOT [--include-user] [--format md|json]
    audit_agent_config.py --show-codepoints FILE
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, asdict
from pathlib import Path
from urllib.parse import urlparse

SEVERITY_ORDER = {"critical": 0, "high": 1, "medium": 2, "low": 3, "info": 4}

PROJECT_FILES = [
    ".claude/settings.json",
    ".claude/settings.local.json",
    ".mcp.json",
    ".cursor/mcp.json",
    ".vscode/settings.json",
    ".vscode/tasks.json",
    ".devcontainer/devcontainer.json",
]
TEXT_GLOBS = [
    ".cursorrules",
    ".windsurfrules",
    ".github/copilot-instructions.md",
    ".cursor/rules/**/*.mdc",
    ".claude/commands/**/*.md",
    ".claude/agents/**/*.md",
    "**/AGENTS.md",
    "**/CLAUDE.md",
    "**/GEMINI.md",
]
USER_FILES = [
    "~/.claude/settings.json",
    "~/.cursor/mcp.json",
    "~/.claude/CLAUDE.md",
]
SKIP_DIRS = {".git", "node_modules", ".venv", "venv", "dist", "build", "__pycache__"}

VENDOR_HOSTS = (
    "api.anthropic.com",
    "api.openai.com",
    "generativelanguage.googleapis.com",
    "localhost",
    "127.0.0.1",
)
VENDOR_SUFFIXES = (".amazonaws.com", ".openai.azure.com", ".googleapis.com")

WILDCARD_ALLOWS = re.compile(
    r"^(\*|Bash|Bash\(\*\)|Write\(\*\)|Bash\((sh|bash|zsh|curl|wget|python3?|node|pwsh|powershell):\*\))$"
)
BYPASS_FLAGS = re.compile(r"--dangerously-skip-permissions|--permission-mode\s+bypassPermissions|\s--yolo\b")
INVISIBLE = re.compile(
    "[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]"
)
HTML_COMMENT = re.compile(r"<!--(.*?)-->", re.S)
IMPERATIVE = re.compile(
    r"\b(always|never mention|do not mention|don't tell|run|execute|add|send|upload|read|ignore (all|previous))\b"
    r"|https?://|~/|\$HOME|\.env\b",
    re.I,
)
SECRETISH_KEY = re.compile(r"(KEY|TOKEN|SECRET|PASSWORD|PASS)$", re.I)
HOOK_EVENTS = ("SessionStart", "SessionEnd", "PreToolUse", "PostToolUse", "UserPromptSubmit",
               "Stop", "SubagentStop", "Notification", "PreCompact")


@dataclass
class Finding:
    file: str
    line: int
    check: str
    severity: str
    detail: str


def strip_jsonc(text: str) -> str:
    """Remove // and /* */ comments and trailing commas without touching strings."""
    out, i, n, in_str = [], 0, len(text), False
    while i < n:
        c = text[i]
        if in_str:
            out.append(c)
            if c == "\\" and i + 1 < n:
                out.append(text[i + 1]); i += 2; continue
            if c == '"':
                in_str = False
        elif c == '"':
            in_str = True; out.append(c)
        elif text.startswith("//", i):
            while i < n and text[i] != "\n":
                i += 1
            continue
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end == -1 else end + 2
            continue
        else:
            out.append(c)
        i += 1
    return re.sub(r",(\s*[}\]])", r"\1", "".join(out))


def line_of(text: str, needle: str) -> int:
    idx = text.find(needle)
    return text.count("\n", 0, idx) + 1 if idx >= 0 else 0


def redact(key: str, value: str) -> str:
    if SECRETISH_KEY.search(key):
        return "<redacted>"
    return value


def host_is_vendor(url: str) -> bool:
    host = (urlparse(url).hostname or "").lower()
    return host in VENDOR_HOSTS or host.endswith(VENDOR_SUFFIXES)


def audit_settings(path: Path, rel: str, text: str, data: dict, user_level: bool) -> list[Finding]:
    f: list[Finding] = []
    perms = data.get("permissions", {}) or {}
    if perms.get("defaultMode") == "bypassPermissions":
        f.append(Finding(rel, line_of(text, "bypassPermissions"), "AC001", "critical",
                         'permissions.defaultMode = "bypassPermissions"'))
    for entry in perms.get("allow", []) or []:
        if isinstance(entry, str) and WILDCARD_ALLOWS.match(entry.strip()):
            f.append(Finding(rel, line_of(text, f'"{entry}"'), "AC002", "high", f'allow entry "{entry}"'))
        elif isinstance(entry, str) and (entry.startswith("WebFetch(domain:*") or entry.startswith("Bash(curl")):
            f.append(Finding(rel, line_of(text, f'"{entry}"'), "AC012", "info", f'network allow entry "{entry}"'))
    for key, value in (data.get("env", {}) or {}).items():
        if key.endswith("_BASE_URL") or key.upper() in ("HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY"):
            if isinstance(value, str) and not host_is_vendor(value):
                f.append(Finding(rel, line_of(text, f'"{key}"'), "AC003", "info" if user_level else "high",
                                 f"env.{key} = {value} (not a vendor host)"))
    hooks = data.get("hooks", {}) or {}
    for event in HOOK_EVENTS:
        for i, matcher in enumerate(hooks.get(event, []) or []):
            for h in matcher.get("hooks", []) or []:
                cmd = h.get("command", "")
                f.append(Finding(rel, line_of(text, cmd[:40]) if cmd else line_of(text, event), "AC004",
                                 "info" if user_level else "high", f"hooks.{event}[{i}] runs: {cmd}"))
    if data.get("enableAllProjectMcpServers") is True:
        f.append(Finding(rel, line_of(text, "enableAllProjectMcpServers"), "AC005", "high",
                         "enableAllProjectMcpServers = true"))
    for name in data.get("enabledMcpjsonServers", []) or []:
        f.append(Finding(rel, line_of(text, f'"{name}"'), "AC005", "medium", f"auto-enabled MCP server '{name}'"))
    for key in ("apiKeyHelper", "awsAuthRefresh", "awsCredentialExport"):
        if key in data:
            f.append(Finding(rel, line_of(text, key), "AC011", "low", f"{key}: {data[key]}"))
    return f


def audit_mcp(rel: str, text: str, data: dict) -> list[Finding]:
    f: list[Finding] = []
    servers = data.get("mcpServers", data.get("servers", {})) or {}
    for name, spec in servers.items():
        if not isinstance(spec, dict):
            continue
        if spec.get("url") or spec.get("type") in ("sse", "http", "streamable-http"):
            f.append(Finding(rel, line_of(text, f'"{name}"'), "AC006", "medium",
                             f"remote MCP server '{name}' -> {spec.get('url', '?')}"))
        cmd, args = spec.get("command", ""), [str(a) for a in spec.get("args", [])]
        if cmd in ("npx", "uvx", "bunx", "pnpx"):
            pkgs = [a for a in args if not a.startswith("-")]
            if pkgs and "@" not in pkgs[0].lstrip("@"):
                f.append(Finding(rel, line_of(text, f'"{name}"'), "AC007", "medium",
                                 f"MCP server '{name}' runs unpinned: {cmd} {' '.join(args)}"))
        for k, v in (spec.get("env", {}) or {}).items():
            if k.endswith("_BASE_URL") and isinstance(v, str) and not host_is_vendor(v):
                f.append(Finding(rel, line_of(text, k), "AC003", "high", f"{name}.env.{k} = {v}"))
    return f


def audit_tasks(rel: str, text: str, data: dict) -> list[Finding]:
    f: list[Finding] = []
    for t in data.get("tasks", []) or []:
        if (t.get("runOptions", {}) or {}).get("runOn") == "folderOpen":
            f.append(Finding(rel, line_of(text, "folderOpen"), "AC010", "medium",
                             f"task '{t.get('label', '?')}' runs on folder open: {t.get('command', '')} "
                             f"{' '.join(map(str, t.get('args', [])))}".strip()))
    return f


def audit_text(rel: str, text: str) -> list[Finding]:
    f: list[Finding] = []
    for lineno, line in enumerate(text.splitlines(), 1):
        hits = INVISIBLE.findall(line if lineno > 1 else line.lstrip("\ufeff"))
        if hits:
            counts: dict[str, int] = {}
            for h in hits:
                counts[f"U+{ord(h):04X}"] = counts.get(f"U+{ord(h):04X}", 0) + 1
            hidden = "".join(chr(ord(h) - 0xE0000) for h in hits if 0xE0020 <= ord(h) <= 0xE007E)
            detail = f"{len(hits)} invisible characters ({', '.join(f'{k} x{v}' for k, v in counts.items())})"
            if hidden:
                detail += f'; tag characters spell: "{hidden}"'
            f.append(Finding(rel, lineno, "AC008", "high", detail))
        if BYPASS_FLAGS.search(line):
            f.append(Finding(rel, lineno, "AC001", "high", f"mentions permission bypass: {line.strip()[:160]}"))
    for m in HTML_COMMENT.finditer(text):
        body = m.group(1).strip()
        if IMPERATIVE.search(body):
            f.append(Finding(rel, text.count("\n", 0, m.start()) + 1, "AC009", "medium",
                             f"HTML comment with imperative text: \"<!-- {body[:160]} -->\""))
    return f


def load_json(text: str):
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return json.loads(strip_jsonc(text))


def audit_file(path: Path, rel: str, user_level: bool) -> list[Finding]:
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError as e:
        return [Finding(rel, 0, "AC000", "info", f"unreadable: {e}")]
    findings = audit_text(rel, text)
    if path.suffix == ".json":
        try:
            data = load_json(text)
        except (json.JSONDecodeError, ValueError) as e:
            return findings + [Finding(rel, 0, "AC000", "low", f"parse error: {e}")]
        if not isinstance(data, dict):
            return findings
        name = path.name
        if name.startswith("settings") and ".claude" in path.parts:
            findings += audit_settings(path, rel, text, data, user_level)
        if name in (".mcp.json", "mcp.json") or "mcpServers" in data:
            findings += audit_mcp(rel, text, data)
        if name == "tasks.json":
            findings += audit_tasks(rel, text, data)
    return findings


def iter_text_files(root: Path):
    seen = set()
    for pattern in TEXT_GLOBS:
        for p in root.glob(pattern):
            if p.is_file() and not (SKIP_DIRS & set(p.relative_to(root).parts)) and p not in seen:
                seen.add(p)
                yield p


def run(root: Path, include_user: bool) -> list[Finding]:
    findings: list[Finding] = []
    for relname in PROJECT_FILES:
        p = root / relname
        if p.is_file():
            findings += audit_file(p, relname, user_level=False)
    for p in iter_text_files(root):
        findings += audit_file(p, str(p.relative_to(root)), user_level=False)
    if include_user:
        for u in USER_FILES:
            p = Path(os.path.expanduser(u))
            if p.is_file():
                findings += audit_file(p, u, user_level=True)
    findings.sort(key=lambda x: (x.file, SEVERITY_ORDER[x.severity], x.line))
    return findings


def render_md(findings: list[Finding]) -> str:
    if not findings:
        return "No findings.\n"
    out, current = [], None
    for fd in findings:
        if fd.file != current:
            current = fd.file
            out.append(f"\n## {fd.file}")
        out.append(f"- [{fd.severity}] {fd.check} line {fd.line}: {fd.detail}")
    counts = {s: sum(1 for x in findings if x.severity == s) for s in SEVERITY_ORDER}
    out.insert(0, "Summary: " + ", ".join(f"{v} {k}" for k, v in counts.items() if v))
    return "\n".join(out) + "\n"


def show_codepoints(path: Path) -> None:
    text = path.read_text(encoding="utf-8", errors="replace")
    for lineno, line in enumerate(text.splitlines(), 1):
        for col, ch in enumerate(line, 1):
            if INVISIBLE.match(ch):
                print(f"{path}:{lineno}:{col}: U+{ord(ch):04X}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--include-user", action="store_true", help="also read user-level agent settings")
    ap.add_argument("--format", choices=("md", "json"), default="md")
    ap.add_argument("--show-codepoints", metavar="FILE")
    args = ap.parse_args()

    if args.show_codepoints:
        show_codepoints(Path(args.show_codepoints))
        return 0

    findings = run(Path(args.root).resolve(), args.include_user)
    if args.format == "json":
        print(json.dumps([asdict(x) for x in findings], indent=2))
    else:
        sys.stdout.write(render_md(findings))
    return 2 if any(SEVERITY_ORDER[x.severity] <= 1 for x in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
