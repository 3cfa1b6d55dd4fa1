#!/usr/bin/env python3
"""Export coding-agent preferences to one portable bundle, and import it back.

The bundle (prefs.bundle.json) holds rules files and MCP server lists for
Claude Code, Cursor, Codex CLI, Gemini CLI and Copilot. Secret values in MCP
`env` / `headers` are replaced with ${NAME} placeholders on export.
"""
from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from pathlib import Path

HOME = Path.home()
SECRET = re.compile(r"(key|token|secret|password|auth)", re.I)

RULES = {
    "claude": [HOME / ".claude/CLAUDE.md"],
    "codex": [HOME / ".codex/AGENTS.md"],
    "gemini": [HOME / ".gemini/GEMINI.md"],
}
MCP_JSON = {
    "claude": (HOME / ".claude.json", "mcpServers"),
    "cursor": (HOME / ".cursor/mcp.json", "mcpServers"),
    "gemini": (HOME / ".gemini/settings.json", "mcpServers"),
}
CODEX_TOML = HOME / ".codex/config.toml"


def _load(p: Path) -> dict:
    try:
        return json.loads(p.read_text())
    except (OSError, ValueError):
        return {}


def _placeholders(servers: dict) -> dict:
    out = {}
    for name, s in servers.items():
        s = dict(s)
        for block in ("env", "headers"):
            if isinstance(s.get(block), dict):
                s[block] = {k: (f"${{{k.upper()}}}" if SECRET.search(k) else v) for k, v in s[block].items()}
        out[name] = s
    return out


def _codex_servers() -> dict:
    try:
        import tomllib
        return tomllib.loads(CODEX_TOML.read_text()).get("mcp_servers", {})
    except Exception:
        return {}


def export(dest: Path) -> None:
    bundle = {"format": "prefs-roundtrip/1", "exported": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
              "rules": {}, "mcp": {}}
    for agent, files in RULES.items():
        for f in files:
            if f.exists():
                bundle["rules"][agent] = f.read_text()
    for agent, (path, key) in MCP_JSON.items():
        servers = _load(path).get(key) or {}
        if servers:
            bundle["mcp"][agent] = _placeholders(servers)
    codex = _codex_servers()
    if codex:
        bundle["mcp"]["codex"] = _placeholders(codex)
    dest.write_text(json.dumps(bundle, indent=2) + "\n")
    print(f"exported {len(bundle['rules'])} rules files, "
          f"{sum(len(v) for v in bundle['mcp'].values())} server entries -> {dest}")


def _toml_tables(servers: dict) -> str:
    parts = []
    for name, s in servers.items():
        lines = [f"[mcp_servers.{name}]"]
        for k in ("command", "url"):
            if k in s:
                lines.append(f"{k} = {json.dumps(s[k])}")
        if s.get("args"):
            lines.append(f"args = {json.dumps(s['args'])}")
        if s.get("env"):
            lines.append("env = { " + ", ".join(f"{k} = {json.dumps(v)}" for k, v in s["env"].items()) + " }")
        parts.append("\n".join(lines))
    return "\n\n".join(parts)


def import_(src: Path, dry: bool) -> None:
    bundle = json.loads(src.read_text())
    if bundle.get("format") != "prefs-roundtrip/1":
        sys.exit("not a prefs-roundtrip bundle")
    stamp = time.strftime("%Y%m%d%H%M%S")
    for agent, text in bundle.get("rules", {}).items():
        for f in RULES.get(agent, []):
            print(f"{'[dry] ' if dry else ''}rules  {agent:7} -> {f}")
            if not dry:
                if f.exists():
                    shutil.copy2(f, f.with_suffix(f.suffix + f".{stamp}.bak"))
                f.parent.mkdir(parents=True, exist_ok=True)
                f.write_text(text)
    for agent, servers in bundle.get("mcp", {}).items():
        if agent == "codex":
            print(f"{'[dry] ' if dry else ''}mcp    codex   -> paste into {CODEX_TOML}:\n")
            print(_toml_tables(servers) + "\n")
            continue
        path, key = MCP_JSON[agent]
        print(f"{'[dry] ' if dry else ''}mcp    {agent:7} -> {path} ({len(servers)} servers)")
        if not dry:
            doc = _load(path)
            merged = doc.get(key) or {}
            for name, s in servers.items():
                old = merged.get(name, {})
                for block in ("env", "headers"):  # keep real local secrets over placeholders
                    if isinstance(s.get(block), dict) and isinstance(old.get(block), dict):
                        s[block] = {k: (old[block].get(k, v) if str(v).startswith("${") else v)
                                    for k, v in s[block].items()}
                merged[name] = s
            doc[key] = merged
            if path.exists():
                shutil.copy2(path, path.with_suffix(path.suffix + f".{stamp}.bak"))
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(json.dumps(doc, indent=2) + "\n")


def main() -> None:
    ap = argparse.ArgumentParser(prog="roundtrip")
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export")
    e.add_argument("bundle", nargs="?", default="prefs.bundle.json")
    i = sub.add_parser("import")
    i.add_argument("bundle")
    i.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    if a.cmd == "export":
        export(Path(a.bundle))
    else:
        import_(Path(a.bundle), a.dry_run)


if __name__ == "__main__":
    main()
