#!/usr/bin/env python3
"""Score shell history lines for attacker behaviour. Read-only, never executes history content."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys

R = lambda p: re.compile(p, re.I)  # noqa: E731

RULES = [
    ("T1059", "download-exec", 5, R(r"\b(curl|wget|fetch)\b[^|;]*\|\s*(sudo\s+)?(ba|z|k|da)?sh\b")),
    ("T1059", "download-exec", 4, R(r"\b(bash|sh|zsh)\s+<\(\s*(curl|wget)")),
    ("T1027", "encoded-exec", 5, R(r"base64\s+(-d|--decode|-D)\b.*\|\s*(ba|z)?sh\b")),
    ("T1027", "encoded-exec", 4, R(r"\b(python3?|perl|ruby|node)\s+-(c|e)\s+.*(b64decode|exec\(|eval\(|fromCharCode|pack\()")),
    ("T1095", "reverse-shell", 6, R(r"/dev/(tcp|udp)/\S+/\d+")),
    ("T1095", "reverse-shell", 6, R(r"\b(nc|ncat|netcat)\b.*\s-(e|c)\s")),
    ("T1095", "reverse-shell", 5, R(r"\bsocat\b.*\bexec:")),
    ("T1572", "tunnel", 3, R(r"\b(ngrok|cloudflared\s+tunnel|frpc|chisel)\b")),
    ("T1053", "persistence-cron", 3, R(r"\bcrontab\s+(-\s*$|-e|\S+\.txt|<)|/etc/cron\.")),
    ("T1546", "persistence-rc", 4, R(r">>\s*~?/?\S*\.(bashrc|zshrc|profile|bash_profile|zprofile)\b")),
    ("T1098", "persistence-ssh", 5, R(r">>?\s*\S*authorized_keys")),
    ("T1543", "persistence-service", 3, R(r"\b(launchctl\s+(load|bootstrap)|systemctl\s+(--user\s+)?enable)\b")),
    ("T1552", "cred-read", 3, R(r"\b(cat|less|more|head|tail|cp|scp|base64|xxd)\b[^|;]*(\.aws/credentials|\.ssh/id_|\.npmrc|\.pypirc|\.netrc|\.docker/config\.json|\.kube/config|\.env\b|\.git-credentials)")),
    ("T1555", "cred-store", 5, R(r"\bsecurity\s+(find-generic-password|find-internet-password|dump-keychain)\b")),
    ("T1083", "bulk-hunt", 4, R(r"\bfind\s+(/|~|\$HOME)\S*\s.*-name\s+['\"]?\S*(id_rsa|id_ed25519|\.env|wallet|\.pem|\.key|keystore)")),
    ("T1552", "bulk-hunt", 4, R(r"\b(trufflehog|gitleaks)\b.*\b(filesystem|detect)\b\s+(/|~)")),
    ("T1070", "anti-forensics", 5, R(r"\bhistory\s+-c\b|unset\s+HISTFILE|HISTFILE=/dev/null|HISTSIZE=0|set\s+\+o\s+history")),
    ("T1070", "anti-forensics", 5, R(r"\b(rm|shred|truncate)\b[^;|]*(/var/log|\.bash_history|\.zsh_history|/var/audit|unified_log)")),
    ("T1567", "exfil", 4, R(r"\bcurl\b[^|;]*(-F\s*\S*=@|--data-binary\s+@|-d\s+@|-T\s+\S)")),
    ("T1567", "exfil", 3, R(r"\bgh\s+(repo\s+create\b.*--public|gist\s+create\b.*--public)")),
    ("T1059", "ai-cli-bypass", 6, R(r"--dangerously-skip-permissions|--yolo\b|--trust-all-tools")),
    ("T1548", "privilege", 5, R(r">>?\s*/etc/sudoers|NOPASSWD|chmod\s+(u\+s|[2467][0-7]{3})\s|chmod\s+-R\s+777\s+/")),
    ("T1485", "destruction", 6, R(r"\brm\s+-rf\s+(/|~|\$HOME)(\s|$)|\bsudo\s+shutdown\s+-h\s+0\b|\bmkfs\.")),
]
NET = R(r"https?://|\b\d{1,3}(\.\d{1,3}){3}\b")
SECRETY = re.compile(r"(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{20,}|sk-[A-Za-z0-9_-]{20,}|xox[bap]-[A-Za-z0-9-]{10,}|(?i:(?:token|password|secret|key)=)\S{8,})")
ZSH_EXT = re.compile(r"^: (\d{9,11}):\d+;(.*)$")


def redact(s: str) -> str:
    return SECRETY.sub(lambda m: m.group(0)[:6] + "…[redacted]", s)


def parse(path: str):
    raw = open(path, "rb").read().decode("utf-8", "replace")
    if path.endswith("fish_history"):
        ts = None
        for n, line in enumerate(raw.splitlines(), 1):
            if line.startswith("- cmd: "):
                cmd = line[7:]
            elif line.strip().startswith("when:"):
                ts = int(line.split(":", 1)[1])
                yield n, ts, cmd
        return
    buf, start, ts = "", None, None
    for n, line in enumerate(raw.splitlines(), 1):
        m = ZSH_EXT.match(line)
        if m and not buf:
            ts, line = int(m.group(1)), m.group(2)
        if start is None:
            start = n
        if line.endswith("\\"):
            buf += line[:-1] + "\n"
            continue
        yield start, ts, buf + line
        buf, start, ts = "", None, None


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--context", type=int, default=0, help="lines of surrounding history to show")
    ap.add_argument("--min-score", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    results = []
    for path in args.files:
        try:
            entries = list(parse(path))
        except OSError as e:
            print(f"skip {path}: {e}", file=sys.stderr)
            continue
        for idx, (line, ts, cmd) in enumerate(entries):
            hits = [(t, name, s) for t, name, s, rx in RULES if rx.search(cmd)]
            if not hits:
                continue
            score = sum(s for _, _, s in hits) + (1 if NET.search(cmd) else 0)
            if score < args.min_score:
                continue
            ctx = [redact(c) for _, _, c in entries[max(0, idx - args.context): idx + args.context + 1]] if args.context else []
            results.append({
                "file": path, "line": line, "score": score,
                "time": dt.datetime.fromtimestamp(ts, dt.timezone.utc).isoformat() if ts else None,
                "tactics": sorted({f"{t}:{n}" for t, n, _ in hits}),
                "command": redact(cmd), "context": ctx,
            })

    results.sort(key=lambda r: (-r["score"], r["file"], r["line"]))
    if args.json:
        print(json.dumps(results, indent=2))
    else:
        for r in results:
            when = f" {r['time']}" if r["time"] else ""
            print(f"[{r['score']:2}] {r['file']}:{r['line']}{when}  {', '.join(r['tactics'])}\n     {r['command']}")
            for c in r["context"]:
                print(f"       | {c}")
        print(f"\n{len(results)} suspicious line(s)")
    return 1 if results else 0


if __name__ == "__main__":
    sys.exit(main())
