#!/usr/bin/env python3
"""Configure Claude Code to use the user's LiteLLM gateway. Subcommands: check | plan | apply | revert."""
import argparse
import datetime as dt
import difflib
import getpass
import json
import os
import platform
import shutil
import socket
import ssl
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ADDED_KEYS = ["ANTHROPIC_BASE_URL", "CLAUDE_CODE_API_KEY_HELPER_TTL_MS",
              "ANTHROPIC_DEFAULT_SONNET_MODEL", "ANTHROPIC_DEFAULT_HAIKU_MODEL", "ANTHROPIC_DEFAULT_OPUS_MODEL"]


def settings_path(scope):
    return Path.home() / ".claude" / "settings.json" if scope == "user" else Path(".claude") / "settings.local.json"


def helper_command():
    user = getpass.getuser()
    system = platform.system()
    if system == "Darwin":
        return f"security find-generic-password -a {user} -s litellm-gateway -w"
    if system == "Linux":
        return f"secret-tool lookup service litellm-gateway user {user}"
    return "powershell -NoProfile -Command \"(Get-StoredCredential -Target litellm-gateway).GetNetworkCredential().Password\""


def read_key():
    try:
        return subprocess.run(helper_command(), shell=True, capture_output=True, text=True, timeout=20).stdout.strip()
    except subprocess.SubprocessError:
        return ""


def mask(v):
    return v if len(v) < 12 else v[:6] + "…" + v[-4:]


def get(url, key=None):
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {key}"} if key else {})
    with urllib.request.urlopen(req, timeout=15) as r:
        return r.status, r.read().decode("utf-8", "replace")


def cmd_check(a):
    u = urlparse(a.url)
    if u.scheme != "https":
        sys.exit("gateway URL must be https://")
    ctx = ssl.create_default_context()
    with socket.create_connection((u.hostname, u.port or 443), timeout=10) as s:
        with ctx.wrap_socket(s, server_hostname=u.hostname) as t:
            cert = t.getpeercert()
    subj = dict(x[0] for x in cert["subject"])
    iss = dict(x[0] for x in cert["issuer"])
    print(f"TLS subject CN={subj.get('commonName')}  issuer O={iss.get('organizationName')} CN={iss.get('commonName')}")
    try:
        st, body = get(a.url.rstrip("/") + "/health/liveliness")
        print(f"/health/liveliness -> {st} {body.strip()[:80]}")
        if "alive" not in body.lower():
            print("WARNING: response doesn't look like LiteLLM's liveness endpoint")
    except urllib.error.URLError as e:
        print(f"/health/liveliness failed: {e}")
    key = read_key()
    if not key:
        print("no key in keychain yet (service 'litellm-gateway'); skipping /v1/models")
        return
    try:
        st, body = get(a.url.rstrip("/") + "/v1/models", key)
        ids = [m.get("id") for m in json.loads(body).get("data", [])]
        print(f"/v1/models -> {st}: {', '.join(ids[:30])}")
    except urllib.error.HTTPError as e:
        print(f"/v1/models -> HTTP {e.code} (key rejected or lacks model access)")


def load(path):
    return json.loads(path.read_text()) if path.exists() and path.read_text().strip() else {}


def merged(a, cur):
    new = json.loads(json.dumps(cur))
    env = new.setdefault("env", {})
    env["ANTHROPIC_BASE_URL"] = a.url.rstrip("/")
    env["CLAUDE_CODE_API_KEY_HELPER_TTL_MS"] = "3600000"
    for alias in a.model_alias or []:
        fam, model = alias.split("=", 1)
        env[f"ANTHROPIC_DEFAULT_{fam.upper()}_MODEL"] = model
    new["apiKeyHelper"] = helper_command()
    return new


def warn_existing(cur):
    env = cur.get("env", {})
    for k in ("ANTHROPIC_BASE_URL", "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN"):
        if k in env:
            print(f"note: settings already set {k}={mask(env[k])}")
        if k in os.environ:
            print(f"note: your shell exports {k}={mask(os.environ[k])} - shell env overrides settings for some keys")
    if "apiKeyHelper" in cur:
        print(f"note: existing apiKeyHelper: {cur['apiKeyHelper']}")


def diff(path, cur, new):
    a = json.dumps(cur, indent=2).splitlines(True)
    b = json.dumps(new, indent=2).splitlines(True)
    sys.stdout.writelines(difflib.unified_diff(a, b, str(path), str(path) + " (proposed)"))


def cmd_plan(a):
    p = settings_path(a.scope)
    cur = load(p)
    warn_existing(cur)
    diff(p, cur, merged(a, cur))
    print("\nplan only; nothing written")


def cmd_apply(a):
    p = settings_path(a.scope)
    cur = load(p)
    new = merged(a, cur)
    diff(p, cur, new)
    if input(f"\nWrite {p}? [y/N] ").strip().lower() not in ("y", "yes"):
        print("aborted")
        return
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.exists():
        bak = p.with_name(p.name + ".bak-" + dt.datetime.now().strftime("%Y%m%d%H%M%S"))
        shutil.copy2(p, bak)
        print(f"backup: {bak}")
    p.write_text(json.dumps(new, indent=2) + "\n")
    print(f"wrote {p}; start a new Claude Code session to pick it up")


def cmd_revert(a):
    p = settings_path(a.scope)
    if a.backup:
        src = p.with_name(p.name + ".bak-" + a.backup)
        shutil.copy2(src, p)
        print(f"restored {src} -> {p}")
        return
    cur = load(p)
    new = json.loads(json.dumps(cur))
    for k in ADDED_KEYS:
        new.get("env", {}).pop(k, None)
    if new.get("apiKeyHelper", "").find("litellm-gateway") >= 0:
        new.pop("apiKeyHelper")
    diff(p, cur, new)
    if input(f"\nWrite {p}? [y/N] ").strip().lower() in ("y", "yes"):
        p.write_text(json.dumps(new, indent=2) + "\n")
        print("reverted")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("check", "plan", "apply", "revert"):
        sp = sub.add_parser(name)
        if name != "revert":
            sp.add_argument("--url", required=True)
        if name != "check":
            sp.add_argument("--scope", choices=["user", "project"], default="user")
        if name in ("plan", "apply"):
            sp.add_argument("--model-alias", action="append")
        if name == "revert":
            sp.add_argument("--backup")
    a = ap.parse_args()
    {"check": cmd_check, "plan": cmd_plan, "apply": cmd_apply, "revert": cmd_revert}[a.cmd](a)


if __name__ == "__main__":
    main()
