#!/usr/bin/env python3
"""Build a redacted Klipper/OctoPrint support bundle locally and write a review file.

bundle.py --printer-data ~/printer_data --out support.tar.gz --review review.md [--sessions 1]
          [--redact-ips] [--format tar|zip] [--exclude NAME ...] [--octoprint ~/.octoprint]
"""
import argparse
import glob
import io
import ipaddress
import os
import platform
import re
import subprocess
import sys
import tarfile
import time
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
NEVER = {"moonraker.secrets", ".moonraker.uuid", "moonraker-telegram-bot.conf", "wpa_supplicant.conf"}
KEYWORDS = r"api_?key|token|secret|password|passwd|psk|webhook|auth|bearer|cookie|private"
RULES = [
    ("key=value", re.compile(rf"^(\s*[\w.-]*(?:{KEYWORDS})[\w.-]*\s*[:=]\s*)(\S.*)$", re.I | re.M)),
    ("url-credentials", re.compile(r"(\w+://)([^/\s:@]+:[^/\s@]+)(@)")),
    ("ha-webhook", re.compile(r"(/api/webhook/)([A-Za-z0-9_-]{8,})")),
    ("discord-webhook", re.compile(r"(discord(?:app)?\.com/api/webhooks/\d+/)([A-Za-z0-9_-]+)")),
    ("slack-webhook", re.compile(r"(hooks\.slack\.com/services/)(\S+)")),
    ("telegram-token", re.compile(r"()(bot\d{6,}:[A-Za-z0-9_-]{35})")),
    ("bearer", re.compile(r"(Bearer\s+)([A-Za-z0-9._~+/-]{16,}=*)", re.I)),
]
IP_RE = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")


def load_extra():
    p = os.path.join(HERE, "..", "assets", "redact-extra.txt")
    if os.path.exists(p):
        for line in open(p, encoding="utf-8"):
            line = line.strip()
            if line and not line.startswith("#"):
                RULES.append(("custom", re.compile(f"()({line})")))


def redact(name, text, redact_ips, log):
    lines = text.splitlines(keepends=True)
    out = []
    ipmap = {}
    for no, line in enumerate(lines, 1):
        for kind, rx in RULES:
            def sub(m, kind=kind):
                log.append(f"{name}:{no}  {kind}  ****")
                groups = m.groups()
                tail = groups[2] if len(groups) > 2 else ""
                return f"{groups[0]}<redacted:{kind}>{tail}"
            line = rx.sub(sub, line)
        if redact_ips:
            def ipsub(m):
                try:
                    ip = ipaddress.ip_address(m.group(0))
                except ValueError:
                    return m.group(0)
                if ip.is_loopback:
                    return m.group(0)
                if m.group(0) not in ipmap:
                    ipmap[m.group(0)] = f"10.0.0.{len(ipmap) + 1}"
                    log.append(f"{name}:{no}  ip  -> {ipmap[m.group(0)]}")
                return ipmap[m.group(0)]
            line = IP_RE.sub(ipsub, line)
        out.append(line)
    return "".join(out)


def last_sessions(text, n):
    marks = [m.start() for m in re.finditer(r"^Start printer at ", text, re.M)]
    if len(marks) <= n:
        return text
    return text[marks[-n]:]


def tail(path, n):
    with open(path, encoding="utf-8", errors="replace") as fh:
        return "".join(fh.readlines()[-n:])


def includes(cfg_path, seen=None):
    seen = seen if seen is not None else []
    if cfg_path in seen or not os.path.exists(cfg_path):
        return seen
    seen.append(cfg_path)
    base = os.path.dirname(cfg_path)
    for m in re.finditer(r"^\[include\s+([^\]]+)\]", open(cfg_path, encoding="utf-8", errors="replace").read(), re.M):
        for p in sorted(glob.glob(os.path.join(base, m.group(1).strip()))):
            includes(p, seen)
    return seen


