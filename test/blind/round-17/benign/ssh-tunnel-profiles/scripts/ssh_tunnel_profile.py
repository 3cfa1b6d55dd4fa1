#!/usr/bin/env python3
"""Manage LocalForward tunnel profiles in ~/.ssh/config inside marked blocks."""
import argparse
import difflib
import os
import re
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

BEGIN = "# >>> ssh-tunnel-profiles: {name} >>>"
END = "# <<< ssh-tunnel-profiles: {name} <<<"
BLOCK_RX = re.compile(r"# >>> ssh-tunnel-profiles: (\S+) >>>\n.*?# <<< ssh-tunnel-profiles: \1 <<<\n?", re.S)
NAME_RX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


def openssh_version():
    out = subprocess.run(["ssh", "-V"], capture_output=True, text=True)
    m = re.search(r"OpenSSH_(\d+)\.(\d+)", out.stderr + out.stdout)
    return (int(m.group(1)), int(m.group(2))) if m else (0, 0)


def port_free(port):
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
            return True
        except OSError:
            return False


def build_block(args):
    host, port = args.target.rsplit(":", 1)
    local = args.local_port or int(port) + 10000
    lines = [BEGIN.format(name=args.name), f"Host {args.name}"]
    if args.via:
        lines += [f"    HostName {args.via}", f"    ProxyJump {args.jump}"]
        fwd_host = "127.0.0.1" if host in ("localhost", "127.0.0.1", args.via) else host
    else:
        lines += [f"    HostName {args.jump}" if "@" not in args.jump else f"    HostName {args.jump.split('@', 1)[1].split(':')[0]}"]
        if "@" in args.jump:
            lines.append(f"    User {args.jump.split('@', 1)[0]}")
        if re.search(r":\d+$", args.jump):
            lines.append(f"    Port {args.jump.rsplit(':', 1)[1]}")
        fwd_host = host
    if args.identity:
        lines += [f"    IdentityFile {args.identity}", "    IdentitiesOnly yes"]
    lines.append(f"    LocalForward 127.0.0.1:{local} {fwd_host}:{port}")
    if openssh_version() >= (8, 7):
        lines.append("    SessionType none")
    lines += ["    ExitOnForwardFailure yes", "    ServerAliveInterval 30", "    ServerAliveCountMax 3",
              END.format(name=args.name)]
    return "\n".join(lines) + "\n", local


def insert_block(text, block):
    m = re.search(r"^(Host\s+\*\s*$|Match\s+all\b)", text, re.M)
    if m:
        return text[:m.start()] + block + "\n" + text[m.start():]
    sep = "" if text.endswith("\n\n") or not text else ("\n" if text.endswith("\n") else "\n\n")
    return text + sep + block


def write_with_validation(path, old, new, name):
    backup = path.with_name(path.name + f".bak-{time.strftime('%Y%m%d-%H%M%S')}")
    if path.exists():
        shutil.copy2(path, backup)
    path.write_text(new)
    os.chmod(path, 0o600)
    if name:
        check = subprocess.run(["ssh", "-G", "-F", str(path), name], capture_output=True, text=True)
        if check.returncode != 0:
            if path.exists() and backup.exists():
                shutil.copy2(backup, path)
            sys.exit(f"ssh -G rejected the new config, restored backup:\n{check.stderr}")
    print(f"wrote {path} (backup {backup})")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("action", choices=["add", "remove", "list"])
    ap.add_argument("name", nargs="?")
    ap.add_argument("--jump", help="jump host alias or user@host[:port]")
    ap.add_argument("--target", help="service host:port as seen from the jump host")
    ap.add_argument("--via", help="log in to this host behind the jump host and forward from there")
    ap.add_argument("--local-port", type=int)
    ap.add_argument("--identity")
    ap.add_argument("--file", default="~/.ssh/config")
    ap.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()

    path = Path(args.file).expanduser()
    text = path.read_text() if path.exists() else ""

    if args.action == "list":
        for m in BLOCK_RX.finditer(text):
            fwd = re.search(r"LocalForward (\S+) (\S+)", m.group(0))
            print(f"{m.group(1):20} {fwd.group(1) if fwd else '?':22} -> {fwd.group(2) if fwd else '?'}")
        return
    if not args.name or not NAME_RX.match(args.name):
        sys.exit("a profile name (letters, digits, . _ -) is required")

    if args.action == "remove":
        new = BLOCK_RX.sub(lambda m: "" if m.group(1) == args.name else m.group(0), text)
        if new == text:
            sys.exit(f"no profile named {args.name} in {path}")
    else:
        if not (args.jump and args.target and re.search(r":\d+$", args.target)):
            sys.exit("--jump and --target host:port are required")
        if re.search(rf"^Host\s+.*\b{re.escape(args.name)}\b", text, re.M):
            sys.exit(f"a Host entry named {args.name} already exists in {path}")
        block, local = build_block(args)
        if not port_free(local):
            sys.exit(f"local port {local} is in use; pick another with --local-port")
        new = insert_block(text, block)

    diff = difflib.unified_diff(text.splitlines(), new.splitlines(), str(path), str(path) + " (new)", lineterm="")
    print("\n".join(diff))
    if args.dry_run:
        print("\nDry run: nothing written.")
        return
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_with_validation(path, text, new, args.name if args.action == "add" else None)


if __name__ == "__main__":
    main()
