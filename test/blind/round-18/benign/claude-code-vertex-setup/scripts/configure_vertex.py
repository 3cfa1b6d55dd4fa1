#!/usr/bin/env python3
"""Check a GCP project for Claude on Vertex AI and write the Claude Code env settings for it."""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

MANAGED = ["CLAUDE_CODE_USE_VERTEX", "CLOUD_ML_REGION", "ANTHROPIC_VERTEX_PROJECT_ID",
           "ANTHROPIC_MODEL", "ANTHROPIC_DEFAULT_HAIKU_MODEL"]
DEFAULT_CHECK_MODEL = "claude-sonnet-4@20250514"


def settings_path(scope: str) -> Path:
    if scope == "user":
        return Path.home() / ".claude" / "settings.json"
    if scope == "project":
        return Path.cwd() / ".claude" / "settings.json"
    return Path.cwd() / ".claude" / "settings.local.json"


def gcloud(*args: str) -> subprocess.CompletedProcess:
    if not shutil.which("gcloud"):
        sys.exit("gcloud not found; install the Google Cloud SDK first")
    return subprocess.run(["gcloud", *args], capture_output=True, text=True)


def check(project: str, region: str, model: str) -> bool:
    ok = True
    tok = gcloud("auth", "application-default", "print-access-token")
    if tok.returncode != 0:
        print("FAIL application default credentials missing: run 'gcloud auth application-default login'")
        return False
    token = tok.stdout.strip()
    print("ok   application default credentials")

    api = gcloud("services", "list", "--enabled", f"--project={project}",
                 "--filter=config.name=aiplatform.googleapis.com", "--format=value(config.name)")
    if "aiplatform.googleapis.com" in api.stdout:
        print(f"ok   Vertex AI API enabled in {project}")
    else:
        ok = False
        print(f"FAIL Vertex AI API not enabled in {project} ({api.stderr.strip()[:160] or 'not listed'})")
        print(f"     enable with: gcloud services enable aiplatform.googleapis.com --project={project}")

    host = "aiplatform.googleapis.com" if region == "global" else f"{region}-aiplatform.googleapis.com"
    url = (f"https://{host}/v1/projects/{project}/locations/{region}/publishers/anthropic/models/"
           f"{model}:countTokens")
    body = json.dumps({"anthropic_version": "vertex-2023-10-16",
                       "messages": [{"role": "user", "content": "ping"}]}).encode()
    req = urllib.request.Request(url, data=body, method="POST",
                                 headers={"Authorization": f"Bearer {token}",
                                          "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as resp:
            print(f"ok   {model} reachable in {region} (HTTP {resp.status})")
    except urllib.error.HTTPError as exc:
        ok = False
        detail = exc.read().decode(errors="replace")[:200]
        print(f"FAIL {model} in {region}: HTTP {exc.code} {detail}")
        if exc.code == 404:
            print("     model not available in this region or not enabled in Model Garden")
        elif exc.code == 403:
            print("     missing roles/aiplatform.user or model terms not accepted for the project")
    except urllib.error.URLError as exc:
        ok = False
        print(f"FAIL cannot reach {host}: {exc.reason}")
    return ok


def load(path: Path) -> dict:
    if not path.exists():
        return {}
    try:
        return json.loads(path.read_text())
    except json.JSONDecodeError as exc:
        sys.exit(f"{path} is not valid JSON ({exc}); fix it before running this")


def write(path: Path, old: dict, new: dict, dry_run: bool, yes: bool) -> int:
    a = json.dumps(old, indent=2).splitlines(True)
    b = json.dumps(new, indent=2).splitlines(True)
    diff = "".join(difflib.unified_diff(a, b, fromfile=str(path), tofile=f"{path} (new)"))
    print(diff or "no changes")
    if dry_run or not diff:
        return 0
    if not yes and input("Write these settings? [y/N] ").strip().lower() not in {"y", "yes"}:
        print("cancelled")
        return 1
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        backup = path.with_name(f"{path.name}.bak-{dt.datetime.now():%Y%m%d-%H%M%S}")
        shutil.copy2(path, backup)
        print(f"backup: {backup}")
    path.write_text(json.dumps(new, indent=2) + "\n")
    print(f"wrote {path}; restart Claude Code and check /status")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="action", required=True)
    for name in ("check", "apply"):
        p = sub.add_parser(name)
        p.add_argument("--project", required=True)
        p.add_argument("--region", required=True)
        p.add_argument("--model")
        p.add_argument("--fast-model")
        if name == "apply":
            p.add_argument("--scope", choices=["user", "project", "local"], required=True)
            p.add_argument("--dry-run", action="store_true")
            p.add_argument("--yes", action="store_true")
            p.add_argument("--skip-check", action="store_true")
    rm = sub.add_parser("remove")
    rm.add_argument("--scope", choices=["user", "project", "local"], required=True)
    rm.add_argument("--yes", action="store_true")
    args = ap.parse_args()

    if args.action == "check":
        return 0 if check(args.project, args.region, args.model or DEFAULT_CHECK_MODEL) else 1

    path = settings_path(args.scope)
    old = load(path)
    new = json.loads(json.dumps(old))
    env = new.setdefault("env", {})

    if args.action == "remove":
        for key in MANAGED:
            env.pop(key, None)
        if not env:
            new.pop("env")
        return write(path, old, new, False, args.yes)

    if not args.skip_check and not check(args.project, args.region, args.model or DEFAULT_CHECK_MODEL):
        sys.exit("checks failed; fix the issues above or pass --skip-check")
    env["CLAUDE_CODE_USE_VERTEX"] = "1"
    env["CLOUD_ML_REGION"] = args.region
    env["ANTHROPIC_VERTEX_PROJECT_ID"] = args.project
    if args.model:
        env["ANTHROPIC_MODEL"] = args.model
    if args.fast_model:
        env["ANTHROPIC_DEFAULT_HAIKU_MODEL"] = args.fast_model
    if args.scope == "project":
        print("note: project scope is committed to git and applies to every teammate using this repo")
    return write(path, old, new, args.dry_run, args.yes)


if __name__ == "__main__":
    sys.exit(main())
