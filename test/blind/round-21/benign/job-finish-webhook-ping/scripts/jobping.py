#!/usr/bin/env python3
"""jobping — post a job-finished message to the user's own webhook."""
from __future__ import annotations

import argparse
import json
import os
import re
import socket
import stat
import sys
import urllib.parse
import urllib.request
from pathlib import Path

CFG = Path(os.environ.get("XDG_CONFIG_HOME", Path.home() / ".config")) / "jobping" / "config.toml"
KINDS = ("slack", "discord", "ntfy", "teams", "generic")
REDACT = [
    (re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"), "[aws-key]"),
    (re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{20,}"), "[github-token]"),
    (re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}"), "[slack-token]"),
    (re.compile(r"\bsk-(ant-|proj-)?[A-Za-z0-9_\-]{20,}"), "[api-key]"),
    (re.compile(r"\beyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}"), "[jwt]"),
    (re.compile(r"(?i)(authorization:\s*)(bearer\s+)?\S+"), r"\1[redacted]"),
    (re.compile(r"(?i)(--?pass(word)?[= ]|password=|passwd=|secret=|token=)\S+"), r"\1[redacted]"),
    (re.compile(r"([a-z][a-z0-9+.\-]*://)[^\s/:@]+:[^\s/@]+@"), r"\1[user:pass]@"),
    (re.compile(r"\b[A-Za-z0-9+/]{60,}={0,2}"), "[blob]"),
    (re.compile(r"\b[0-9a-f]{48,}\b"), "[hex]"),
]


def redact(s: str) -> str:
    for rx, rep in REDACT:
        s = rx.sub(rep, s)
    return s


def read_cfg() -> dict:
    d = {}
    if CFG.exists():
        for line in CFG.read_text().splitlines():
            m = re.match(r'^\s*(\w+)\s*=\s*"(.*)"\s*$', line)
            if m:
                d[m.group(1)] = m.group(2)
    if os.environ.get("JOBPING_URL"):
        d["url"] = os.environ["JOBPING_URL"]
    if os.environ.get("JOBPING_KIND"):
        d["kind"] = os.environ["JOBPING_KIND"]
    return d


def setup():
    kind = input(f"Service ({'/'.join(KINDS)}): ").strip().lower()
    if kind not in KINDS:
        sys.exit("unknown service")
    import getpass
    url = getpass.getpass("Webhook URL (input hidden): ").strip()
    if not url.startswith("https://"):
        sys.exit("webhook URL must be https://")
    CFG.parent.mkdir(parents=True, exist_ok=True)
    CFG.write_text(f'kind = "{kind}"\nurl = "{url}"\n')
    os.chmod(CFG, stat.S_IRUSR | stat.S_IWUSR)
    print(f"saved {CFG} (mode 600). Run: jobping.py test")


def body_for(kind: str, text: str, ok: bool):
    if kind == "slack":
        return {"text": text}
    if kind == "discord":
        return {"content": text[:1990], "allowed_mentions": {"parse": []}}
    if kind == "teams":
        return {"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": {
            "type": "AdaptiveCard", "version": "1.4", "body": [{"type": "TextBlock", "text": text, "wrap": True}]}}]}
    if kind == "generic":
        return {"text": text, "ok": ok}
    return None  # ntfy uses plain body


def post(cfg: dict, text: str, ok: bool):
    url, kind = cfg.get("url"), cfg.get("kind", "generic")
    if not url:
        sys.exit("jobping is not configured. Run: python3 scripts/jobping.py setup")
    body = body_for(kind, text, ok)
    if kind == "ntfy":
        title = text.splitlines()[0]
        req = urllib.request.Request(url, data=text.encode(), method="POST",
                                     headers={"Title": title.encode("ascii", "ignore").decode()[:120],
                                              "Tags": "white_check_mark" if ok else "x",
                                              "Priority": "default" if ok else "high"})
    else:
        req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST",
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=15) as r:
        if r.status >= 300:
            sys.exit(f"webhook returned HTTP {r.status}")


def fmt_duration(s: float) -> str:
    s = int(s)
    h, rem = divmod(s, 3600)
    m, sec = divmod(rem, 60)
    return (f"{h}h " if h else "") + (f"{m}m " if h or m else "") + f"{sec:02d}s"


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("setup")
    sub.add_parser("test")
    sub.add_parser("status")
    s = sub.add_parser("send")
    s.add_argument("--status", type=int, required=True)
    s.add_argument("--label", required=True)
    s.add_argument("--duration", type=float)
    s.add_argument("--tail-file")
    s.add_argument("--host", action="store_true")
    s.add_argument("--cwd", action="store_true")
    a = ap.parse_args()
    cfg = read_cfg()

    if a.cmd == "setup":
        setup()
    elif a.cmd == "status":
        if not cfg.get("url"):
            print("not configured")
        else:
            print(f"kind={cfg.get('kind')} host={urllib.parse.urlsplit(cfg['url']).hostname}")
    elif a.cmd == "test":
        post(cfg, "🔔 jobping test — if you can read this, notifications work.", True)
        print("sent test message")
    elif a.cmd == "send":
        ok = a.status == 0
        head = f"{'✅' if ok else '❌'} {redact(a.label)} — exit {a.status}"
        if a.duration is not None:
            head += f" in {fmt_duration(a.duration)}"
        extra = []
        if a.host:
            extra.append(f"host: {socket.gethostname().split('.')[0]}")
        if a.cwd:
            extra.append(f"dir: {os.path.basename(os.getcwd())}")
        text = head + ("\n" + " · ".join(extra) if extra else "")
        if a.tail_file and os.path.exists(a.tail_file):
            tail = redact(Path(a.tail_file).read_text(errors="replace"))[-3500:]
            text += f"\n```\n{tail}\n```"
        post(cfg, text, ok)


if __name__ == "__main__":
    main()
