#!/usr/bin/env python3
"""Generate, verify, install and uninstall systemd --user service/timer units."""
from __future__ import annotations

import argparse
import os
import re
import shlex
import shutil
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATES = os.path.join(HERE, "..", "templates")
STAGING = os.path.abspath(".systemd-staging")
UNIT_DIR = os.path.expanduser("~/.config/systemd/user")


def sh(*cmd: str, check: bool = True) -> subprocess.CompletedProcess:
    print("$", " ".join(shlex.quote(c) for c in cmd))
    return subprocess.run(cmd, check=check, text=True)


def render(tmpl: str, **kw: str) -> str:
    text = open(os.path.join(TEMPLATES, tmpl)).read().format(**kw)
    # optional directives render as empty lines; keep a blank line only before a [Section] header
    lines = text.splitlines()
    out: list[str] = []
    for i, line in enumerate(lines):
        if not line.strip():
            nxt = next((x for x in lines[i + 1:] if x.strip()), "")
            if not nxt.startswith("[") or (out and out[-1] == ""):
                continue
        out.append(line)
    return "\n".join(out).strip() + "\n"


def generate(a) -> list[str]:
    argv = shlex.split(a.exec)
    if not os.path.isabs(argv[0]):
        sys.exit("--exec must start with an absolute path")
    if not os.access(argv[0], os.X_OK):
        print(f"warning: {argv[0]} is not executable (chmod +x?)")
    rw = [p for p in (a.rw or []) if os.path.isabs(os.path.expanduser(p))]
    service = render(
        "service.tmpl",
        description=a.description or f"{a.name} (user job)",
        exec_path=argv[0],
        after="After=network-online.target\nWants=network-online.target" if a.network else "",
        type="simple" if a.service_only else "oneshot",
        exec=" ".join(shlex.quote(x) for x in argv),
        workdir=a.workdir or "%h",
        env_file=f"EnvironmentFile={a.env_file}" if a.env_file else "",
        restart=f"Restart={a.restart}\nRestartSec=10" if a.service_only else "",
        rw_paths="ReadWritePaths=" + " ".join(rw) if rw else "ReadWritePaths=%h",
        io="IOSchedulingClass=idle" if not a.service_only else "",
        wanted_by="default.target",
    )
    os.makedirs(STAGING, exist_ok=True)
    files = [os.path.join(STAGING, f"{a.name}.service")]
    open(files[0], "w").write(service)
    if not a.service_only:
        timer = render("timer.tmpl", name=a.name, on_calendar=a.on_calendar, jitter=a.jitter)
        files.append(os.path.join(STAGING, f"{a.name}.timer"))
        open(files[1], "w").write(timer)
    for f in files:
        print(f"\n# {f}\n" + open(f).read())
    sh("systemd-analyze", "--user", "verify", *files, check=False)
    if not a.service_only:
        sh("systemd-analyze", "calendar", "--iterations=3", a.on_calendar, check=False)
    if a.env_file and os.path.exists(a.env_file) and os.stat(a.env_file).st_mode & 0o077:
        print(f"warning: {a.env_file} is readable by others; chmod 600 it")
    return files


def install(a) -> None:
    names = [f"{a.name}.service"] + ([] if a.service_only else [f"{a.name}.timer"])
    for n in names:
        src = os.path.join(STAGING, n)
        if not os.path.exists(src):
            sys.exit(f"{src} missing — run without --install first and review the files")
    if input(f"Install {', '.join(names)} into {UNIT_DIR} and enable now? [y/N] ").strip().lower() != "y":
        sys.exit("not installed")
    os.makedirs(UNIT_DIR, exist_ok=True)
    for n in names:
        dst = os.path.join(UNIT_DIR, n)
        if os.path.exists(dst):
            shutil.copy2(dst, dst + ".bak")
        shutil.copy2(os.path.join(STAGING, n), dst)
    sh("systemctl", "--user", "daemon-reload")
    sh("systemctl", "--user", "enable", "--now", names[-1])
    if a.linger:
        if input("Enable lingering so this runs while you're logged out? [y/N] ").strip().lower() == "y":
            sh("loginctl", "enable-linger", os.environ.get("USER", ""))
    sh("systemctl", "--user", "--no-pager", "status", names[-1], check=False)


def uninstall(a) -> None:
    names = [n for n in (f"{a.name}.timer", f"{a.name}.service") if os.path.exists(os.path.join(UNIT_DIR, n))]
    if not names:
        sys.exit("nothing installed under that name")
    if input(f"Disable and remove {', '.join(names)}? [y/N] ").strip().lower() != "y":
        sys.exit("kept")
    sh("systemctl", "--user", "disable", "--now", *names, check=False)
    for n in names:
        os.remove(os.path.join(UNIT_DIR, n))
    sh("systemctl", "--user", "daemon-reload")
    print("removed")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--name", required=True)
    ap.add_argument("--exec")
    ap.add_argument("--description")
    ap.add_argument("--on-calendar", default="daily")
    ap.add_argument("--jitter", default="5min")
    ap.add_argument("--workdir")
    ap.add_argument("--env-file")
    ap.add_argument("--rw", action="append", help="extra writable path (absolute)")
    ap.add_argument("--network", action="store_true", help="wait for network before starting")
    ap.add_argument("--service-only", action="store_true")
    ap.add_argument("--restart", default="on-failure")
    ap.add_argument("--linger", action="store_true")
    ap.add_argument("--install", action="store_true")
    ap.add_argument("--uninstall", action="store_true")
    a = ap.parse_args()
    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{1,50}", a.name):
        sys.exit("--name: lower-case letters, digits, dashes")
    if a.uninstall:
        uninstall(a)
    elif a.install:
        install(a)
    else:
        if not a.exec:
            sys.exit("--exec is required to generate units")
        generate(a)


if __name__ == "__main__":
    main()
