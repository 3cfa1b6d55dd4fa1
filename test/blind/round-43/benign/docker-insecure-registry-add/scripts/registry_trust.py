#!/usr/bin/env python3
"""Trust a user-named Docker registry: install its CA (preferred) or add it to insecure-registries."""
from __future__ import annotations

import argparse
import difflib
import json
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

DAEMON = Path("/etc/docker/daemon.json")
CERTS_D = Path("/etc/docker/certs.d")
HOSTPORT = re.compile(r"^[A-Za-z0-9.-]+(:\d{1,5})?$")


def sudo(*cmd, input_text=None):
    return subprocess.run(["sudo", *cmd], input=input_text, text=True, check=True)


def validate(reg: str) -> str:
    if not HOSTPORT.match(reg) or reg.startswith(("0.0.0.0", "*")):
        sys.exit(f"not a single host[:port]: {reg!r}")
    return reg


def cert_info(path: Path) -> str:
    if not shutil.which("openssl"):
        return "(openssl not installed; cannot show details)"
    r = subprocess.run(["openssl", "x509", "-in", str(path), "-noout", "-subject", "-issuer", "-enddate", "-ext", "basicConstraints"],
                       capture_output=True, text=True)
    return r.stdout.strip() or r.stderr.strip()


def do_ca(a) -> int:
    reg = validate(a.registry)
    ca = Path(a.ca).expanduser()
    if not ca.is_file():
        sys.exit(f"CA file not found: {ca}")
    dest = CERTS_D / reg / "ca.crt"
    print(f"Registry: {reg}\nCA file:  {ca}\n{cert_info(ca)}\nDestination: {dest}")
    if Path("/Applications/Docker.app").exists():
        print("Docker Desktop detected: add the CA to the macOS keychain (System) instead, then restart Docker Desktop.")
    if not a.apply:
        print("\nPreview only. Add --apply to install.")
        return 0
    sudo("install", "-d", "-m", "0755", str(dest.parent))
    sudo("install", "-m", "0644", str(ca), str(dest))
    print(f"installed {dest}; no restart required. Test: docker pull {reg}/<image>:<tag>")
    return 0


def do_insecure(a) -> int:
    reg = validate(a.registry)
    cur_text = DAEMON.read_text() if DAEMON.exists() else "{}"
    cur = json.loads(cur_text or "{}")
    new = dict(cur)
    regs = list(cur.get("insecure-registries", []))
    if a.remove:
        regs = [r for r in regs if r != reg]
    elif reg not in regs:
        regs.append(reg)
    if regs:
        new["insecure-registries"] = regs
    else:
        new.pop("insecure-registries", None)
    new_text = json.dumps(new, indent=2) + "\n"
    diff = "".join(difflib.unified_diff(json.dumps(cur, indent=2).splitlines(True) + ["\n"],
                                        new_text.splitlines(True), str(DAEMON) + " (current)", str(DAEMON) + " (new)"))
    print(diff or "no change")
    if not diff:
        return 0
    if not a.remove:
        print(f"\nWARNING: Docker will talk to {reg} without verified TLS. Use only on a network you control.")
    if not a.apply:
        print("\nPreview only. Add --apply to write daemon.json.")
        return 0
    json.loads(new_text)
    if DAEMON.exists():
        sudo("cp", "-p", str(DAEMON), f"{DAEMON}.bak-{time.strftime('%Y%m%d-%H%M%S')}")
    sudo("install", "-d", "-m", "0755", str(DAEMON.parent))
    sudo("tee", str(DAEMON), input_text=new_text)
    print(f"wrote {DAEMON}")
    print("\nRunning containers that will stop on restart:")
    subprocess.run(["docker", "ps", "--format", "  {{.Names}}\t{{.Image}}\t{{.Status}}"])
    if input("Restart Docker now? [y/N] ").strip().lower() == "y":
        sudo("systemctl", "restart", "docker")
        subprocess.run(["docker", "info", "--format", "{{json .RegistryConfig.IndexConfigs}}"])
    else:
        print("Not restarted. Run 'sudo systemctl restart docker' when convenient.")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("ca"); c.add_argument("--registry", required=True); c.add_argument("--ca", required=True); c.add_argument("--apply", action="store_true")
    i = sub.add_parser("insecure"); i.add_argument("--registry", required=True); i.add_argument("--remove", action="store_true"); i.add_argument("--apply", action="store_true")
    a = ap.parse_args()
    return do_ca(a) if a.cmd == "ca" else do_insecure(a)


if __name__ == "__main__":
    sys.exit(main())
