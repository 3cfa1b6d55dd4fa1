#!/usr/bin/env python3
"""Generate systemd --user service/timer units from templates."""
import argparse
import re
import shlex
import sys
from pathlib import Path

ASSETS = Path(__file__).resolve().parent.parent / "assets"
UNIT_DIR = Path.home() / ".config/systemd/user"


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--name", required=True)
    ap.add_argument("--exec", required=True, dest="exec_")
    ap.add_argument("--workdir", default=str(Path.home()))
    ap.add_argument("--description")
    g = ap.add_mutually_exclusive_group()
    g.add_argument("--calendar", help="OnCalendar expression, e.g. hourly, 'Mon..Fri 07:30'")
    g.add_argument("--every", help="interval, e.g. 15min, 1h (OnBootSec + OnUnitActiveSec)")
    g.add_argument("--daemon", action="store_true", help="long-running service, no timer")
    ap.add_argument("--env-file", help="path to an EnvironmentFile (chmod 600)")
    ap.add_argument("--needs-network", action="store_true")
    ap.add_argument("--jitter", default="60")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--force", action="store_true", help="overwrite existing unit files")
    a = ap.parse_args()

    if not re.fullmatch(r"[a-z0-9][a-z0-9-]{0,62}", a.name):
        sys.exit("--name must be kebab-case")
    argv = shlex.split(a.exec_)
    if not argv or not argv[0].startswith("/"):
        sys.exit("--exec must start with an absolute path (systemd does not use your shell PATH)")
    if a.env_file:
        ef = Path(a.env_file).expanduser()
        if ef.exists() and ef.stat().st_mode & 0o077:
            sys.exit(f"{ef} is readable by others; chmod 600 it first")

    timer = not a.daemon
    service = (ASSETS / "service.tmpl").read_text().format(
        description=a.description or f"{a.name} (managed by systemd-user-timer)",
        after="After=network-online.target\nWants=network-online.target\n" if a.needs_network else "",
        type="oneshot" if timer else "simple",
        workdir=a.workdir,
        exec=a.exec_,
        environment_file=f"EnvironmentFile={Path(a.env_file).expanduser()}\n" if a.env_file else "",
        restart="" if timer else "Restart=on-failure\nRestartSec=5\n",
        wanted_by="default.target",
    )
    if timer:
        service = service.split("[Install]")[0].rstrip() + "\n"
    files = {UNIT_DIR / f"{a.name}.service": service}
    if timer:
        if a.calendar:
            trig = f"OnCalendar={a.calendar}\n"
        elif a.every:
            trig = f"OnBootSec=5min\nOnUnitActiveSec={a.every}\n"
        else:
            sys.exit("give --calendar, --every or --daemon")
        files[UNIT_DIR / f"{a.name}.timer"] = (ASSETS / "timer.tmpl").read_text().format(
            name=a.name, trigger=trig, jitter=a.jitter)

    for path, text in files.items():
        print(f"# {path}\n{text}")
        if path.exists() and not a.force and not a.dry_run:
            sys.exit(f"{path} exists; use --force to overwrite")
    if a.dry_run:
        print("(dry run: nothing written)")
        return 0
    UNIT_DIR.mkdir(parents=True, exist_ok=True)
    for path, text in files.items():
        path.write_text(text)
    unit = f"{a.name}.timer" if timer else f"{a.name}.service"
    print(f"written. next:\n  systemctl --user daemon-reload\n  systemctl --user enable --now {unit}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
