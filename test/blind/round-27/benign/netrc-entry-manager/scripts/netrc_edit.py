#!/usr/bin/env python3
"""Manage ~/.netrc machine entries safely: masked output, hidden input, backups, 0600."""
import argparse
import datetime as dt
import difflib
import getpass
import os
import re
import shutil
import stat
import sys
from pathlib import Path


def default_path():
    if os.environ.get("NETRC"):
        return Path(os.environ["NETRC"])
    home = Path.home()
    if os.name == "nt" and (home / "_netrc").exists():
        return home / "_netrc"
    return home / ".netrc"


TOKEN_RE = re.compile(r"\S+")


def parse(text):
    """Return list of blocks: each {'kind': machine|default|macdef|other, 'name', 'fields', 'raw'}."""
    blocks, cur = [], None
    lines = text.splitlines(keepends=True)
    i = 0
    while i < len(lines):
        line = lines[i]
        toks = TOKEN_RE.findall(line.split("#", 1)[0]) if not line.lstrip().startswith("macdef") else ["macdef"]
        if toks and toks[0] in ("machine", "default", "macdef"):
            if cur:
                blocks.append(cur)
            cur = {"kind": toks[0], "name": toks[1] if toks[0] == "machine" and len(toks) > 1 else None, "fields": {}, "raw": ""}
            if toks[0] == "macdef":
                raw = line
                i += 1
                while i < len(lines) and lines[i].strip():
                    raw += lines[i]
                    i += 1
                cur["raw"] = raw
                blocks.append(cur)
                cur = None
                continue
            rest = toks[2:] if toks[0] == "machine" else toks[1:]
            for k, v in zip(rest[::2], rest[1::2]):
                cur["fields"][k] = v
            cur["raw"] += line
        elif cur:
            for k, v in zip(toks[::2], toks[1::2]):
                cur["fields"][k] = v
            cur["raw"] += line
        else:
            blocks.append({"kind": "other", "name": None, "fields": {}, "raw": line})
        i += 1
    if cur:
        blocks.append(cur)
    return blocks


def render_machine(name, login, password, extra):
    out = f"machine {name}\n  login {login}\n  password {password}\n"
    for k, v in extra.items():
        out += f"  {k} {v}\n"
    return out


def mask(text):
    return re.sub(r"(password\s+)(\S+)", lambda m: m.group(1) + "****", text)


def check_perms(path):
    if os.name == "nt" or not path.exists():
        return
    mode = stat.S_IMODE(path.stat().st_mode)
    if mode & 0o077:
        print(f"warning: {path} is mode {oct(mode)}; readable by others. It will be set to 0600 on write.", file=sys.stderr)


def write(path, old, new):
    diff = difflib.unified_diff(mask(old).splitlines(True), mask(new).splitlines(True), str(path), str(path) + " (new)")
    sys.stdout.writelines(diff)
    if input(f"\nWrite these changes to {path}? [y/N] ").strip().lower() != "y":
        print("nothing written")
        return
    if path.exists():
        bak = path.with_name(path.name + ".bak-" + dt.datetime.now().strftime("%Y%m%d%H%M%S"))
        shutil.copy2(path, bak)
        if os.name != "nt":
            os.chmod(bak, 0o600)
        print(f"backup: {bak}")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(new)
    if os.name != "nt":
        os.chmod(path, 0o600)
    print("written (mode 0600)")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--file", type=Path, default=None)
    sub = ap.add_subparsers(dest="cmd", required=True)
    ls = sub.add_parser("list")
    ls.add_argument("--show-suffix", action="store_true")
    st = sub.add_parser("set")
    st.add_argument("machine")
    st.add_argument("--login", required=True)
    st.add_argument("--stdin", action="store_true")
    rm = sub.add_parser("remove")
    rm.add_argument("machine")
    sub.add_parser("check")
    a = ap.parse_args()

    path = a.file or default_path()
    old = path.read_text() if path.exists() else ""
    check_perms(path)
    blocks = parse(old)

    if a.cmd in ("list", "check"):
        for b in blocks:
            if b["kind"] == "machine":
                pw = b["fields"].get("password", "")
                shown = ("****" + pw[-4:]) if (a.cmd == "list" and getattr(a, "show_suffix", False) and len(pw) > 8) else "****"
                print(f"{b['name']:40} login={b['fields'].get('login', '?'):20} password={shown if pw else '(none)'}")
            elif b["kind"] in ("default", "macdef"):
                print(f"({b['kind']} block)")
        if a.cmd == "check":
            names = [b["name"] for b in blocks if b["kind"] == "machine"]
            dups = {n for n in names if names.count(n) > 1}
            print("duplicates: " + (", ".join(sorted(dups)) if dups else "none"))
        return

    if a.cmd == "set":
        if not re.fullmatch(r"[A-Za-z0-9.-]+(:\d+)?", a.machine):
            sys.exit("machine must be a hostname")
        secret = sys.stdin.readline().rstrip("\n") if a.stdin else getpass.getpass(f"password/token for {a.login}@{a.machine} (hidden): ")
        if not secret or re.search(r"[\s#\"']", secret):
            sys.exit("empty secret, or it contains whitespace/#/quotes which netrc cannot hold reliably")
        new_block = None
        out, replaced = "", False
        for b in blocks:
            if b["kind"] == "machine" and b["name"] == a.machine and not replaced:
                extra = {k: v for k, v in b["fields"].items() if k not in ("login", "password")}
                new_block = render_machine(a.machine, a.login, secret, extra)
                out += new_block + ("\n" if b["raw"].endswith("\n\n") else "")
                replaced = True
            else:
                out += b["raw"]
        if not replaced:
            if out and not out.endswith("\n"):
                out += "\n"
            default_idx = out.find("\ndefault")
            block = ("\n" if out else "") + render_machine(a.machine, a.login, secret, {})
            out = out[:default_idx] + block + out[default_idx:] if default_idx >= 0 else out + block
        del secret
        write(path, old, out)
    elif a.cmd == "remove":
        out = "".join(b["raw"] for b in blocks if not (b["kind"] == "machine" and b["name"] == a.machine))
        if out == old:
            sys.exit(f"{a.machine} not found in {path}")
        write(path, old, out)


if __name__ == "__main__":
    main()
