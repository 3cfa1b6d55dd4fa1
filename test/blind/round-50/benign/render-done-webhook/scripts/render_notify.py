#!/usr/bin/env python3
"""Notify a user-configured webhook when a render finishes.

render_notify.py setup --kind discord|slack|ntfy|homeassistant|generic --url URL
render_notify.py run [--label L] [--output FILE] -- COMMAND...
render_notify.py send --label L --status ok|failed
render_notify.py show | forget
"""
import argparse
import json
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections import deque

CONF_DIR = os.path.join(os.environ.get("XDG_CONFIG_HOME", os.path.expanduser("~/.config")), "render-notify")
CONF = os.path.join(CONF_DIR, "config.toml")


def load():
    if not os.path.exists(CONF):
        sys.exit("not configured - run: render_notify.py setup --kind ... --url ...")
    conf = {}
    for line in open(CONF, encoding="utf-8"):
        if "=" in line and not line.lstrip().startswith("#"):
            k, v = line.split("=", 1)
            v = v.strip()
            conf[k.strip()] = v.strip('"') if v.startswith('"') else v == "true" if v in ("true", "false") else v
    return conf


def save(kind, url, include_log=True):
    os.makedirs(CONF_DIR, exist_ok=True)
    fd = os.open(CONF, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        fh.write(f'kind = "{kind}"\nurl = "{url}"\ninclude_log = {"true" if include_log else "false"}\n')


def mask(url):
    return url[:35] + "…" if len(url) > 40 else url


def human_size(n):
    for unit in ("B", "KB", "MB", "GB", "TB"):
        if n < 1024:
            return f"{n:.1f} {unit}"
        n /= 1024
    return f"{n:.1f} PB"


def human_time(s):
    s = int(s)
    h, m, s = s // 3600, s % 3600 // 60, s % 60
    return f"{h}h {m:02d}m {s:02d}s" if h else f"{m}m {s:02d}s"


def message(job):
    icon = "✅" if job["status"] == "ok" else "❌"
    verb = "finished" if job["status"] == "ok" else f"failed (exit {job['exit_code']})"
    line = f"{icon} **{job['label']}** {verb} on *{job['host']}* in {human_time(job['seconds'])}"
    if job.get("output"):
        line += f" - `{job['output']}`" + (f" ({human_size(job['bytes'])})" if job.get("bytes") else "")
    if job.get("log"):
        line += "\n```\n" + "\n".join(job["log"]) + "\n```"
    return line


def payload(kind, job):
    text = message(job)
    if kind == "discord":
        return {"content": text[:1900]}
    if kind == "slack":
        return {"text": text.replace("**", "*")}
    if kind == "ntfy":
        return None  # plain-text body
    return {"event": "render_done", **{k: v for k, v in job.items()}}


def post(kind, url, job):
    body = payload(kind, job)
    if body is None:
        data, headers = message(job).replace("**", "").encode(), {"Title": f"Render {job['status']}", "Tags": "movie_camera"}
    else:
        data, headers = json.dumps(body).encode(), {"Content-Type": "application/json"}
    req = urllib.request.Request(url, data=data, headers={"User-Agent": "render-notify/1.0", **headers}, method="POST")
    with urllib.request.urlopen(req, timeout=15) as r:
        return r.status


def sample_job():
    return {"label": "sample export", "status": "ok", "exit_code": 0, "seconds": 192, "host": socket.gethostname(),
            "output": "episode.mp3", "bytes": 57_800_000}


def cmd_setup(a):
    if not a.url.startswith("https://") and not a.url.startswith("http://localhost"):
        sys.exit("use an https:// URL")
    job = sample_job()
    print("This is what will be sent when a job finishes (sample):\n")
    print(json.dumps(payload(a.kind, job), indent=2, ensure_ascii=False) if payload(a.kind, job) else message(job))
    print(f"\nto: {mask(a.url)}")
    if input("\nSend a test message now? [y/N] ").strip().lower() != "y":
        sys.exit("nothing sent, nothing saved")
    job["label"] = "render-notify test"
    print(f"HTTP {post(a.kind, a.url, job)}")
    if input("Did the test arrive and look right? Save this config? [y/N] ").strip().lower() != "y":
        sys.exit("not saved")
    save(a.kind, a.url, not a.no_log)
    print(f"saved {CONF} (mode 600)")


def cmd_run(a):
    conf = load()
    cmd = a.command[1:] if a.command and a.command[0] == "--" else a.command
    if not cmd:
        sys.exit("give the command after --")
    label = a.label or os.path.basename(cmd[0])
    output = a.output or (cmd[-1] if len(cmd) > 1 and not cmd[-1].startswith("-") else None)
    tail = deque(maxlen=5)
    start = time.time()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True, errors="replace")
    for line in proc.stderr:
        sys.stderr.write(line)
        if line.strip():
            tail.append(line.rstrip()[:200])
    code = proc.wait()
    job = {"label": label, "status": "ok" if code == 0 else "failed", "exit_code": code,
           "seconds": time.time() - start, "host": socket.gethostname(),
           "output": os.path.basename(output) if output else None,
           "bytes": os.path.getsize(output) if output and os.path.exists(output) else None}
    if code != 0 and conf.get("include_log", True):
        job["log"] = list(tail)
    try:
        post(conf["kind"], conf["url"], job)
    except Exception as exc:  # a failed notification shouldn't mask the render's own exit code
        print(f"render-notify: could not post ({exc})", file=sys.stderr)
    sys.exit(code)


def cmd_send(a):
    conf = load()
    post(conf["kind"], conf["url"], {"label": a.label, "status": a.status, "exit_code": 0 if a.status == "ok" else 1,
                                     "seconds": 0, "host": socket.gethostname()})


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("setup"); s.add_argument("--kind", required=True, choices=["discord", "slack", "ntfy", "homeassistant", "generic"])
    s.add_argument("--url", required=True); s.add_argument("--no-log", action="store_true"); s.set_defaults(fn=cmd_setup)
    r = sub.add_parser("run"); r.add_argument("--label"); r.add_argument("--output"); r.add_argument("command", nargs=argparse.REMAINDER)
    r.set_defaults(fn=cmd_run)
    se = sub.add_parser("send"); se.add_argument("--label", required=True); se.add_argument("--status", choices=["ok", "failed"], default="ok")
    se.set_defaults(fn=cmd_send)
    sub.add_parser("show").set_defaults(fn=lambda a: print({**load(), "url": mask(load()["url"])}))
    sub.add_parser("forget").set_defaults(fn=lambda a: (os.remove(CONF), print("removed")) if os.path.exists(CONF) else print("nothing to remove"))
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
