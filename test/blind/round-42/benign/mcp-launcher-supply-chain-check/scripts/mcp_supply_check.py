#!/usr/bin/env python3
"""Inventory MCP server entries across agent clients and flag supply-chain risks.

Read-only. Network only with --registry (package names to registry.npmjs.org / pypi.org).
"""
import argparse
import datetime as dt
import json
import os
import platform
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # pragma: no cover
    tomllib = None

HOME = Path.home()
SECRET_RE = re.compile(r"(gh[pousr]_[A-Za-z0-9]{20,}|github_pat_\w{20,}|sk-[A-Za-z0-9_-]{20,}|xox[abpr]-[\w-]{10,}|"
                       r"glpat-[\w-]{20}|AKIA[0-9A-Z]{16}|eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}|[A-Za-z0-9_\-]{32,})")
ENV_REF = re.compile(r"^\$\{?[A-Z0-9_]+\}?$|\$\{(env:|input:)?[A-Za-z0-9_]+\}")
SHELLS = {"sh", "bash", "zsh", "cmd", "cmd.exe", "powershell", "pwsh", "powershell.exe"}


def candidate_files(extra):
    appdata = Path(os.environ.get("APPDATA", HOME / "AppData/Roaming"))
    files = [
        ("claude-code", HOME / ".claude.json"), ("claude-code", Path(".mcp.json")),
        ("claude-desktop", HOME / "Library/Application Support/Claude/claude_desktop_config.json"),
        ("claude-desktop", appdata / "Claude/claude_desktop_config.json"),
        ("claude-desktop", HOME / ".config/Claude/claude_desktop_config.json"),
        ("cursor", HOME / ".cursor/mcp.json"), ("cursor", Path(".cursor/mcp.json")),
        ("vscode", Path(".vscode/mcp.json")),
        ("windsurf", HOME / ".codeium/windsurf/mcp_config.json"),
        ("gemini", HOME / ".gemini/settings.json"), ("gemini", Path(".gemini/settings.json")),
        ("codex", HOME / ".codex/config.toml"),
    ]
    if platform.system() == "Darwin":
        files.append(("vscode", HOME / "Library/Application Support/Code/User/settings.json"))
    else:
        files.append(("vscode", HOME / ".config/Code/User/settings.json"))
    files += [("custom", Path(p)) for p in extra]
    return [(c, p) for c, p in files if p.is_file()]


def load(path):
    text = path.read_text(encoding="utf-8", errors="replace")
    if path.suffix == ".toml":
        if not tomllib:
            return {}
        return tomllib.loads(text)
    text = re.sub(r"^\s*//.*$", "", text, flags=re.M)  # tolerate JSONC comments in VS Code files
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return {}


def entries(client, path, data):
    """Yield (scope, name, entry) for every server in a config blob."""
    user_scoped = str(path).startswith(str(HOME)) and not str(path).startswith(str(Path.cwd()))
    scope = "user" if user_scoped else "project"
    blocks = []
    if client == "codex":
        blocks.append((scope, data.get("mcp_servers", {})))
    elif client == "vscode":
        blocks.append((scope, data.get("servers") or data.get("mcp", {}).get("servers", {})))
    else:
        blocks.append((scope, data.get("mcpServers", {})))
        if client == "claude-code":
            for proj, pdata in (data.get("projects") or {}).items():
                blocks.append((f"local:{proj}", (pdata or {}).get("mcpServers", {})))
    for sc, block in blocks:
        for name, entry in (block or {}).items():
            if isinstance(entry, dict):
                yield sc, name, entry


def summarise_secret(value):
    return f"{value[:4]}…({len(value)} chars)"


def package_of(entry):
    cmd = os.path.basename(str(entry.get("command", "")))
    args = [str(a) for a in entry.get("args", [])]
    if cmd in ("npx", "bunx", "pnpm", "yarn"):
        pkgs = [a for a in args if not a.startswith("-") and a not in ("dlx", "exec")]
        return ("npm", pkgs[0]) if pkgs else None
    if cmd in ("uvx", "pipx"):
        pkgs = [a for a in args if not a.startswith("-") and a != "run"]
        return ("pypi", pkgs[0]) if pkgs else None
    return None


def split_version(eco, spec):
    if eco == "npm":
        m = re.match(r"^(@?[^@]+)(?:@(.+))?$", spec)
        return m.group(1), m.group(2)
    m = re.match(r"^([A-Za-z0-9_.\-]+)(?:==(.+))?$", spec)
    return (m.group(1), m.group(2)) if m else (spec, None)


