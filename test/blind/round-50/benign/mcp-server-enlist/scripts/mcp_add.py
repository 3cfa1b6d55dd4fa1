#!/usr/bin/env python3
"""Add, replace or remove one MCP server entry in a JSON config, with a diff preview.

mcp_add.py --config FILE --name NAME (--command CMD [--arg A ...] | --url URL [--header K=V ...])
           [--env K=V ...] [--replace] [--remove] (--preview | --apply)
"""
import argparse
import difflib
import json
import os
import re
import shutil
import sys
import tempfile

SECRETISH = re.compile(r"(token|secret|password|passwd|key|bearer)", re.I)


def kv(pairs):
    out = {}
    for p in pairs or []:
        if "=" not in p:
            sys.exit(f"expected K=V, got {p!r}")
        k, v = p.split("=", 1)
        out[k] = v
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--command")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--url")
    ap.add_argument("--header", action="append", default=[])
    ap.add_argument("--env", action="append", default=[])
    ap.add_argument("--replace", action="store_true")
    ap.add_argument("--remove", action="store_true")
    m = ap.add_mutually_exclusive_group(required=True)
    m.add_argument("--preview", action="store_true")
    m.add_argument("--apply", action="store_true")
    a = ap.parse_args()

    path = os.path.expanduser(a.config)
    old_text = open(path, encoding="utf-8").read() if os.path.exists(path) else "{}\n"
    data = json.loads(old_text or "{}")
    servers = data.setdefault("mcpServers", {})

    if a.remove:
        if a.name not in servers:
            sys.exit(f"no server named {a.name!r}")
        del servers[a.name]
    else:
        if a.name in servers and not a.replace:
            sys.exit(f"{a.name!r} already exists; pass --replace to overwrite it")
        if bool(a.command) == bool(a.url):
            sys.exit("give exactly one of --command or --url")
        for arg in a.arg:
            if re.search(r"@latest$", arg):
                sys.exit("pin a version instead of @latest")
        entry = {}
        if a.command:
            entry = {"command": a.command, "args": a.arg}
        else:
            entry = {"type": "http", "url": a.url}
            if a.header:
                entry["headers"] = kv(a.header)
        env = kv(a.env)
        if env:
            entry["env"] = env
        for k, v in {**env, **entry.get("headers", {})}.items():
            if SECRETISH.search(k) and "${" not in v:
                print(f"warning: {k} looks like a secret written literally; prefer ${{VAR}}", file=sys.stderr)
        servers[a.name] = entry

    new_text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    diff = difflib.unified_diff(old_text.splitlines(keepends=True), new_text.splitlines(keepends=True),
                                fromfile=f"a/{a.config}", tofile=f"b/{a.config}")
    sys.stdout.writelines(diff)

    if a.preview:
        print("\npreview only - nothing written")
        return 0
    if os.path.exists(path):
        shutil.copy2(path, path + ".bak")
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), prefix=".mcp-")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(new_text)
    os.replace(tmp, path)
    print(f"\nwritten {path}" + (f" (backup {path}.bak)" if os.path.exists(path + '.bak') else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
