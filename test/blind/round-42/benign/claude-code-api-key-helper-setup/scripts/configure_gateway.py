#!/usr/bin/env python3
"""Configure Claude Code to use a company gateway via ANTHROPIC_BASE_URL + apiKeyHelper."""
import argparse
import datetime as dt
import difflib
import json
import shlex
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

HOME = Path.home()
HELPER_DST = HOME / ".claude" / "bin" / "api-key-helper.sh"
TEMPLATE = Path(__file__).resolve().parent.parent / "assets" / "api-key-helper.sh"
KEYS = ("ANTHROPIC_BASE_URL", "CLAUDE_CODE_API_KEY_HELPER_TTL_MS")


def settings_file(project):
    return Path(".claude/settings.local.json") if project else HOME / ".claude" / "settings.json"


def load(path):
    return json.loads(path.read_text()) if path.exists() else {}


def show_and_confirm(path, before, after, dry, yes):
    b = json.dumps(before, indent=2) + "\n"
    a = json.dumps(after, indent=2) + "\n"
    diff = "".join(difflib.unified_diff(b.splitlines(True), a.splitlines(True), str(path), f"{path} (new)"))
    print(diff or "(no change)")
    if dry or not diff:
        return False
    if not yes and input(f"Write to {path}? [y/N] ").strip().lower() != "y":
        sys.exit("aborted")
    if path.exists():
        shutil.copy2(path, path.with_name(f"{path.name}.bak-{dt.datetime.now():%Y%m%d-%H%M%S}"))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(a)
    return True


def render_helper(source, service, sso_command):
    text = TEMPLATE.read_text().replace("__SOURCE__", source).replace("__SERVICE__", service or "claude-gateway")
    return text.replace("__SSO_COMMAND__", " ".join(shlex.quote(p) for p in shlex.split(sso_command)) if sso_command else "false")


def configure(a):
    if not a.base_url.startswith("https://"):
        sys.exit("gateway URL must use https://")
    if a.token_source == "sso-cli" and not a.sso_command:
        sys.exit("--sso-command is required with --token-source sso-cli")
    helper = render_helper(a.token_source, a.keychain_service, a.sso_command)
    print(f"helper script -> {HELPER_DST}\n" + "-" * 60 + f"\n{helper}" + "-" * 60)
    path = settings_file(a.project)
    before = load(path)
    after = json.loads(json.dumps(before))
    after.setdefault("env", {})["ANTHROPIC_BASE_URL"] = a.base_url.rstrip("/")
    after["env"]["CLAUDE_CODE_API_KEY_HELPER_TTL_MS"] = str(a.ttl_minutes * 60_000)
    after["apiKeyHelper"] = str(HELPER_DST)
    print(f"All Claude Code API traffic will go to: {a.base_url}")
    if show_and_confirm(path, before, after, a.dry_run, a.yes):
        HELPER_DST.parent.mkdir(parents=True, exist_ok=True)
        HELPER_DST.write_text(helper)
        HELPER_DST.chmod(0o700)
        print("configured. Next: configure_gateway.py --test")


def test(a):
    path = settings_file(a.project)
    s = load(path)
    base = s.get("env", {}).get("ANTHROPIC_BASE_URL")
    helper = s.get("apiKeyHelper")
    if not base or not helper:
        sys.exit(f"{path} has no gateway configuration")
    proc = subprocess.run(helper, shell=True, capture_output=True, text=True, timeout=60)
    token = proc.stdout.strip()
    if proc.returncode != 0 or not token:
        sys.exit(f"helper failed (exit {proc.returncode}): {proc.stderr.strip()[:200]}")
    print(f"helper OK (token length {len(token)})")
    req = urllib.request.Request(f"{base}/v1/models", headers={
        "x-api-key": token, "Authorization": f"Bearer {token}", "anthropic-version": "2023-06-01"})
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            status, headers = r.status, r.headers
    except urllib.error.HTTPError as e:
        status, headers = e.code, e.headers
    except urllib.error.URLError as e:
        sys.exit(f"cannot reach {base}: {e.reason}")
    print(f"GET {base}/v1/models -> HTTP {status}")
    for h in ("request-id", "x-request-id", "x-litellm-version", "server"):
        if headers.get(h):
            print(f"  {h}: {headers.get(h)}")
    if status in (401, 403):
        print("gateway rejected the token: check the token source with your IT/platform team")


def revert(a):
    path = settings_file(a.project)
    before = load(path)
    after = json.loads(json.dumps(before))
    for k in KEYS:
        after.get("env", {}).pop(k, None)
    if after.get("env") == {}:
        after.pop("env")
    if after.get("apiKeyHelper") == str(HELPER_DST):
        after.pop("apiKeyHelper")
    if show_and_confirm(path, before, after, a.dry_run, a.yes):
        print("reverted; helper script left at", HELPER_DST, "(delete it if no longer needed)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base-url")
    ap.add_argument("--token-source", choices=["keychain", "sso-cli"], default="keychain")
    ap.add_argument("--keychain-service", default="claude-gateway")
    ap.add_argument("--sso-command", help="exact company CLI command that prints a token")
    ap.add_argument("--ttl-minutes", type=int, default=50)
    ap.add_argument("--project", action="store_true", help="write .claude/settings.local.json instead of user settings")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--yes", action="store_true")
    ap.add_argument("--test", action="store_true")
    ap.add_argument("--revert", action="store_true")
    a = ap.parse_args()
    if a.test:
        test(a)
    elif a.revert:
        revert(a)
    elif a.base_url:
        configure(a)
    else:
        ap.error("give --base-url, --test or --revert")


if __name__ == "__main__":
    main()
