#!/usr/bin/env python3
"""Flag suspicious entries in collected shell histories and persistence files.

Reads files only. Masks common credential formats in what it prints.
"""
import base64
import os
import re
import sys
from datetime import datetime, timezone

PATTERNS = [
    ("pipe-to-shell", r"(curl|wget|fetch)\b[^|;&]*\|\s*(sudo\s+)?(ba|z|da|k)?sh\b"),
    ("subst-exec", r"(ba)?sh\s+-c\s+[\"']?\$\((curl|wget)"),
    ("b64-exec", r"base64\s+(-d|--decode|-D)[^|]*\|\s*(ba|z)?sh"),
    ("rev-shell-devtcp", r"/dev/(tcp|udp)/[\w.\-]+/\d+"),
    ("rev-shell-nc", r"\b(nc|ncat|netcat)\b[^\n]*\s-(e|c)\s"),
    ("rev-shell-socat", r"socat\b[^\n]*exec:"),
    ("rev-shell-python", r"python[23]?\s+-c\s+['\"][^'\"]*socket[^'\"]*(subprocess|pty)"),
    ("anti-forensics", r"\bhistory\s+-c\b|unset\s+HISTFILE|HISTSIZE=0|HISTFILE=/dev/null|\bshred\b|\btouch\s+-r\b|\bchattr\s+\+i\b"),
    ("cred-access", r"(\.aws/credentials|\.ssh/id_[a-z0-9]+\b|/etc/shadow|\.docker/config\.json|\.kube/config|\.netrc|Login Data|cookies\.sqlite|\.env\b)"),
    ("miner", r"xmrig|stratum\+tcp://|--donate-level|minerd\b"),
    ("persistence-write", r"(crontab\s+-|>>?\s*~?/?[\w/.]*authorized_keys|systemctl\s+(--user\s+)?enable|launchctl\s+(load|bootstrap))"),
    ("download-exec-tmp", r"(curl|wget)[^\n]*-o\s*/(tmp|dev/shm|var/tmp)/[^\s;]+[^\n]*chmod\s+\+x"),
    ("ld-preload", r"LD_PRELOAD=|/etc/ld\.so\.preload"),
]
RX = [(n, re.compile(p, re.I)) for n, p in PATTERNS]
MASKS = [
    re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b"),
    re.compile(r"\bgithub_pat_[A-Za-z0-9_]{20,}\b"),
    re.compile(r"\bxox[baprs]-[A-Za-z0-9-]{10,}\b"),
    re.compile(r"\bsk-[A-Za-z0-9_\-]{20,}\b"),
    re.compile(r"(--password[= ]|-p)(\S{3,})"),
]
B64 = re.compile(r"[A-Za-z0-9+/]{24,}={0,2}")
ZSH_TS = re.compile(r"^: (\d{9,11}):\d+;(.*)$")
BASH_TS = re.compile(r"^#(\d{9,11})$")


def mask(s: str) -> str:
    for rx in MASKS:
        s = rx.sub(lambda m: m.group(0)[:4] + "…" if m.lastindex is None else m.group(1) + "****", s)
    return s


def decode_hint(s: str) -> str:
    for m in B64.finditer(s):
        try:
            raw = base64.b64decode(m.group(0) + "=" * (-len(m.group(0)) % 4))
            txt = raw.decode("utf-8")
            if txt.isprintable() and len(txt) > 8:
                return f"  [decodes to: {mask(txt)[:120]!r}]"
        except Exception:
            continue
    return ""


def scan_file(path: str):
    ts_pending = None
    with open(path, "r", encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            ts = None
            m = BASH_TS.match(line)
            if m:
                ts_pending = int(m.group(1))
                continue
            m = ZSH_TS.match(line)
            if m:
                ts, line = int(m.group(1)), m.group(2)
            elif ts_pending:
                ts, ts_pending = ts_pending, None
            for name, rx in RX:
                if rx.search(line):
                    when = datetime.fromtimestamp(ts, timezone.utc).strftime("%Y-%m-%d %H:%M:%SZ") if ts else "-"
                    shown = mask(line)
                    shown = shown if len(shown) <= 200 else shown[:199] + "…"
                    yield f"{name:<18} {when:<21} {os.path.basename(path)}:{n}\n    {shown}{decode_hint(line)}"
                    break


def main(dirs):
    total = 0
    for d in dirs:
        if not os.path.isdir(d):
            continue
        for root, _, files in os.walk(d):
            for f in sorted(files):
                for hit in scan_file(os.path.join(root, f)):
                    print(hit)
                    total += 1
    print(f"\n{total} flagged entr{'y' if total == 1 else 'ies'}. These are leads, not proof; review each in context.")


if __name__ == "__main__":
    main(sys.argv[1:] or ["."])
