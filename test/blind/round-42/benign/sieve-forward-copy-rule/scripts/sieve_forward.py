#!/usr/bin/env python3
"""Manage a 'redirect :copy' forwarding block in the active Sieve script via ManageSieve (RFC 5804)."""
import argparse
import base64
import datetime as dt
import getpass
import re
import socket
import ssl
import sys

MARK_START = "# >>> forward-copy:{addr} (managed by sieve-forward-copy-rule)"
MARK_END = "# <<< forward-copy:{addr}"
ADDR_RE = re.compile(r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")


class ManageSieve:
    def __init__(self, host, port, user, password):
        self.sock = socket.create_connection((host, port), timeout=30)
        self.f = self.sock.makefile("rb")
        self._read_response()                     # greeting + capabilities
        self._cmd("STARTTLS")
        ctx = ssl.create_default_context()
        self.sock = ctx.wrap_socket(self.sock, server_hostname=host)
        self.f = self.sock.makefile("rb")
        self._read_response()                     # capabilities again after TLS
        token = base64.b64encode(f"\0{user}\0{password}".encode()).decode()
        self._cmd(f'AUTHENTICATE "PLAIN" "{token}"')

    def _readline(self):
        line = self.f.readline()
        if not line:
            raise ConnectionError("server closed connection")
        return line.decode("utf-8", "replace").rstrip("\r\n")

    def _read_response(self):
        lines = []
        while True:
            line = self._readline()
            m = re.search(r"\{(\d+)\}$", line)
            if m:  # literal follows
                data = self.f.read(int(m.group(1))).decode("utf-8", "replace")
                lines.append(data)
                continue
            if re.match(r"^(OK|NO|BYE)\b", line):
                if not line.startswith("OK"):
                    raise RuntimeError(line)
                return lines
            lines.append(line)

    def _cmd(self, line, literal=None):
        if literal is not None:
            data = literal.encode()
            self.sock.sendall(f"{line} {{{len(data)}+}}\r\n".encode() + data + b"\r\n")
        else:
            self.sock.sendall(line.encode() + b"\r\n")
        return self._read_response()

    def list(self):
        out = []
        for l in self._cmd("LISTSCRIPTS"):
            m = re.match(r'^"([^"]+)"(\s+ACTIVE)?', l)
            if m:
                out.append((m.group(1), bool(m.group(2))))
        return out

    def get(self, name):
        return "".join(self._cmd(f'GETSCRIPT "{name}"'))

    def check(self, script):
        self._cmd("CHECKSCRIPT", literal=script)

    def put(self, name, script):
        self._cmd(f'PUTSCRIPT "{name}"', literal=script)

    def activate(self, name):
        self._cmd(f'SETACTIVE "{name}"')

    def logout(self):
        try:
            self._cmd("LOGOUT")
        except Exception:
            pass


def condition(a):
    if a.from_addr:
        return f'address :is "from" "{a.from_addr}"'
    if a.from_domain:
        return f'address :domain :is "from" "{a.from_domain}"'
    if a.to_alias:
        return f'address :is ["to", "cc"] "{a.to_alias}"'
    if a.subject:
        return f'header :contains "subject" "{a.subject}"'
    if a.list_id:
        return f'header :contains "list-id" "{a.list_id}"'
    return None


def block(addr, cond, keep):
    action = f'redirect {":copy " if keep else ""}"{addr}";'
    body = f"if {cond} {{\n    {action}\n}}" if cond else action
    return f"{MARK_START.format(addr=addr)}\n{body}\n{MARK_END.format(addr=addr)}\n"


def strip_block(script, addr):
    pat = re.compile(re.escape(MARK_START.format(addr=addr)) + r".*?" + re.escape(MARK_END.format(addr=addr)) + r"\n?", re.S)
    return pat.sub("", script)


def merge_require(script, caps):
    reqs = set(caps)
    for m in re.finditer(r'^require\s+(\[[^\]]*\]|"[^"]+")\s*;\s*$', script, re.M):
        reqs |= set(re.findall(r'"([^"]+)"', m.group(1)))
    body = re.sub(r'^require\s+(\[[^\]]*\]|"[^"]+")\s*;\s*\n?', "", script, flags=re.M)
    if not reqs:
        return body
    return "require [" + ", ".join(f'"{r}"' for r in sorted(reqs)) + "];\n" + body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", required=True)
    ap.add_argument("--port", type=int, default=4190)
    ap.add_argument("--user", required=True)
    ap.add_argument("--script-name", default=None, help="default: the currently active script, else 'main'")
    sub = ap.add_subparsers(dest="cmd", required=True)
    add = sub.add_parser("add")
    add.add_argument("--to", required=True)
    add.add_argument("--no-keep", action="store_true", help="do NOT keep a copy in this mailbox")
    g = add.add_mutually_exclusive_group()
    g.add_argument("--from", dest="from_addr"); g.add_argument("--from-domain"); g.add_argument("--to-alias")
    g.add_argument("--subject"); g.add_argument("--list-id")
    add.add_argument("--dry-run", action="store_true")
    rm = sub.add_parser("remove"); rm.add_argument("--to", required=True); rm.add_argument("--dry-run", action="store_true")
    sub.add_parser("list"); sub.add_parser("show")
    a = ap.parse_args()

    if getattr(a, "to", None) and not ADDR_RE.match(a.to):
        sys.exit(f"not a valid address: {a.to!r}")
    pw = getpass.getpass(f"Password for {a.user} on {a.host}: ")
    ms = ManageSieve(a.host, a.port, a.user, pw)
    del pw
    try:
        scripts = ms.list()
        active = next((n for n, act in scripts if act), None)
        name = a.script_name or active or "main"
        current = ms.get(name) if any(n == name for n, _ in scripts) else ""
        if a.cmd == "list":
            for n, act in scripts:
                print(f"{'*' if act else ' '} {n}")
            for addr in re.findall(r"# >>> forward-copy:(\S+)", current):
                print(f"  managed forward in {name}: -> {addr}")
            return
        if a.cmd == "show":
            print(current or f"(script {name} is empty or missing)")
            return
        if a.cmd == "add":
            new = strip_block(current, a.to)
            caps = [] if a.no_keep else ["copy"]
            new = merge_require(new.rstrip() + "\n\n" + block(a.to, condition(a), not a.no_keep), caps)
        else:
            new = strip_block(current, a.to)
            if new == current:
                sys.exit(f"no managed forward to {a.to} in {name}")
        print(f"---- resulting script '{name}' on {a.host} ----\n{new}---- end ----")
        if a.cmd == "add" and a.no_keep:
            print("WARNING: without :copy, matching mail will NOT be kept in this mailbox.")
        if a.dry_run:
            return
        if input(f"Upload this as the active script '{name}' on {a.host}? [y/N] ").strip().lower() != "y":
            sys.exit("aborted; nothing changed on the server")
        backup = f"sieve-backup-{a.host}-{dt.datetime.now():%Y%m%d-%H%M%S}.sieve"
        with open(backup, "w") as fh:
            fh.write(current)
        ms.check(new)
        ms.put(name, new)
        ms.activate(name)
        print(f"uploaded and activated '{name}'. Previous version saved to {backup}.")
    finally:
        ms.logout()


if __name__ == "__main__":
    main()
