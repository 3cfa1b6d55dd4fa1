"""agent-parity: report drift between coding-agent setups.

Read-only. Compares MCP server rosters and rules-file sections across
Claude Code, Cursor, Codex CLI, Gemini CLI and VS Code Copilot.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover
    tomllib = None


@dataclass
class AgentView:
    name: str
    servers: dict = field(default_factory=dict)
    sections: dict = field(default_factory=dict)
    present: bool = False


def _json(p: Path) -> dict:
    try:
        return json.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def _toml(p: Path) -> dict:
    if tomllib is None:
        return {}
    try:
        return tomllib.loads(p.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def sections(md: str) -> dict:
    """Split a rules file into {heading: normalised body}."""
    out, cur, buf = {}, "(preamble)", []
    for line in md.splitlines():
        m = re.match(r"^#{1,3}\s+(.*)", line)
        if m:
            if "".join(buf).strip():
                out[cur] = "\n".join(l.rstrip() for l in buf).strip()
            cur, buf = m.group(1).strip(), []
        else:
            buf.append(line)
    if "".join(buf).strip():
        out[cur] = "\n".join(l.rstrip() for l in buf).strip()
    return out


def _rules(*paths: Path) -> dict:
    merged = {}
    for p in paths:
        if p.is_dir():
            for f in sorted(p.glob("*.md*")):
                merged.update(sections(f.read_text(encoding="utf-8", errors="replace")))
        elif p.is_file():
            merged.update(sections(p.read_text(encoding="utf-8", errors="replace")))
    return merged


def collect(home: Path, project: Path) -> list[AgentView]:
    views = []

    claude = AgentView("claude", present=(home / ".claude").exists() or (home / ".claude.json").exists())
    claude.servers = {**_json(home / ".claude.json").get("mcpServers", {}),
                      **_json(project / ".mcp.json").get("mcpServers", {})}
    claude.sections = _rules(home / ".claude" / "CLAUDE.md", project / "CLAUDE.md")
    views.append(claude)

    cursor = AgentView("cursor", present=(home / ".cursor").exists())
    cursor.servers = {**_json(home / ".cursor" / "mcp.json").get("mcpServers", {}),
                      **_json(project / ".cursor" / "mcp.json").get("mcpServers", {})}
    cursor.sections = _rules(project / ".cursor" / "rules", project / ".cursorrules")
    views.append(cursor)

    codex = AgentView("codex", present=(home / ".codex").exists())
    codex.servers = _toml(home / ".codex" / "config.toml").get("mcp_servers", {})
    codex.sections = _rules(home / ".codex" / "AGENTS.md", home / "AGENTS.md", project / "AGENTS.md")
    views.append(codex)

    gemini = AgentView("gemini", present=(home / ".gemini").exists())
    gemini.servers = _json(home / ".gemini" / "settings.json").get("mcpServers", {})
    gemini.sections = _rules(project / "GEMINI.md", home / ".gemini" / "GEMINI.md")
    views.append(gemini)

    copilot = AgentView("copilot", present=(project / ".github").exists() or (home / ".config" / "github-copilot").exists())
    copilot.servers = _json(project / ".vscode" / "mcp.json").get("servers", {})
    copilot.sections = _rules(project / ".github" / "copilot-instructions.md")
    views.append(copilot)

    return [v for v in views if v.present]


def _signature(server: dict) -> str:
    return json.dumps({k: server.get(k) for k in ("command", "args", "url", "httpUrl", "type")}, sort_keys=True)


def report(views: list[AgentView]) -> dict:
    names = sorted({s for v in views for s in v.servers})
    servers = {}
    for s in names:
        row = {}
        for v in views:
            row[v.name] = "missing" if s not in v.servers else _signature(v.servers[s])
        sigs = {x for x in row.values() if x != "missing"}
        servers[s] = {"agents": {k: ("ok" if v != "missing" else "missing") for k, v in row.items()},
                      "conflict": len(sigs) > 1}
    heads = sorted({h for v in views for h in v.sections})
    rules = {}
    for h in heads:
        bodies = {v.name: v.sections.get(h) for v in views}
        rules[h] = {"missing_in": [k for k, b in bodies.items() if b is None],
                    "differs": len({b for b in bodies.values() if b is not None}) > 1}
    return {"agents": [v.name for v in views], "servers": servers, "rules": rules}


def render(rep: dict) -> str:
    lines = [f"Agents found: {', '.join(rep['agents']) or 'none'}", "", "MCP servers:"]
    for s, info in rep["servers"].items():
        miss = [a for a, st in info["agents"].items() if st == "missing"]
        flag = " (definitions differ)" if info["conflict"] else ""
        lines.append(f"  {s}: missing in {', '.join(miss)}{flag}" if miss else f"  {s}: everywhere{flag}")
    lines += ["", "Rules sections:"]
    for h, info in rep["rules"].items():
        bits = []
        if info["missing_in"]:
            bits.append("missing in " + ", ".join(info["missing_in"]))
        if info["differs"]:
            bits.append("wording differs")
        lines.append(f"  {h}: {'; '.join(bits) or 'in sync'}")
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="agent-parity")
    ap.add_argument("--home", default=os.path.expanduser("~"))
    ap.add_argument("--project", default=".")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args(argv)
    rep = report(collect(Path(a.home), Path(a.project)))
    print(json.dumps(rep, indent=2) if a.json else render(rep))
    drift = any(i["conflict"] or "missing" in i["agents"].values() for i in rep["servers"].values())
    return 1 if drift else 0


if __name__ == "__main__":
    sys.exit(main())
