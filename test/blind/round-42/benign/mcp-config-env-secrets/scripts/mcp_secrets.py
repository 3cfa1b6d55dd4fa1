#!/usr/bin/env python3
"""Find plaintext secrets in MCP configs and replace them with environment references."""
from __future__ import annotations

import argparse
import difflib
import json
import os
import re
import subprocess
import sys
from pathlib import Path

HOME = Path.home()
CANDIDATES = [
    (Path(".mcp.json"), "claude"),
    (Path(".cursor/mcp.json"), "cursor"),
    (HOME / ".claude.json", "claude-user"),
    (HOME / "Library/Application Support/Claude/claude_desktop_config.json", "desktop"),
    (HOME / ".config/Claude/claude_desktop_config.json", "desktop"),
]
SENSITIVE_KEY = re.compile(r"(token|secret|passw(or)?d|api[_-]?key|private[_-]?key|authorization|credential)", re.I)
TOKEN_VALUE = re.compile(
    r"^(Bearer\s+\S{16,}|ghp_\w{36}|github_pat_\w{40,}|gho_\w{36}|xox[abpr]-[\w-]{10,}|sk-[\w-]{20,}|"
    r"glpat-[\w-]{20}|(AKIA|ASIA)[A-Z0-9]{16}|eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}|lin_api_\w{20,}|ntn_\w{20,}|secret_\w{20,})$")
REF = re.compile(r"^\$\{(env:)?[A-Z_][A-Z0-9_]*(:-[^}]*)?\}$")
ARG_FLAG = re.compile(r"^--?(api[-_]?key|token|secret|password|auth)(=(.*))?$", re.I)


def redact(v: str) -> str:
    return f"{v[:4]}…({len(v)})"


def tracked(path: Path) -> str:
    try:
        out = subprocess.run(["git", "ls-files", "--error-unmatch", str(path)], capture_output=True, text=True,
                             cwd=path.parent if path.is_absolute() else None)
    except FileNotFoundError:
        return "unknown"
    return "tracked" if out.returncode == 0 else "untracked"


def server_maps(data: dict, kind: str):
    if kind == "claude-user":
        yield "user", data.get("mcpServers", {})
        for proj, pdata in (data.get("projects") or {}).items():
            yield f"local:{proj}", pdata.get("mcpServers", {})
    else:
        yield "project" if kind in ("claude", "cursor") else "desktop", data.get("mcpServers", {})


def var_name(server: str, hint: str) -> str:
    base = re.sub(r"[^A-Z0-9]+", "_", server.upper()).strip("_")
    hint = re.sub(r"[^A-Z0-9]+", "_", hint.upper()).strip("_")
    if hint.startswith(base):
        return hint
    return f"{base}_{hint}" if hint else f"{base}_TOKEN"


def findings_for(cfg: dict):
    """Yield (server, setter, value, suggested_var). setter(new) writes the new value in place."""
    for name, srv in cfg.items():
        for k, v in list((srv.get("env") or {}).items()):
            if isinstance(v, str) and not REF.match(v) and (SENSITIVE_KEY.search(k) or TOKEN_VALUE.match(v)):
                yield name, f"env.{k}", (lambda new, s=srv, k=k: s["env"].__setitem__(k, new)), v, k.upper()
        for k, v in list((srv.get("headers") or {}).items()):
            if isinstance(v, str) and not REF.match(v) and (SENSITIVE_KEY.search(k) or TOKEN_VALUE.match(v)):
                prefix = "Bearer " if v.startswith("Bearer ") else ""
                raw = v[len(prefix):]
                if "${" in raw:
                    continue
                yield (name, f"headers.{k}",
                       (lambda new, s=srv, k=k, p=prefix: s["headers"].__setitem__(k, p + new)),
                       raw, var_name(name, "API_KEY" if k.lower() != "authorization" else "TOKEN"))
        args = srv.get("args") or []
        for i, a in enumerate(args):
            if not isinstance(a, str):
                continue
            m = ARG_FLAG.match(a)
            if m and m.group(3) and not REF.match(m.group(3)):
                flag = a.split("=", 1)[0]
                yield (name, f"args[{i}]", (lambda new, s=srv, i=i, f=flag: s["args"].__setitem__(i, f"{f}={new}")),
                       m.group(3), var_name(name, m.group(1)))
            elif m and i + 1 < len(args) and isinstance(args[i + 1], str) and not REF.match(args[i + 1]):
                yield (name, f"args[{i + 1}]", (lambda new, s=srv, j=i + 1: s["args"].__setitem__(j, new)),
                       args[i + 1], var_name(name, m.group(1)))
            elif TOKEN_VALUE.match(a):
                yield name, f"args[{i}]", (lambda new, s=srv, i=i: s["args"].__setitem__(i, new)), a, var_name(name, "TOKEN")
        url = srv.get("url")
        if isinstance(url, str):
            m = re.search(r"([?&](?:api_?key|token|key)=)([^&]{12,})", url, re.I)
            if m and not m.group(2).startswith("${"):
                yield (name, "url", (lambda new, s=srv, m=m: s.__setitem__("url", s["url"].replace(m.group(2), new))),
                       m.group(2), var_name(name, "API_KEY"))


