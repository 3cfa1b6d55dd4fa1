#!/usr/bin/env python3
"""Review MCP configs for over-broad filesystem access and narrow filesystem server roots."""
from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import shutil
import sys
from pathlib import Path

HOME = Path.home()
CONFIGS = [
    Path(".mcp.json"), Path(".cursor/mcp.json"), HOME / ".cursor/mcp.json", HOME / ".claude.json",
    HOME / "Library/Application Support/Claude/claude_desktop_config.json",
    HOME / ".config/Claude/claude_desktop_config.json",
    Path(os.environ.get("APPDATA", "/nonexistent")) / "Claude/claude_desktop_config.json",
]
SENSITIVE_CHILDREN = [".ssh", ".aws", ".gnupg", ".config", "Library", "AppData", ".kube", ".docker"]
EXEC_HINT = re.compile(r"(desktop-commander|server-commands|shell|exec|terminal|run-command)", re.I)
FS_HINT = re.compile(r"server-filesystem|mcp-filesystem|filesystem-server", re.I)


def servers(path: Path, data: dict):
    yield "", data.get("mcpServers", {})
    if path.name == ".claude.json":
        for proj, pdata in (data.get("projects") or {}).items():
            yield proj, pdata.get("mcpServers", {})


def expand(p: str) -> Path:
    return Path(os.path.expandvars(os.path.expanduser(p)))


def is_broad(p: Path) -> bool:
    s = str(p).rstrip("/\\")
    return s in ("", "/", str(HOME)) or re.fullmatch(r"[A-Za-z]:", s) is not None or \
        re.fullmatch(r"/(Users|home)/[^/]+", s) is not None


def review_server(name: str, srv: dict, client: str) -> list[tuple[str, str]]:
    out = []
    cmd = " ".join([srv.get("command", "")] + [str(a) for a in srv.get("args", [])])
    args = [str(a) for a in srv.get("args", [])]
    if FS_HINT.search(cmd):
        pkg_i = next((i for i, a in enumerate(args) if FS_HINT.search(a)), -1)
        roots = [a for a in args[pkg_i + 1:] if not a.startswith("-")]
        if client == "claude-code":
            out.append(("info", "Claude Code has native file tools; this server may be unnecessary"))
        for r in roots:
            p = expand(r)
            if is_broad(p):
                out.append(("HIGH", f"root {r} is the whole disk or home directory"))
            elif p.is_dir():
                bad = [c for c in SENSITIVE_CHILDREN if (p / c).exists()]
                if bad:
                    out.append(("HIGH", f"root {r} contains {', '.join(bad)}"))
            elif not p.exists():
                out.append(("low", f"root {r} does not exist"))
    if srv.get("command") in ("docker", "podman"):
        for i, a in enumerate(args):
            spec = args[i + 1] if a in ("-v", "--volume", "--mount") and i + 1 < len(args) else \
                (a.split("=", 1)[1] if a.startswith(("--volume=", "--mount=")) else None)
            if not spec:
                continue
            src = spec.split(":")[0] if not spec.startswith(("type=", "source=", "src=")) else \
                dict(kv.split("=", 1) for kv in spec.split(",") if "=" in kv).get("source", "")
            if "docker.sock" in spec:
                out.append(("HIGH", "mounts the Docker socket (equivalent to root on the host)"))
            elif is_broad(expand(src)):
                out.append(("HIGH", f"mounts {src} into the container"))
    if EXEC_HINT.search(cmd) and not any(re.search(r"allow|whitelist|allowlist|--cwd|--root", a, re.I) for a in args):
        out.append(("medium", "command-execution server without an allow-list argument"))
    return out


def client_of(path: Path) -> str:
    if path.name in (".mcp.json", ".claude.json"):
        return "claude-code"
    return "cursor" if "cursor" in str(path) else "claude-desktop"


def cmd_review(_a) -> None:
    any_hit = False
    for path in CONFIGS:
        if not path.exists():
            continue
        data = json.loads(path.read_text())
        for scope, svs in servers(path, data):
            for name, srv in svs.items():
                for sev, msg in review_server(name, srv, client_of(path)):
                    any_hit = True
                    where = f"{path}" + (f" [{scope}]" if scope else "")
                    print(f"{sev:<6} {where}  {name}: {msg}")
    if not any_hit:
        print("No over-broad filesystem access found.")


def cmd_narrow(a) -> None:
    path = expand(a.file)
    text = path.read_text()
    data = json.loads(text)
    target = None
    for scope, svs in servers(path, data):
        if a.server in svs and (a.project is None or scope == a.project):
            target = svs[a.server]
            break
    if target is None:
        sys.exit(f"error: server {a.server!r} not found in {path}")
    roots = []
    for r in a.root:
        p = expand(r).resolve()
        if is_broad(p):
            sys.exit(f"error: {r} is still the whole disk or home directory")
        if not p.is_dir():
            sys.exit(f"error: {r} is not an existing directory")
        roots.append(str(p))
    args = [str(x) for x in target.get("args", [])]
    pkg_i = next((i for i, x in enumerate(args) if FS_HINT.search(x)), None)
    if pkg_i is None:
        sys.exit("error: this server does not look like a filesystem server; edit it by hand")
    flags = [x for x in args[pkg_i + 1:] if x.startswith("-")]
    target["args"] = args[:pkg_i + 1] + flags + roots
    new = json.dumps(data, indent=2) + "\n"
    sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), new.splitlines(True), str(path), str(path)))
    if not a.apply:
        print("\ndry run; re-run with --apply")
        return
    if input(f"\nWrite {path}? [y/N] ").strip().lower() != "y":
        print("cancelled")
        return
    shutil.copy2(path, path.with_name(path.name + ".bak"))
    path.write_text(new)
    print(f"updated {path} (backup {path.name}.bak). Restart the client to apply.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("review")
    n = sub.add_parser("narrow")
    n.add_argument("--server", required=True)
    n.add_argument("--file", required=True)
    n.add_argument("--root", action="append", required=True)
    n.add_argument("--project", help="project key inside ~/.claude.json for local-scope servers")
    n.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    {"review": cmd_review, "narrow": cmd_narrow}[a.cmd](a)


if __name__ == "__main__":
    main()
