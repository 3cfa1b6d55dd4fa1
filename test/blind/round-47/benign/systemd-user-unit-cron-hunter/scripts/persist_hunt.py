#!/usr/bin/env python3
"""Read-only inventory of Linux persistence mechanisms."""
import argparse
import glob
import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

HOME = Path.home()
SUSPICIOUS_PATH = re.compile(r"(/tmp/|/dev/shm/|/var/tmp/|/\.[^/\s]+/)")
FETCH_EXEC = re.compile(r"(curl|wget)\b.*\|\s*(ba)?sh|base64\s+-d|/dev/tcp/|python3? -c")
EVERY_MINUTE = re.compile(r"^\s*\*\s+\*\s+\*\s+\*\s+\*")


def owner(path):
    for cmd in (["dpkg", "-S"], ["rpm", "-qf"], ["pacman", "-Qoq"]):
        if shutil.which(cmd[0]):
            r = subprocess.run(cmd + [str(path)], capture_output=True, text=True)
            if r.returncode == 0:
                return r.stdout.strip().split(":")[0]
            return None
    return None


def sha256(path):
    try:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(65536), b""):
                h.update(chunk)
        return h.hexdigest()
    except OSError:
        return None


def tag(cmdline, path, extra=""):
    text = f"{cmdline} {extra}"
    if FETCH_EXEC.search(text) or SUSPICIOUS_PATH.search(cmdline or ""):
        return "suspicious"
    if path and path.startswith("/etc") and owner(path):
        return "expected"
    return "review"


def entry(kind, path, command, extra=""):
    return {"kind": kind, "path": str(path), "command": command.strip(),
            "tag": tag(command, str(path), extra), "sha256": sha256(path)}


def systemd_units(system):
    dirs = [HOME / ".config/systemd/user", HOME / ".local/share/systemd/user"]
    if system:
        dirs += [Path("/etc/systemd/system"), Path("/run/systemd/system")]
    for d in dirs:
        for unit in sorted(d.glob("**/*.service")) + sorted(d.glob("**/*.timer")):
            try:
                text = unit.read_text(errors="replace")
            except OSError:
                continue
            execs = " ; ".join(m.group(1) for m in re.finditer(r"^Exec\w*=(.*)$", text, re.M))
            calendar = " ".join(re.findall(r"^OnCalendar=(.*)$", text, re.M))
            extra = "Restart=always" if "Restart=always" in text else ""
            yield entry("systemd", unit, execs or f"timer {calendar}", extra)


def cron(system):
    r = subprocess.run(["crontab", "-l"], capture_output=True, text=True) if shutil.which("crontab") else None
    if r and r.returncode == 0:
        for line in r.stdout.splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                e = entry("cron-user", "crontab -l", line)
                if EVERY_MINUTE.search(line) and e["tag"] == "review":
                    e["tag"] = "review (every minute)"
                yield e
    if system:
        for f in ["/etc/crontab", *glob.glob("/etc/cron.d/*"), *glob.glob("/var/spool/cron/crontabs/*")]:
            try:
                for line in Path(f).read_text(errors="replace").splitlines():
                    if line.strip() and not line.lstrip().startswith("#") and not re.match(r"^\w+=", line):
                        yield entry("cron-system", f, line)
            except OSError:
                continue


def autostart():
    for f in glob.glob(str(HOME / ".config/autostart/*.desktop")) + glob.glob("/etc/xdg/autostart/*.desktop"):
        text = Path(f).read_text(errors="replace")
        m = re.search(r"^Exec=(.*)$", text, re.M)
        yield entry("xdg-autostart", f, m.group(1) if m else "")


def preload_and_udev(system):
    p = Path("/etc/ld.so.preload")
    if p.exists():
        yield entry("ld-preload", p, p.read_text(errors="replace"), "preload")
    if system:
        for f in glob.glob("/etc/udev/rules.d/*.rules"):
            for line in Path(f).read_text(errors="replace").splitlines():
                if "RUN+=" in line:
                    yield entry("udev", f, line)


def ssh_forced_commands():
    ak = HOME / ".ssh/authorized_keys"
    if ak.exists():
        for line in ak.read_text(errors="replace").splitlines():
            if line.startswith("command=") or ",command=" in line.split(" ")[0]:
                yield entry("ssh-command", ak, line.split(" ssh-")[0])


def rc_background():
    for name in (".bashrc", ".profile", ".zshrc", ".bash_profile"):
        f = HOME / name
        if f.exists():
            for line in f.read_text(errors="replace").splitlines():
                s = line.strip()
                if s.startswith("#"):
                    continue
                if re.search(r"\b(nohup|setsid|disown)\b|&\s*$", s):
                    yield entry("shell-rc", f, s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--system", action="store_true", help="include system locations (run with sudo)")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--diff", type=Path, help="previous --json baseline")
    a = ap.parse_args()

    items = []
    for gen in (systemd_units(a.system), cron(a.system), autostart(),
                preload_and_udev(a.system), ssh_forced_commands(), rc_background()):
        items.extend(gen)

    if a.diff:
        old = {(i["path"], i["command"]) for i in json.loads(a.diff.read_text())}
        items = [i for i in items if (i["path"], i["command"]) not in old]

    if a.json:
        print(json.dumps(items, indent=2))
        return
    order = {"suspicious": 0, "review (every minute)": 1, "review": 2, "expected": 3}
    for i in sorted(items, key=lambda x: order.get(x["tag"], 9)):
        print(f"[{i['tag']:<10}] {i['kind']:<13} {i['path']}\n             {i['command'][:160]}")
    print(f"-- {len(items)} entr{'y' if len(items) == 1 else 'ies'}; nothing was changed.")


if __name__ == "__main__":
    main()
