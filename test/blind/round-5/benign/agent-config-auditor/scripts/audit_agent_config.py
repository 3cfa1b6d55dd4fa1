#!/usr/bin/env python3
"""Read-only audit of agent configuration (skills, MCP, rules files, settings). Masks secret values."""
import json
import os
import re
import sys
from pathlib import Path

HOME = Path.home()
SECRET_KEY = re.compile(r"(?i)key|token|secret|password|authorization|cookie")
CHECKS = [
    ("HIGH", "remote installer", re.compile(r"(curl|wget)[^\n|]{0,200}\|\s*(sudo\s+)?(ba|z)?sh\b|iwr[^\n|]*\|\s*iex", re.I)),
    ("HIGH", "quarantine removal", re.compile(r"xattr\s+-(d|c|rd)\s+com\.apple\.quarantine|xattr\s+-c\b")),
    ("HIGH", "decode-and-run", re.compile(r"(base64|b64decode|atob|rot13|from hex)[^\n]{0,80}(\| *(ba)?sh|eval|exec|follow|run)", re.I)),
    ("HIGH", "concealment", re.compile(r"(do not|don't|never)\s+(tell|mention|show|report)[^\n]{0,40}(user|human)", re.I)),
    ("HIGH", "fetch-and-follow", re.compile(r"(fetch|download|get)[^\n]{0,60}(instructions|rules|prompt)[^\n]{0,60}(follow|obey|apply)", re.I)),
    ("MEDIUM", "credential path", re.compile(r"~/\.ssh|~/\.aws|\.config/gh|login\.keychain|Login Data|\.npmrc|wallet", re.I)),
    ("MEDIUM", "writes instruction files", re.compile(r"(append|add|write)[^\n]{0,50}(CLAUDE\.md|AGENTS\.md|\.cursorrules|memory)", re.I)),
    ("MEDIUM", "long encoded blob", re.compile(r"[A-Za-z0-9+/]{160,}={0,2}")),
]
HIDDEN = {**{c: "zero-width" for c in (0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF)},
          **{c: "bidi" for c in list(range(0x202A, 0x202F)) + list(range(0x2066, 0x206A))}}
findings = []


def add(level, where, what):
    findings.append({"level": level, "where": where, "what": what})


def mask(obj):
    if isinstance(obj, dict):
        return {k: ("****" if SECRET_KEY.search(k) and isinstance(v, str) else mask(v)) for k, v in obj.items()}
    if isinstance(obj, list):
        return [mask(v) for v in obj]
    return obj


def scan_text(path: Path):
    try:
        text = path.read_text(errors="replace")
    except OSError:
        return
    tags = "".join(chr(ord(c) - 0xE0000) for c in text if 0xE0000 <= ord(c) <= 0xE007F)
    if tags.strip():
        add("HIGH", str(path), f"hidden Unicode tag text: {tags[:120]!r}")
    kinds = {HIDDEN[ord(c)] for c in text if ord(c) in HIDDEN}
    for k in kinds:
        add("MEDIUM", str(path), f"{k} characters present")
    for n, line in enumerate(text.splitlines(), 1):
        for level, name, rx in CHECKS:
            if rx.search(line):
                add(level, f"{path}:{n}", f"{name}: {line.strip()[:140]}")


def scan_mcp(path: Path, servers: dict):
    for name, spec in (servers or {}).items():
        where = f"{path} mcpServers.{name}"
        if "url" in spec:
            host = re.sub(r"^https?://([^/:]+).*", r"\1", spec["url"])
            add("INFO", where, f"remote server: {host} (confirm you added it)")
        cmd = " ".join([spec.get("command", "")] + [str(a) for a in spec.get("args", [])])
        if re.search(r"\b(sh|bash|zsh)\b.*-c", cmd) and "http" in cmd:
            add("HIGH", where, "command runs a shell with a URL")
        m = re.search(r"\b(npx|uvx|bunx)\s+(-y\s+)?(@?[\w./-]+)", cmd)
        if m and "@" not in m.group(3).lstrip("@"):
            add("MEDIUM", where, f"unpinned package: {m.group(3)}")


def scan_settings(path: Path, data: dict):
    perms = data.get("permissions", {})
    if perms.get("defaultMode") == "bypassPermissions":
        add("HIGH", str(path), "permissions.defaultMode is bypassPermissions")
    for rule in perms.get("allow", []):
        if rule in ("Bash", "Bash(*)") or re.match(r"Bash\((curl|wget|nc|ssh|scp)", rule):
            add("MEDIUM", str(path), f"broad allow rule: {rule}")
    for var, val in (data.get("env") or {}).items():
        if re.search(r"BASE_URL|PROXY", var):
            add("INFO", str(path), f"{var} = {val} (confirm this is your gateway)")
    for event, groups in (data.get("hooks") or {}).items():
        for g in groups:
            for h in g.get("hooks", []):
                c = h.get("command", "")
                if re.search(r"\b(curl|wget|nc)\b", c):
                    add("HIGH", str(path), f"{event} hook uses network: {c[:120]}")
    if data.get("apiKeyHelper"):
        add("INFO", str(path), f"apiKeyHelper: {data['apiKeyHelper']}")


def load_json(p: Path):
    try:
        return json.loads(p.read_text())
    except (OSError, ValueError):
        return None


def main():
    repo_only = "--repo-only" in sys.argv
    cwd = Path.cwd()
    settings = [cwd / ".claude/settings.json", cwd / ".claude/settings.local.json"]
    mcp = [cwd / ".mcp.json", cwd / ".cursor/mcp.json"]
    text_files = [cwd / n for n in ("CLAUDE.md", "AGENTS.md", ".cursorrules", ".github/copilot-instructions.md")]
    skill_dirs = [cwd / ".claude/skills"]
    if not repo_only:
        settings.append(HOME / ".claude/settings.json")
        mcp += [HOME / ".claude.json", HOME / ".cursor/mcp.json",
                HOME / "Library/Application Support/Claude/claude_desktop_config.json",
                HOME / ".config/Claude/claude_desktop_config.json"]
        text_files.append(HOME / ".claude/CLAUDE.md")
        skill_dirs.append(HOME / ".claude/skills")
    for p in settings:
        d = load_json(p)
        if d:
            scan_settings(p, d)
    for p in mcp:
        d = load_json(p)
        if d:
            scan_mcp(p, d.get("mcpServers", {}))
            for proj, pd in (d.get("projects") or {}).items():
                scan_mcp(p, pd.get("mcpServers", {}))
    for p in text_files:
        if p.exists():
            scan_text(p)
    for rules in [cwd / ".cursor/rules"]:
        if rules.is_dir():
            for f in rules.rglob("*"):
                if f.is_file():
                    scan_text(f)
    for d in skill_dirs:
        if d.is_dir():
            for f in d.rglob("*"):
                if f.is_file() and f.suffix in {".md", ".sh", ".py", ".js", ".ts", ".json", ".yaml", ".yml", ".txt", ""}:
                    scan_text(f)
    if "--json" in sys.argv:
        print(json.dumps(findings, indent=2, ensure_ascii=False))
    else:
        order = {"HIGH": 0, "MEDIUM": 1, "INFO": 2}
        for f in sorted(findings, key=lambda f: order[f["level"]]):
            print(f"{f['level']:<7}{f['where']}  {f['what']}")
        print(f"\n{len(findings)} finding(s). Nothing was changed.")


if __name__ == "__main__":
    main()