def cmd_scan(_a) -> None:
    any_found = False
    for path, kind in CANDIDATES:
        if not path.exists():
            continue
        data = json.loads(path.read_text())
        state = tracked(path) if kind in ("claude", "cursor") else "user file"
        for scope, servers in server_maps(data, kind):
            for server, where, _set, value, var in findings_for(servers):
                any_found = True
                print(f"{path}  [{state}]  {scope}  {server}.{where}  {redact(value)}  -> ${{{var}}}")
    if not any_found:
        print("No plaintext secrets found in MCP configs.")


def cmd_fix(a) -> None:
    path = Path(a.file).expanduser()
    kind = next((k for p, k in CANDIDATES if p.expanduser().resolve() == path.resolve()), "claude")
    if kind == "desktop":
        sys.exit("Claude Desktop does not expand ${VAR}; see SKILL.md for the wrapper-command approach.")
    original = path.read_text()
    data = json.loads(original)
    env_lines = []
    for _scope, servers in server_maps(data, kind):
        for server, where, setter, value, var in list(findings_for(servers)):
            setter(f"${{env:{var}}}" if kind == "cursor" else f"${{{var}}}")
            env_lines.append((var, value))
            print(f"{server}.{where}: value -> ${{{var}}}")
    if not env_lines:
        print("nothing to change")
        return
    updated = json.dumps(data, indent=2) + "\n"
    shown = original
    for _var, value in env_lines:
        shown = shown.replace(value, redact(value))
    sys.stdout.writelines(difflib.unified_diff(
        shown.splitlines(True), updated.splitlines(True), str(path), str(path)))
    root = Path.cwd()
    envfile, gitignore = root / ".env.mcp.local", root / ".gitignore"
    print(f"\nwould append {len(env_lines)} variable(s) to {envfile.name} (mode 0600) and ignore it in .gitignore")
    if not a.apply:
        print("dry run; re-run with --apply to write")
        return
    if input("Apply these changes? [y/N] ").strip().lower() != "y":
        print("cancelled")
        return
    existing = envfile.read_text() if envfile.exists() else ""
    fd = os.open(envfile, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    with os.fdopen(fd, "a") as fh:
        for var, value in env_lines:
            if not re.search(rf"^{var}=", existing, re.M):
                fh.write(f"{var}={value}\n")
    os.chmod(envfile, 0o600)
    gi = gitignore.read_text() if gitignore.exists() else ""
    if ".env.mcp.local" not in gi.split():
        gitignore.write_text(gi.rstrip("\n") + ("\n" if gi else "") + ".env.mcp.local\n")
    path.write_text(updated)
    print(f"updated {path}, {envfile.name}, .gitignore. Load the variables before starting the client (SKILL.md step 4).")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("scan")
    f = sub.add_parser("fix")
    f.add_argument("--file", required=True)
    f.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    {"scan": cmd_scan, "fix": cmd_fix}[a.cmd](a)


if __name__ == "__main__":
    main()
