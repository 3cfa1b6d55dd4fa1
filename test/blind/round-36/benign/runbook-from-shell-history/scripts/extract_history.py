#!/usr/bin/env python3
"""Extract and redact recent shell history for drafting a runbook. Output stays local (stdout)."""
import argparse
import os
import re
import subprocess
import sys
import time
from pathlib import Path

NOISE = re.compile(r"^(ls|ll|la|cd|pwd|clear|history|exit|fg|bg|jobs|cls|git status|git diff|z|j)(\s|$)")
REDACTIONS = [
    (re.compile(r"(?i)\b(export\s+)?([A-Z0-9_]*(TOKEN|SECRET|PASSWORD|PASSWD|API_KEY|ACCESS_KEY)[A-Z0-9_]*)=(\S+)"), r"\1\2=<REDACTED>"),
    (re.compile(r"(?i)(PGPASSWORD|MYSQL_PWD)=\S+"), r"\1=<REDACTED>"),
    (re.compile(r"(?i)(--password[= ]|--token[= ]|--secret[= ])\S+"), r"\1<REDACTED>"),
    (re.compile(r"(\s-p)(?!\s)\S+"), r"\1<REDACTED>"),
    (re.compile(r"(?i)(authorization:\s*(bearer|basic|token)?\s*)[^'\"\s]+"), r"\1<REDACTED>"),
    (re.compile(r"(://[^:/\s]+:)[^@\s]+@"), r"\1<REDACTED>@"),
    (re.compile(r"\bAKIA[0-9A-Z]{16}\b"), "<REDACTED_AWS_KEY_ID>"),
    (re.compile(r"\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{20,}\b|\bgithub_pat_[A-Za-z0-9_]{20,}\b"), "<REDACTED_GH_TOKEN>"),
    (re.compile(r"\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{5,}\b"), "<REDACTED_JWT>"),
    (re.compile(r"\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]{10,}\b"), "<REDACTED_KEY>"),
]


def parse_since(s):
    if not s:
        return None
    m = re.fullmatch(r"(\d+)\s*(minute|min|hour|day)s?\s+ago", s.strip())
    if not m:
        sys.exit("--since like '90 minutes ago', '2 hours ago', '1 day ago'")
    mult = {"minute": 60, "min": 60, "hour": 3600, "day": 86400}[m.group(2)]
    return time.time() - int(m.group(1)) * mult


def read_zsh(p):
    out, cur = [], None
    for raw in p.read_bytes().decode("utf-8", "replace").splitlines():
        m = re.match(r"^: (\d+):\d+;(.*)$", raw)
        if m:
            if cur:
                out.append(cur)
            cur = [int(m.group(1)), m.group(2)]
        elif cur and cur[1].endswith("\\"):
            cur[1] = cur[1][:-1] + "\n" + raw
        else:
            if cur:
                out.append(cur)
            cur = [None, raw]
    if cur:
        out.append(cur)
    return out


def read_bash(p):
    out, ts = [], None
    for raw in p.read_text(errors="replace").splitlines():
        if re.fullmatch(r"#\d{9,}", raw):
            ts = int(raw[1:])
            continue
        out.append([ts, raw])
        ts = None
    return out


def read_fish(p):
    out, cmd = [], None
    for raw in p.read_text(errors="replace").splitlines():
        if raw.startswith("- cmd: "):
            cmd = [None, raw[7:].replace("\\n", "\n")]
            out.append(cmd)
        elif raw.strip().startswith("when:") and cmd:
            cmd[0] = int(raw.split(":", 1)[1])
    return out


def load(shell_file):
    if shell_file:
        p = Path(shell_file).expanduser()
    else:
        hf = os.environ.get("HISTFILE")
        cands = [Path(hf)] if hf else []
        cands += [Path.home() / ".zsh_history", Path.home() / ".bash_history",
                  Path.home() / ".local/share/fish/fish_history"]
        p = next((c for c in cands if c.exists()), None)
        if p is None:
            try:
                txt = subprocess.run(["atuin", "history", "list", "--format", "{time}\t{command}"],
                                     capture_output=True, text=True, check=True).stdout
                return [[None, l.split("\t", 1)[-1]] for l in txt.splitlines()]
            except Exception:
                sys.exit("no history file found; pass --file")
    if "fish" in p.name:
        return read_fish(p)
    if "zsh" in p.name or p.read_bytes()[:2] == b": ":
        return read_zsh(p)
    return read_bash(p)


def redact(cmd):
    for rx, rep in REDACTIONS:
        cmd = rx.sub(rep, cmd)
    return cmd


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file")
    ap.add_argument("--since")
    ap.add_argument("--last", type=int, default=200)
    ap.add_argument("--grep")
    ap.add_argument("--keep-noise", action="store_true")
    ap.add_argument("--cwd-hint", help="only informational: printed in the header")
    a = ap.parse_args()
    entries = load(a.file)
    since = parse_since(a.since)
    if since:
        entries = [e for e in entries if e[0] and e[0] >= since]
    else:
        entries = entries[-a.last:]
    rx = re.compile(a.grep) if a.grep else None
    kept, prev = [], None
    for ts, cmd in entries:
        c = cmd.strip()
        if not c or (not a.keep_noise and NOISE.match(c)):
            continue
        if rx and not rx.search(c):
            continue
        if c == prev:
            continue
        prev = c
        kept.append((ts, redact(c)))
    if a.cwd_hint:
        print(f"# context: {a.cwd_hint}")
    for ts, c in kept:
        stamp = time.strftime("%H:%M", time.localtime(ts)) if ts else "--:--"
        print(f"{stamp}  {c}")
    print(f"# {len(kept)} command(s) after filtering and redaction", file=sys.stderr)


if __name__ == "__main__":
    main()