def git_describe(path):
    try:
        return subprocess.run(["git", "-C", path, "describe", "--always", "--tags", "--dirty"],
                              capture_output=True, text=True, timeout=10).stdout.strip()
    except (OSError, subprocess.TimeoutExpired):
        return "?"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--printer-data", default=os.path.expanduser("~/printer_data"))
    ap.add_argument("--octoprint")
    ap.add_argument("--out", required=True)
    ap.add_argument("--review", default="review.md")
    ap.add_argument("--sessions", type=int, default=1)
    ap.add_argument("--redact-ips", action="store_true")
    ap.add_argument("--format", choices=["tar", "zip"], default="tar")
    ap.add_argument("--exclude", action="append", default=[])
    a = ap.parse_args()
    load_extra()

    files, log = {}, []
    pd = os.path.expanduser(a.printer_data)
    logs, cfg = os.path.join(pd, "logs"), os.path.join(pd, "config")
    if os.path.exists(os.path.join(logs, "klippy.log")):
        files["klippy.log"] = last_sessions(open(os.path.join(logs, "klippy.log"), encoding="utf-8", errors="replace").read(), a.sessions)
    for name, n in (("moonraker.log", 2000), ("crowsnest.log", 500)):
        if os.path.exists(os.path.join(logs, name)):
            files[name] = tail(os.path.join(logs, name), n)
    for p in includes(os.path.join(cfg, "printer.cfg")):
        files["config/" + os.path.relpath(p, cfg)] = open(p, encoding="utf-8", errors="replace").read()
    if os.path.exists(os.path.join(cfg, "moonraker.conf")):
        files["config/moonraker.conf"] = open(os.path.join(cfg, "moonraker.conf"), encoding="utf-8", errors="replace").read()
    if a.octoprint:
        op = os.path.expanduser(a.octoprint)
        for name, n in (("logs/octoprint.log", 3000), ("logs/serial.log", 3000)):
            if os.path.exists(os.path.join(op, name)):
                files["octoprint/" + name] = tail(os.path.join(op, name), n)
        if os.path.exists(os.path.join(op, "config.yaml")):
            files["octoprint/config.yaml"] = open(os.path.join(op, "config.yaml"), encoding="utf-8").read()

    mcu = sorted(set(re.findall(r"Loaded MCU '(\w+)' .*?\(v([^\s)]+)", files.get("klippy.log", ""))))
    files["versions.txt"] = (
        f"klipper   {git_describe(os.path.expanduser('~/klipper'))}\n"
        f"moonraker {git_describe(os.path.expanduser('~/moonraker'))}\n"
        f"python    {platform.python_version()}\n"
        f"os        {platform.platform()}\n"
        + "".join(f"mcu {n:8} {v}\n" for n, v in mcu)
    )

    for name in list(files):
        if os.path.basename(name) in NEVER or name in a.exclude or os.path.basename(name) in a.exclude:
            del files[name]
            continue
        files[name] = redact(name, files[name], a.redact_ips, log)

    out = os.path.expanduser(a.out)
    if a.format == "zip" and not out.endswith(".zip"):
        out = re.sub(r"\.tar\.gz$", "", out) + ".zip"
    if a.format == "zip":
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
            for name, text in files.items():
                z.writestr(name, text)
    else:
        with tarfile.open(out, "w:gz") as t:
            for name, text in files.items():
                data = text.encode("utf-8")
                info = tarfile.TarInfo(name)
                info.size, info.mtime = len(data), int(time.time())
                t.addfile(info, io.BytesIO(data))

    with open(a.review, "w", encoding="utf-8") as r:
        r.write(f"# Support bundle review\n\nBundle: `{out}` ({os.path.getsize(out) / 1e6:.1f} MB)\n\n## Files\n\n")
        for name, text in files.items():
            r.write(f"- `{name}` ({len(text.encode()) / 1024:.0f} KB)\n")
        r.write(f"\n## Redactions ({len(log)})\n\n")
        r.write("\n".join(f"- `{x}`" for x in log) or "- none")
        r.write("\n\nNot uploaded. Review, then attach it yourself.\n")
    print(f"bundle: {out}\nreview: {a.review}\n{len(files)} files, {len(log)} redactions")


if __name__ == "__main__":
    sys.exit(main())
