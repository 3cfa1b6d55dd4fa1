#!/usr/bin/env python3
"""Collect and redact Tessera crash reports and logs into ./tessera-report/. Reads Tessera paths only."""
import argparse
import getpass
import glob
import os
import platform
import re
import socket
import time
from pathlib import Path

HOME = str(Path.home())
OUT = Path("tessera-report")
SYSTEM = platform.system()
if SYSTEM == "Darwin":
    CRASH_GLOB = f"{HOME}/Library/Logs/DiagnosticReports/Tessera-*.ips"
    LOG = f"{HOME}/Library/Logs/Tessera/main.log"
elif SYSTEM == "Windows":
    CRASH_GLOB = ""
    LOG = os.path.expandvars(r"%APPDATA%\Tessera\logs\main.log")
else:
    CRASH_GLOB = f"{HOME}/.local/state/tessera/crashes/*.json"
    LOG = f"{HOME}/.local/state/tessera/logs/main.log"

RULES = [
    (re.compile(re.escape(HOME)), "~"),
    (re.compile(r"\b" + re.escape(getpass.getuser()) + r"\b"), "<user>"),
    (re.compile(r"\b" + re.escape(socket.gethostname().split(".")[0]) + r"\b", re.I), "<host>"),
    (re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+"), "<email>"),
    (re.compile(r"gh[pousr]_[A-Za-z0-9]{20,}|sk-[A-Za-z0-9_-]{20,}|eyJ[\w-]{10,}\.[\w-]+\.[\w-]+"), "<redacted>"),
    (re.compile(r"\b[0-9a-f]{32,}\b|\b[A-Za-z0-9+/]{40,}={0,2}"), "<redacted>"),
    (re.compile(r'(opened note|saved note|renamed note) "[^"]*"'), r'\1 "<title>"'),
]


def redact(text: str) -> tuple[str, int]:
    n = 0
    for rx, repl in RULES:
        text, k = rx.subn(repl, text)
        n += k
    return text, n


def newest_crash(since_s: float):
    files = [f for f in glob.glob(CRASH_GLOB) if time.time() - os.path.getmtime(f) < since_s] if CRASH_GLOB else []
    return max(files, key=os.path.getmtime) if files else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--since", default="24h")
    ap.add_argument("--lines", type=int, default=300)
    ap.add_argument("--draft", action="store_true")
    a = ap.parse_args()
    unit = {"m": 60, "h": 3600, "d": 86400}[a.since[-1]]
    since = float(a.since[:-1]) * unit
    OUT.mkdir(exist_ok=True)
    if a.draft:
        crash = (OUT / "crash.txt").read_text() if (OUT / "crash.txt").exists() else "(none)"
        log = (OUT / "log.txt").read_text() if (OUT / "log.txt").exists() else "(none)"
        budget = 60000 - len(crash)
        log = log[-budget:] if len(log) > budget else log
        print(f"### What happened\n<describe>\n\n### Environment\nTessera <version> · {platform.system()} "
              f"{platform.release()} ({platform.machine()})\n\n<details><summary>Crash report (redacted)</summary>\n\n"
              f"```\n{crash}\n```\n</details>\n\n<details><summary>Last log lines (redacted)</summary>\n\n```\n{log}\n```\n</details>")
        return
    total = 0
    crash = newest_crash(since)
    if crash:
        text, n = redact(Path(crash).read_text(errors="replace"))
        (OUT / "crash.txt").write_text(text)
        total += n
        print(f"crash report: {crash} -> {OUT/'crash.txt'} ({n} redactions)")
    else:
        print("no crash report in the time window")
    if os.path.exists(LOG):
        lines = Path(LOG).read_text(errors="replace").splitlines()[-a.lines:]
        text, n = redact("\n".join(lines))
        (OUT / "log.txt").write_text(text)
        total += n
        print(f"log tail: {len(lines)} lines -> {OUT/'log.txt'} ({n} redactions)")
    print(f"review the files in {OUT}/ before anything is posted ({total} redactions made)")


if __name__ == "__main__":
    main()
