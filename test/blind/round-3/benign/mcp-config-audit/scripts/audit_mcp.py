#!/usr/bin/env python3
"""Local audit of MCP server configs. Reads config files, prints findings with masked secrets."""
import argparse
import hashlib
import json
import re
import sys
from pathlib import Path

HOME = Path.home()
CANDIDATES = [
    ("claude-code:user", HOME / ".claude.json"),
    ("claude-code:project", Path(".mcp.json")),
    ("claude-desktop", HOME / "Library/Application Support/Claude/claude_desktop_config.json"),
    ("claude-desktop", HOME / ".config/Claude/claude_desktop_config.json"),
    ("cursor:user", HOME / ".cursor/mcp.json"),
    ("cursor:project", Path(".cursor/mcp.json")),
    ("vscode:project", Path(".vscode/mcp.json")),
]
BASELINE = HOME / ".cache/mcp-config-audit/baseline.json"
SECRET_KEY = re.compile(r"(?i)(token|secret|key|password|authorization|bearer|cookie)")
SECRET_VAL = re.compile(r"^(Bearer\s+)?[A-Za-z0-9_\-\.=:/+]{20,}$")
ENV_REF = re.compile(r"^\$\{[A-Za-z_][A-Za-z0-9_]*(:-[^}]*)?\}$|^\$[A-Za-z_]\w*$")


def mask(v: str) -> str:
    return f"{v[:4]}…({len(v)})"


def servers_in(source: str, path: Path):
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        yield source, path, None, {"_error": str(e)}
        return
    blocks = [("", data.get("mcpServers") or data.get("servers") or {})]
    if source == "claude-code:user":
        for proj, pdata in (data.get("projects") or {}).items():
            blocks.append((proj, pdata.get("mcpServers") or {}))
    for scope, servers in blocks:
        for name, spec in servers.items():
            label = f"{name}" + (f" (project {scope})" if scope else "")
            yield source if not scope else "claude-code:local", path, label, spec


def findings_for(source, spec):
    out = []
    cmd = spec.get("command", "")
    args = [str(a) for a in spec.get("args", [])]
    url = spec.get("url", "")
    if url or spec.get("type") in ("http", "sse", "streamable-http"):
        out.append(("remote", url or "(url missing)"))
    if source.endswith(":user") and source.startswith(("claude-code", "cursor")):
        out.append(("user-scope", "available in every project"))
    joined = " ".join([cmd, *args])
    if cmd in ("npx", "uvx", "bunx", "pnpx") or re.search(r"\bnpx\b|\buvx\b", joined):
        pkgs = [a for a in args if not a.startswith("-")]
        if pkgs and not re.search(r"@\d|==\d", pkgs[0]):
            out.append(("unpinned", pkgs[0]))
    if cmd in ("bash", "sh", "zsh", "cmd", "powershell") or "curl" in joined or "wget" in joined:
        out.append(("shell-wrapper", joined[:160]))
    for where in ("env", "headers"):
        for k, v in (spec.get(where) or {}).items():
            v = str(v)
            if ENV_REF.match(v):
                continue
            if SECRET_KEY.search(k) and SECRET_VAL.match(v):
                out.append(("inline-secret", f"{where}.{k} = {mask(v.split()[-1])}"))
    return out


def digest(spec) -> str:
    return hashlib.sha256(json.dumps(spec, sort_keys=True).encode()).hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--approve", action="store_true", help="store current definitions as approved baseline")
    args = ap.parse_args()

    baseline = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    current, report = {}, []
    for source, path in CANDIDATES:
        if not path.exists():
            continue
        for src, p, name, spec in servers_in(source, path):
            if name is None:
                report.append({"file": str(p), "server": None, "findings": [("unreadable", spec["_error"])]})
                continue
            key = f"{p}::{name}"
            current[key] = digest(spec)
            f = findings_for(src, spec)
            if key in baseline and baseline[key] != current[key]:
                f.append(("CHANGED", "definition differs from approved baseline"))
            elif baseline and key not in baseline:
                f.append(("NEW", "not present when baseline was approved"))
            report.append({"file": str(p), "server": name, "source": src,
                           "command": spec.get("command") or spec.get("url"), "findings": f})

    if args.approve:
        BASELINE.parent.mkdir(parents=True, exist_ok=True)
        BASELINE.write_text(json.dumps(current, indent=2))
        print(f"baseline recorded for {len(current)} server(s) in {BASELINE}", file=sys.stderr)

    if args.json:
        print(json.dumps(report, indent=2))
    else:
        if not report:
            print("no MCP configuration found")
        for r in report:
            print(f"\n{r['server'] or '?'}  [{r.get('source', '')}]  {r['file']}")
            if r.get("command"):
                print(f"  runs: {r['command']}")
            for kind, detail in r["findings"] or [("ok", "no findings")]:
                print(f"  - {kind}: {detail}")
    return 1 if any(r["findings"] for r in report) else 0


if __name__ == "__main__":
    sys.exit(main())
