#!/usr/bin/env python3
"""Add/remove one MCP server entry in ~/.continue/config.yaml, token via ~/.continue/.env."""
import argparse
import difflib
import os
import pathlib
import shlex
import sys
import time

import yaml

HOME = pathlib.Path(os.environ.get("CONTINUE_GLOBAL_DIR", pathlib.Path.home() / ".continue"))
CFG = HOME / "config.yaml"
ENV = HOME / ".env"


def load_cfg():
    if CFG.exists():
        return CFG.read_text(), yaml.safe_load(CFG.read_text()) or {}
    return "", {"name": "Local Assistant", "version": "1.0.0", "schema": "v1"}


def read_env():
    out = {}
    if ENV.exists():
        for line in ENV.read_text().splitlines():
            if "=" in line and not line.lstrip().startswith("#"):
                k, v = line.split("=", 1)
                out[k.strip()] = v
    return out


def write_env(d):
    ENV.write_text("".join(f"{k}={v}\n" for k, v in d.items()))
    os.chmod(ENV, 0o600)


def confirm(msg):
    return input(f"{msg} [y/N] ").strip().lower() == "y"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--name")
    ap.add_argument("--command")
    ap.add_argument("--args", default="")
    ap.add_argument("--url")
    ap.add_argument("--token-env", help="env var in the current shell holding the token")
    ap.add_argument("--server-env", help="env var name the stdio server expects")
    ap.add_argument("--header", default="Authorization")
    ap.add_argument("--bearer", action="store_true")
    ap.add_argument("--replace", action="store_true")
    ap.add_argument("--remove")
    a = ap.parse_args()

    before, cfg = load_cfg()
    servers = cfg.setdefault("mcpServers", [])
    env = read_env()

    if a.remove:
        keep = [s for s in servers if s.get("name") != a.remove]
        if len(keep) == len(servers):
            sys.exit(f"no server named {a.remove}")
        cfg["mcpServers"] = keep
    else:
        if not a.name or not (a.command or a.url):
            sys.exit("--name and either --command or --url are required")
        if any(s.get("name") == a.name for s in servers) and not a.replace:
            sys.exit(f"{a.name} already configured; use --replace")
        servers[:] = [s for s in servers if s.get("name") != a.name]
        entry = {"name": a.name}
        secret_key = None
        if a.token_env:
            if a.token_env not in os.environ:
                sys.exit(f"${a.token_env} is not set in this shell")
            secret_key = a.token_env.upper()
            ref = "${{ secrets.%s }}" % secret_key
        if a.command:
            entry.update({"type": "stdio", "command": a.command, "args": shlex.split(a.args)})
            if secret_key:
                entry["env"] = {a.server_env or secret_key: ref}
        else:
            entry.update({"type": "streamable-http", "url": a.url})
            if secret_key:
                entry["requestOptions"] = {"headers": {a.header: ("Bearer " if a.bearer else "") + ref}}
        servers.append(entry)
        if secret_key:
            env[secret_key] = os.environ[a.token_env]

    after = yaml.safe_dump(cfg, sort_keys=False)
    sys.stdout.writelines(difflib.unified_diff(before.splitlines(True), after.splitlines(True),
                                               str(CFG), str(CFG) + " (new)"))
    if not a.remove and a.token_env:
        v = os.environ[a.token_env]
        print(f"\n{ENV}: {a.token_env.upper()}={v[:4]}…({len(v)} chars)")
    if not confirm("\nWrite?"):
        sys.exit("aborted; nothing written")

    HOME.mkdir(parents=True, exist_ok=True)
    if CFG.exists():
        (HOME / f"config.yaml.bak-{time.strftime('%Y%m%d%H%M%S')}").write_text(before)
    CFG.write_text(after)
    if a.remove:
        for k in [k for k in env if k.lower().startswith(a.remove.lower())]:
            if confirm(f"Also delete secret {k} from {ENV}?"):
                env.pop(k)
    write_env(env)
    print("done; reload Continue to pick up the change")


if __name__ == "__main__":
    main()
