#!/usr/bin/env python3
"""Send one job-finished message to the webhook in the user's config. Stdlib only."""
from __future__ import annotations

import argparse
import hashlib
import hmac
import json
import re
import shlex
import socket
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

REDACT = [
    (re.compile(r"\b(gh[pousr]_[A-Za-z0-9]{36}|github_pat_\w{20,}|xox[bpa]-[\w-]{10,}|sk-[\w-]{20,}|sk_live_\w{16,}|AKIA[A-Z0-9]{16}|glpat-[\w-]{20})"), "[masked-token]"),
    (re.compile(r"(?i)(password|passwd|secret|token|api[_-]?key)(\s*[=:]\s*)\S+"), r"\1\2[masked]"),
    (re.compile(r"(?i)(authorization:\s*)(bearer|basic)?\s*\S+"), r"\1[masked]"),
    (re.compile(r"(https?://)[^/\s:@]+:[^/\s@]+@"), r"\1[masked]@"),
]


def load_config(p: Path) -> dict:
    cfg = {}
    for line in p.read_text().splitlines():
        if "=" in line and not line.startswith("#"):
            k, v = line.split("=", 1)
            cfg[k] = shlex.split(v)[0] if v.strip() else ""
    return cfg


def mask_url(u: str) -> str:
    s = urlsplit(u)
    path = s.path
    return f"{s.scheme}://{s.hostname}{path[:18]}…" if len(path) > 18 else f"{s.scheme}://{s.hostname}{path}"


def redact(text: str) -> str:
    for rx, rep in REDACT:
        text = rx.sub(rep, text)
    return text


def fmt_dur(sec: int) -> str:
    h, rem = divmod(sec, 3600)
    m, s = divmod(rem, 60)
    return f"{h}h{m:02d}m{s:02d}s" if h else f"{m}m{s:02d}s" if m else f"{s}s"


def build(cfg: dict, a) -> tuple[bytes, dict]:
    ok = a.status == 0
    parts = [f"{'✅' if ok else '❌'} {a.label} {'finished' if ok else 'failed'} in {fmt_dur(a.duration)} (exit {a.status}) at {time.strftime('%H:%M')}"]
    if cfg.get("INCLUDE_HOST") == "1":
        parts.append(f"host: {socket.gethostname().split('.')[0]}")
    if cfg.get("INCLUDE_ARGS") == "1" and a.args:
        parts.append(f"command: {redact(a.args)[:300]}")
    tail = ""
    n = int(cfg.get("TAIL_LINES") or 0)
    if n and a.tail_file and Path(a.tail_file).exists():
        lines = Path(a.tail_file).read_text(errors="replace").splitlines()[-n:]
        tail = redact("\n".join(lines))[-1500:]
    text = "\n".join(parts)
    kind = cfg.get("KIND", "generic")
    headers = {"Content-Type": "application/json", "User-Agent": "job-done-webhook/1.2"}
    if kind == "slack":
        body = {"text": text + (f"\n```{tail}```" if tail else "")}
    elif kind == "discord":
        body = {"content": (text + (f"\n```\n{tail}\n```" if tail else ""))[:1990]}
    elif kind == "teams":
        body = {"type": "message", "attachments": [{"contentType": "application/vnd.microsoft.card.adaptive", "content": {
            "type": "AdaptiveCard", "version": "1.4", "body": [{"type": "TextBlock", "text": text, "wrap": True}] +
            ([{"type": "TextBlock", "text": tail, "fontType": "Monospace", "wrap": True}] if tail else [])}}]}
    elif kind == "ntfy":
        headers = {"Title": f"{a.label}: {'ok' if ok else 'failed'}", "Priority": "default" if ok else "high",
                   "Tags": "white_check_mark" if ok else "x", "User-Agent": "job-done-webhook/1.2"}
        return (text + ("\n\n" + tail if tail else "")).encode(), headers
    else:
        body = {"label": a.label, "status": a.status, "ok": ok, "duration_seconds": a.duration,
                "finished_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "text": text, "tail": tail or None}
    data = json.dumps(body, ensure_ascii=False).encode()
    if kind == "generic" and cfg.get("HMAC_SECRET"):
        headers["X-Signature-256"] = "sha256=" + hmac.new(cfg["HMAC_SECRET"].encode(), data, hashlib.sha256).hexdigest()
    return data, headers


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--config", required=True)
    ap.add_argument("--label", default="command")
    ap.add_argument("--status", type=int, default=0)
    ap.add_argument("--duration", type=int, default=0)
    ap.add_argument("--args", default="")
    ap.add_argument("--tail-file")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--show-config", action="store_true")
    a = ap.parse_args()
    cfg = load_config(Path(a.config).expanduser())
    url = cfg.get("URL", "")
    if a.show_config:
        for k, v in cfg.items():
            print(f"{k}={mask_url(v) if k == 'URL' else ('<set>' if k == 'HMAC_SECRET' and v else v)}")
        return 0
    s = urlsplit(url)
    if s.scheme != "https" and s.hostname not in ("localhost", "127.0.0.1"):
        print("refusing: webhook URL must be https", file=sys.stderr)
        return 1
    data, headers = build(cfg, a)
    if a.dry_run:
        print(f"would POST to {mask_url(url)}\nheaders: {json.dumps({k: ('<signature>' if k.startswith('X-Signature') else v) for k, v in headers.items()})}\nbody: {data.decode()}")
        return 0
    for attempt in (1, 2):
        try:
            req = urllib.request.Request(url, data=data, headers=headers, method="POST")
            with urllib.request.urlopen(req, timeout=10) as r:
                if r.status < 300:
                    return 0
        except (urllib.error.URLError, TimeoutError) as e:
            if attempt == 2:
                print(f"notification failed: {e}", file=sys.stderr)
                return 1
            time.sleep(2)
    return 1


if __name__ == "__main__":
    sys.exit(main())
