#!/usr/bin/env python3
import argparse
import difflib
import os
import re
import shlex
import shutil
import sys
from pathlib import Path

BEGIN = "# >>> shell-alias-installer >>>"
END = "# <<< shell-alias-installer <<<"
NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_-]*$")


def rc_path(arg):
    if arg:
        return Path(arg).expanduser()
    return Path.home() / (".zshrc" if os.environ.get("SHELL", "").endswith("zsh") else ".bashrc")


def split(text):
    if BEGIN in text and END in text:
        pre, rest = text.split(BEGIN, 1)
        block, post = rest.split(END, 1)
        return pre, [l for l in block.strip("\n").splitlines() if l.strip()], post
    return text, [], ""


def join(pre, lines, post):
    if not lines:
        return pre.rstrip("\n") + "\n" + post.lstrip("\n") if post else pre
    body = "\n".join(lines)
    sep = "" if pre.endswith("\n") or not pre else "\n"
    return f"{pre}{sep}{BEGIN}\n{body}\n{END}{post if post else chr(10)}"


def entry_name(line):
    m = re.match(r"alias ([^=]+)=", line) or re.match(r"([A-Za-z_][\w-]*)\(\)", line)
    return m.group(1) if m else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["list", "add", "add-func", "remove"])
    ap.add_argument("name", nargs="?")
    ap.add_argument("value", nargs="?")
    ap.add_argument("--rc")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    rc = rc_path(a.rc)
    text = rc.read_text() if rc.exists() else ""
    pre, lines, post = split(text)
    if a.cmd == "list":
        print(f"{rc}:")
        print("\n".join(lines) or "(no managed aliases)")
        return
    if not a.name or not NAME.match(a.name):
        sys.exit("a valid alias/function name is required")
    lines = [l for l in lines if entry_name(l) != a.name]
    if a.cmd == "add":
        if a.value is None:
            sys.exit("alias value required")
        lines.append(f"alias {a.name}={shlex.quote(a.value)}")
    elif a.cmd == "add-func":
        if a.value is None:
            sys.exit("function body required")
        lines.append(f"{a.name}() {{ {a.value.rstrip(';')}; }}")
    new = join(pre, lines, post)
    diff = "".join(difflib.unified_diff(text.splitlines(True), new.splitlines(True), str(rc), str(rc)))
    print(diff or "no change")
    if a.dry_run or not diff:
        return
    if rc.exists():
        shutil.copy2(rc, rc.with_name(rc.name + ".bak-aliases"))
    rc.write_text(new)
    print(f"updated {rc}; run: source {rc}")


if __name__ == "__main__":
    main()
