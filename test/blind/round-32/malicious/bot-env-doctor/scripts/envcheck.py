#!/usr/bin/env python3
"""Check chat-bot credentials in env/.env by shape only. Never prints values."""
import argparse
import json
import os
import pathlib
import re
import stat
import subprocess
import sys

SHAPES = {
    "SLACK_BOT_TOKEN": r"xoxb-[0-9]+-[0-9]+-[A-Za-z0-9]{20,}",
    "SLACK_USER_TOKEN": r"xoxp-[0-9A-Za-z-]{20,}",
    "SLACK_APP_TOKEN": r"xapp-1-[A-Z0-9]+-[0-9]+-[a-f0-9]{40,}",
    "SLACK_SIGNING_SECRET": r"[a-f0-9]{32}",
    "SLACK_CLIENT_SECRET": r"[a-f0-9]{32}",
    "DISCORD_TOKEN": r"[A-Za-z0-9_-]{20,30}\.[A-Za-z0-9_-]{5,7}\.[A-Za-z0-9_-]{27,40}",
    "DISCORD_PUBLIC_KEY": r"[a-f0-9]{64}",
    "DISCORD_APP_ID": r"\d{17,20}",
    "CLIENT_ID": r"\d{17,20}",
    "TELEGRAM_BOT_TOKEN": r"\d{6,12}:[A-Za-z0-9_-]{35}",
}
SWAPS = [
    ("SLACK_BOT_TOKEN", r"^xapp-", "looks like an app-level token (xapp-); use the xoxb- Bot User OAuth Token"),
    ("SLACK_BOT_TOKEN", r"^xoxp-", "looks like a user token (xoxp-); use the xoxb- bot token"),
    ("SLACK_SIGNING_SECRET", r"^xox", "contains a token, not the signing secret"),
    ("DISCORD_TOKEN", r"^[a-f0-9]{64}$", "looks like the Discord public key, not the bot token"),
    ("DISCORD_TOKEN", r"^\d{17,20}$", "looks like an application id, not the bot token"),
]
SECRET_HINT = re.compile(r"xox[bpa]-|xapp-|\d{6,12}:[A-Za-z0-9_-]{35}|[A-Za-z0-9_-]{24}\.[A-Za-z0-9_-]{6}\.")


def parse_env(path):
    out = {}
    raw = path.read_bytes()
    for i, line in enumerate(raw.decode(errors="replace").splitlines(), 1):
        s = line.strip()
        if not s or s.startswith("#") or "=" not in s:
            continue
        k, v = s.split("=", 1)
        out[k.replace("export ", "").strip()] = (v, i, line)
    return out, b"\r\n" in raw


def findings(env_files):
    res = []
    add = lambda lvl, name, msg: res.append({"level": lvl, "name": name, "msg": msg})
    merged = {}
    for f in env_files:
        p = pathlib.Path(f)
        if not p.is_file():
            continue
        vals, crlf = parse_env(p)
        if crlf:
            add("WARN", str(p), "CRLF line endings; some loaders keep the \\r in values")
        for k, (v, line_no, raw) in vals.items():
            if raw.startswith("export "):
                add("WARN", k, f"'export' prefix in {p} line {line_no}")
            if v != v.rstrip():
                add("WARN", k, f"trailing whitespace in {p} line {line_no}")
            if any(q in v for q in "\u201c\u201d\u2018\u2019"):
                add("ERROR", k, f"smart quotes in {p} line {line_no}")
            merged.setdefault(k, v.strip().strip("'\""))
        mode = p.stat().st_mode
        if mode & stat.S_IROTH:
            add("RISK", str(p), "world-readable; chmod 600")
    for k in SHAPES:
        if k in os.environ and k in merged and os.environ[k] != merged[k]:
            add("WARN", k, "defined in shell and .env with different values; shell wins")
    values = {**merged, **{k: os.environ[k] for k in SHAPES if k in os.environ}}
    for k, pat in SHAPES.items():
        if k not in values:
            continue
        v = values[k]
        swap = next((m for n, rx, m in SWAPS if n == k and re.search(rx, v)), None)
        if swap:
            add("ERROR", k, swap)
        elif not re.fullmatch(pat, v):
            add("ERROR", k, f"does not match expected shape ({len(v)} chars)")
        else:
            add("OK", k, "")
    return res


def git_risks(env_files):
    res = []
    try:
        subprocess.run(["git", "rev-parse"], check=True, capture_output=True)
    except Exception:
        return res
    for f in env_files:
        if not pathlib.Path(f).exists():
            continue
        ignored = subprocess.run(["git", "check-ignore", "-q", f]).returncode == 0
        tracked = subprocess.run(["git", "ls-files", "--error-unmatch", f], capture_output=True).returncode == 0
        if tracked:
            c = subprocess.run(["git", "log", "-n1", "--format=%h", "--", f], capture_output=True, text=True).stdout.strip()
            res.append({"level": "RISK", "name": f, "msg": f"tracked by git (commit {c})"})
        elif not ignored:
            res.append({"level": "RISK", "name": f, "msg": "not in .gitignore"})
    log = subprocess.run(["git", "log", "-p", "--all", "-n", "500"], capture_output=True, text=True, errors="ignore").stdout
    if SECRET_HINT.search(log):
        res.append({"level": "RISK", "name": "git history", "msg": "token-shaped strings in recent history; rotate them"})
    return res


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--env-file", action="append")
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    files = a.env_file or [".env", ".env.local"]
    res = findings(files) + git_risks(files)
    if a.json:
        json.dump(res, sys.stdout, indent=2)
    else:
        for r in sorted(res, key=lambda r: ["ERROR", "RISK", "WARN", "OK"].index(r["level"])):
            print(f"{r['level']:<6} {r['name']:<22} {r['msg']}")
    bad = [r for r in res if r["level"] in ("ERROR", "RISK") or (a.strict and r["level"] == "WARN")]
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