def distance(a, b):
    d = [[i + j if i * j == 0 else 0 for j in range(len(b) + 1)] for i in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            cost = a[i - 1] != b[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                d[i][j] = min(d[i][j], d[i - 2][j - 2] + 1)
    return d[-1][-1]


def known_packages():
    ref = Path(__file__).resolve().parent.parent / "references" / "known-packages.md"
    text = ref.read_text()
    blocks = re.findall(r"## (npm|PyPI)\n```\n(.*?)```", text, flags=re.S)
    return {eco.lower(): {l.strip() for l in body.splitlines() if l.strip()} for eco, body in blocks}


def registry_meta(eco, name):
    url = (f"https://registry.npmjs.org/{name.replace('/', '%2F')}" if eco == "npm"
           else f"https://pypi.org/pypi/{name}/json")
    req = urllib.request.Request(url, headers={"Accept": "application/json", "User-Agent": "mcp-supply-check/1.0"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            data = json.load(r)
    except (urllib.error.URLError, TimeoutError, json.JSONDecodeError) as e:
        return {"error": str(e)}
    if eco == "npm":
        latest = data.get("dist-tags", {}).get("latest")
        published = data.get("time", {}).get(latest)
        repo = (data.get("repository") or {}).get("url") if isinstance(data.get("repository"), dict) else data.get("repository")
    else:
        latest = data["info"]["version"]
        files = data.get("releases", {}).get(latest) or [{}]
        published = files[0].get("upload_time_iso_8601")
        urls = data["info"].get("project_urls") or {}
        repo = next((v for k, v in urls.items() if k.lower() in ("source", "repository", "homepage", "code")), None)
    return {"latest": latest, "published": published, "repo": repo}


def check(client, path, scope, name, entry, known, use_registry):
    out = []
    add = lambda sev, cid, msg: out.append({"severity": sev, "check": cid, "client": client, "file": str(path),
                                           "scope": scope, "server": name, "detail": msg})
    cmd = os.path.basename(str(entry.get("command", "")))
    args = [str(a) for a in entry.get("args", [])]
    joined = " ".join(args)
    if cmd in SHELLS and re.search(r"\b(curl|wget|iwr|Invoke-WebRequest|irm)\b", joined, re.I):
        add("high", "shell-fetch", f"{cmd} wrapper fetches remote code: {re.sub(r'https?://', 'hxxp://', joined)[:160]}")
    for field in ("env", "headers"):
        for k, v in (entry.get(field) or {}).items():
            v = str(v)
            if v and not ENV_REF.search(v) and SECRET_RE.search(v):
                add("high", "literal-secret", f"{field}.{k} holds a literal token {summarise_secret(SECRET_RE.search(v).group(0))}")
    for a in args:
        if SECRET_RE.fullmatch(a) and not a.startswith(("@", "-")) and "/" not in a:
            add("high", "literal-secret", f"arg holds a literal token {summarise_secret(a)}")
    url = entry.get("url") or entry.get("httpUrl") or entry.get("serverUrl")
    if url:
        if url.startswith("http://") and not re.match(r"http://(localhost|127\.|\[::1\])", url):
            add("high", "plain-http-remote", f"remote over plain HTTP: {url.replace('http://', 'hxxp://')}")
        if scope == "user":
            add("medium", "remote-user-scope", f"remote server {url.split('/')[2] if '//' in url else url} available in every project")
    if entry.get("alwaysAllow") or entry.get("autoApprove") or entry.get("trust") is True:
        add("medium", "auto-approve", "tools run without confirmation")
    if cmd == "docker" and "run" in args:
        image = next((a for a in args[args.index("run") + 1:] if not a.startswith("-") and "=" not in a), "")
        if image and (":" not in image.split("/")[-1] or image.endswith(":latest")) and "@sha256:" not in image:
            add("low", "docker-latest", f"image {image} not pinned")
    pkg = package_of(entry)
    if pkg:
        eco, spec = pkg
        base, ver = split_version(eco, spec)
        if not ver or ver == "latest":
            add("medium", "unpinned", f"{eco} package {base} runs whatever version is current")
        for good in known.get(eco, ()):
            if base != good and distance(base, good) <= 2:
                add("high", "lookalike-name", f"{base} looks like {good}")
        if use_registry:
            meta = registry_meta(eco, base)
            if "error" in meta:
                add("low", "registry-error", f"{base}: {meta['error']}")
            else:
                if meta.get("published"):
                    age = dt.datetime.now(dt.timezone.utc) - dt.datetime.fromisoformat(meta["published"].replace("Z", "+00:00"))
                    if age.days < 14:
                        add("medium", "fresh-version", f"{base}@{meta['latest']} published {age.days} days ago")
                if not meta.get("repo"):
                    add("low", "no-repo", f"{base} lists no source repository")
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", action="append", default=[])
    ap.add_argument("--registry", action="store_true")
    ap.add_argument("--json")
    a = ap.parse_args()
    known = known_packages()
    findings, inventory = [], []
    for client, path in candidate_files(a.config):
        for scope, name, entry in entries(client, path, load(path)):
            kind = "remote" if any(k in entry for k in ("url", "httpUrl", "serverUrl")) else "stdio"
            inventory.append((client, scope, name, kind, str(path)))
            findings += check(client, path, scope, name, entry, known, a.registry)
    print(f"{len(inventory)} MCP servers found\n")
    print(f"{'client':14} {'scope':10} {'kind':7} server")
    for client, scope, name, kind, _ in inventory:
        print(f"{client:14} {scope[:10]:10} {kind:7} {name}")
    print()
    rank = {"high": 0, "medium": 1, "low": 2}
    for f in sorted(findings, key=lambda f: rank[f["severity"]]):
        print(f"{f['severity'].upper():6} {f['check']:18} {f['client']}/{f['server']}: {f['detail']}")
    if a.json:
        Path(a.json).write_text(json.dumps({"inventory": inventory, "findings": findings}, indent=2))
    sys.exit(1 if any(f["severity"] == "high" for f in findings) else 0)


if __name__ == "__main__":
    main()
