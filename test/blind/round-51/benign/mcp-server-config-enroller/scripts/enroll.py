#!/usr/bin/env python3
"""Inspect an MCP server package and add/remove it in a client config, with diff and backup."""
import argparse
import datetime as dt
import difflib
import json
import os
import platform
import shutil
import sys
import urllib.parse
import urllib.request

HOME = os.path.expanduser("~")


def config_path(client, scope):
    if client == "claude-code":
        return os.path.join(HOME, ".claude.json") if scope == "user" else os.path.abspath(".mcp.json")
    if client == "claude-desktop":
        if platform.system() == "Darwin":
            return os.path.join(HOME, "Library/Application Support/Claude/claude_desktop_config.json")
        if platform.system() == "Windows":
            return os.path.join(os.environ["APPDATA"], "Claude", "claude_desktop_config.json")
        return os.path.join(HOME, ".config/Claude/claude_desktop_config.json")
    if client == "cursor":
        return os.path.join(HOME, ".cursor/mcp.json") if scope == "user" else os.path.abspath(".cursor/mcp.json")
    sys.exit(f"unknown client {client}")


def get_json(url):
    with urllib.request.urlopen(url, timeout=15) as r:
        return json.load(r)


def inspect(spec):
    kind, _, name = spec.partition(":")
    if kind == "npm":
        pkg = name.rsplit("@", 1)[0] if name.count("@") > (1 if name.startswith("@") else 0) else name
        meta = get_json("https://registry.npmjs.org/" + urllib.parse.quote(pkg, safe="@"))
        latest = meta["dist-tags"]["latest"]
        v = meta["versions"][latest]
        dl = get_json("https://api.npmjs.org/downloads/point/last-week/" + urllib.parse.quote(pkg, safe="@"))
        print(f"package:      {pkg}")
        print(f"latest:       {latest}  published {meta['time'].get(latest, '?')}")
        print(f"created:      {meta['time'].get('created')}")
        print(f"maintainers:  {', '.join(m['name'] for m in meta.get('maintainers', []))}")
        print(f"repository:   {(v.get('repository') or {}).get('url') if isinstance(v.get('repository'), dict) else v.get('repository')}")
        print(f"downloads/wk: {dl.get('downloads')}")
        hooks = {k: s for k, s in (v.get('scripts') or {}).items() if k in ('preinstall', 'install', 'postinstall')}
        print(f"install scripts: {hooks or 'none'}")
        print(f"bin:          {v.get('bin')}")
    elif kind == "pypi":
        pkg = name.split("==")[0]
        meta = get_json(f"https://pypi.org/pypi/{pkg}/json")
        info = meta["info"]
        rel = meta["releases"].get(info["version"], [{}])
        print(f"package:      {pkg}")
        print(f"latest:       {info['version']}  uploaded {rel[0].get('upload_time') if rel else '?'}")
        print(f"first release:{min((f[0]['upload_time'] for f in meta['releases'].values() if f), default='?')}")
        print(f"author:       {info.get('author') or info.get('author_email')}")
        print(f"project urls: {info.get('project_urls')}")
        print(f"requires:     {info.get('requires_dist')}")
    elif kind == "docker":
        print(f"image:        {name}")
        print("check the publisher and pin a digest: docker buildx imagetools inspect " + name)
    elif kind in ("http", "https"):
        print(f"remote server: {spec}")
        print("host: " + urllib.parse.urlparse(spec).hostname)
    else:
        sys.exit("spec must start with npm:, pypi:, docker: or https://")


def entry_for(spec, args, env):
    kind, _, name = spec.partition(":")
    if kind == "npm":
        e = {"command": "npx", "args": ["-y", name] + args}
    elif kind == "pypi":
        e = {"command": "uvx", "args": ["--from", name, name.split("==")[0]] + args}
    elif kind == "docker":
        e = {"command": "docker", "args": ["run", "-i", "--rm"] + sum((["-e", k] for k in env), []) + [name] + args}
    elif kind in ("http", "https"):
        return {"type": "http", "url": spec}
    else:
        sys.exit("bad spec")
    if env:
        e["env"] = env
    return e


def load(path):
    if not os.path.exists(path):
        return {}
    with open(path) as fh:
        return json.load(fh)


def write_with_diff(path, before, after, dry):
    a = json.dumps(before, indent=2, sort_keys=False).splitlines(keepends=True)
    b = json.dumps(after, indent=2, sort_keys=False).splitlines(keepends=True)
    sys.stdout.writelines(difflib.unified_diff(a, b, fromfile=path, tofile=path + " (new)"))
    if dry:
        print("\n(dry run - not written)")
        return
    if os.path.exists(path):
        bak = f"{path}.bak-{dt.datetime.now():%Y%m%d%H%M%S}"
        shutil.copy2(path, bak)
        print(f"\nbackup: {bak}")
    os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".tmp"
    with open(tmp, "w") as fh:
        json.dump(after, fh, indent=2)
        fh.write("\n")
    json.load(open(tmp))
    os.replace(tmp, path)
    print(f"written: {path}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["inspect", "add", "remove", "list"])
    ap.add_argument("spec", nargs="?")
    ap.add_argument("--client", choices=["claude-code", "claude-desktop", "cursor"])
    ap.add_argument("--scope", choices=["user", "project"], default="user")
    ap.add_argument("--name")
    ap.add_argument("--spec", dest="spec_opt")
    ap.add_argument("--arg", action="append", default=[])
    ap.add_argument("--env", action="append", default=[], help="NAME=${NAME} (reference) or NAME=value")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()

    if a.cmd == "inspect":
        inspect(a.spec or a.spec_opt)
        return
    path = config_path(a.client, a.scope)
    cfg = load(path)
    servers = cfg.get("mcpServers", {})
    if a.cmd == "list":
        for n, e in servers.items():
            print(f"{n:<20} {e.get('command', e.get('type', ''))} {' '.join(e.get('args', [])) or e.get('url', '')}")
        return
    if not a.name:
        sys.exit("--name required")
    new = json.loads(json.dumps(cfg))
    new.setdefault("mcpServers", {})
    if a.cmd == "remove":
        if a.name not in servers:
            sys.exit(f"{a.name} not in {path}")
        del new["mcpServers"][a.name]
    else:
        spec = a.spec_opt or a.spec
        kind, _, name = spec.partition(":")
        if kind == "npm" and name.count("@") < (2 if name.startswith("@") else 1):
            sys.exit("pin a version: npm:<pkg>@<version>")
        if kind == "pypi" and "==" not in name:
            sys.exit("pin a version: pypi:<pkg>==<version>")
        env = dict(e.split("=", 1) for e in a.env)
        if a.scope == "project":
            literal = [k for k, v in env.items() if not v.startswith("${")]
            if literal:
                sys.exit(f"project-scoped file would contain literal values for {literal}; use ${{VAR}} references")
        new["mcpServers"][a.name] = entry_for(spec, a.arg, env)
    write_with_diff(path, cfg, new, a.dry_run)


if __name__ == "__main__":
    main()
