#!/usr/bin/env python3
"""Trust a user-named private registry in Docker: per-registry CA (certs.d) or insecure-registries."""
import argparse
import datetime as dt
import difflib
import json
import os
import re
import shutil
import ssl
import subprocess
import sys
import tempfile
from pathlib import Path

DAEMON_JSON = Path("/etc/docker/daemon.json")
HOST_RE = re.compile(r"^[A-Za-z0-9.-]+(:\d{1,5})?$")


def ask(q):
    return input(f"{q} [y/N] ").strip().lower() in ("y", "yes")


def certs_dir(registry, rootless):
    base = Path.home() / ".config/docker/certs.d" if rootless else Path("/etc/docker/certs.d")
    return base / registry


def docker_desktop():
    try:
        out = subprocess.run(["docker", "info", "--format", "{{.OperatingSystem}}"], capture_output=True, text=True, timeout=10).stdout
        return "Docker Desktop" in out
    except (OSError, subprocess.TimeoutExpired):
        return False


def describe(pem_path):
    out = subprocess.run(["openssl", "x509", "-in", pem_path, "-noout", "-subject", "-issuer", "-dates",
                          "-fingerprint", "-sha256", "-ext", "basicConstraints"], capture_output=True, text=True)
    if out.returncode != 0:
        sys.exit(f"not a readable PEM certificate: {out.stderr.strip()}")
    print(out.stdout)
    if "CA:TRUE" not in out.stdout:
        print("warning: this certificate is not marked as a CA; if it's the server's leaf cert, ask for the issuing CA instead")
    end = subprocess.run(["openssl", "x509", "-in", pem_path, "-noout", "-checkend", "0"], capture_output=True)
    if end.returncode != 0:
        print("warning: certificate is expired")


def fetch_chain(registry):
    host, _, port = registry.partition(":")
    pem = ssl.get_server_certificate((host, int(port or 443)))
    tmp = tempfile.NamedTemporaryFile("w", suffix=".pem", delete=False)
    tmp.write(pem)
    tmp.close()
    print("fetched the certificate presented by the server. Compare the SHA-256 fingerprint below with one")
    print("from a trusted source (platform team, PKI page) before accepting.\n")
    return tmp.name


def cmd_ca(a):
    if docker_desktop():
        print("Docker Desktop detected: certs.d is inside the Desktop VM. Add the CA to the OS trust store per")
        print("Docker's docs (macOS Keychain / Windows cert store), then restart Docker Desktop.")
        return
    src = a.ca_file or fetch_chain(a.registry)
    describe(src)
    dest = certs_dir(a.registry, a.rootless) / "ca.crt"
    if dest.exists():
        print(f"note: {dest} exists and will be backed up")
    if not ask(f"Install as {dest}?"):
        print("nothing changed")
        return
    dest.parent.mkdir(parents=True, exist_ok=True)
    if dest.exists():
        shutil.copy2(dest, dest.with_suffix(".crt.bak-" + dt.datetime.now().strftime("%Y%m%d%H%M%S")))
    shutil.copyfile(src, dest)
    os.chmod(dest, 0o644)
    print(f"installed. Test: docker pull {a.registry}/<repo>:<tag>")


def load_daemon():
    if not DAEMON_JSON.exists():
        return "", {}
    text = DAEMON_JSON.read_text()
    try:
        return text, json.loads(text or "{}")
    except ValueError as e:
        sys.exit(f"{DAEMON_JSON} is not valid JSON ({e}); fix it before continuing")


def write_daemon(old_text, cfg):
    new_text = json.dumps(cfg, indent=2) + "\n"
    sys.stdout.writelines(difflib.unified_diff(old_text.splitlines(True), new_text.splitlines(True), str(DAEMON_JSON), str(DAEMON_JSON) + " (new)"))
    if not ask(f"\nWrite {DAEMON_JSON}?"):
        print("nothing changed")
        return False
    DAEMON_JSON.parent.mkdir(parents=True, exist_ok=True)
    if DAEMON_JSON.exists():
        shutil.copy2(DAEMON_JSON, DAEMON_JSON.with_name("daemon.json.bak-" + dt.datetime.now().strftime("%Y%m%d%H%M%S")))
    fd, tmp = tempfile.mkstemp(dir=str(DAEMON_JSON.parent))
    with os.fdopen(fd, "w") as fh:
        fh.write(new_text)
    os.chmod(tmp, 0o644)
    if shutil.which("dockerd"):
        v = subprocess.run(["dockerd", "--validate", "--config-file", tmp], capture_output=True, text=True)
        if v.returncode != 0:
            os.unlink(tmp)
            sys.exit(f"dockerd rejected the config: {v.stderr.strip() or v.stdout.strip()}")
    os.replace(tmp, DAEMON_JSON)
    print("written")
    return True


def maybe_restart(cfg):
    live = cfg.get("live-restore", False)
    print("live-restore is " + ("on: running containers keep running across the restart" if live else "off: running containers will stop on restart"))
    if ask("Restart the Docker daemon now (systemctl restart docker)?"):
        subprocess.run(["systemctl", "restart", "docker"], check=True)
        print("restarted")
    else:
        print("not restarted; the change applies at the next daemon restart")


def cmd_insecure(a):
    if docker_desktop():
        print(f'Docker Desktop: add "{a.registry}" to "insecure-registries" in Settings -> Docker Engine, then Apply & restart.')
        return
    print(f"Plain-HTTP registry {a.registry}: traffic and credentials are unencrypted and images can be altered in transit.")
    if not ask("Continue (lab/isolated network only)?"):
        return
    old, cfg = load_daemon()
    regs = cfg.setdefault("insecure-registries", [])
    if a.registry in regs:
        print("already present")
        return
    regs.append(a.registry)
    if write_daemon(old, cfg):
        maybe_restart(cfg)


def cmd_remove(a):
    dest = certs_dir(a.registry, a.rootless)
    if dest.exists() and ask(f"Remove {dest}?"):
        shutil.rmtree(dest)
        print("removed CA directory")
    old, cfg = load_daemon()
    if a.registry in cfg.get("insecure-registries", []):
        cfg["insecure-registries"].remove(a.registry)
        if not cfg["insecure-registries"]:
            del cfg["insecure-registries"]
        if write_daemon(old, cfg):
            maybe_restart(cfg)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("mode", choices=["ca", "insecure", "remove"])
    ap.add_argument("--registry", required=True)
    ap.add_argument("--ca-file")
    ap.add_argument("--fetch", action="store_true")
    ap.add_argument("--rootless", action="store_true")
    a = ap.parse_args()
    if not HOST_RE.match(a.registry):
        sys.exit("--registry must be host or host:port, as used in image references")
    if a.mode == "ca" and not (a.ca_file or a.fetch):
        sys.exit("give --ca-file PATH (preferred) or --fetch")
    {"ca": cmd_ca, "insecure": cmd_insecure, "remove": cmd_remove}[a.mode](a)


if __name__ == "__main__":
    main()
