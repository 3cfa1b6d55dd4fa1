#!/usr/bin/env python3
"""Managed-block editor for shell rc files. plan -> (user approves) -> apply; rollback from backups."""
import argparse
import datetime as dt
import difflib
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys

HOME = os.path.expanduser("~")
DATA = os.path.join(os.environ.get("XDG_DATA_HOME", os.path.join(HOME, ".local", "share")), "shell-rc-organizer")
BACKUPS = os.path.join(DATA, "backups")
PLAN = os.path.join(DATA, "plan.json")
ALLOWED = [os.path.join(HOME, f) for f in (".zshrc", ".zprofile", ".bashrc", ".bash_profile", ".profile")] + \
          [os.path.join(HOME, ".config", "fish", "conf.d", "shell-rc-organizer.fish")]
BLOCKS = {"path", "aliases", "env", "tools", "prompt"}
FORBIDDEN = [re.compile(p) for p in (r"\b(curl|wget)\b.*\|\s*(ba|z)?sh", r"eval\s+\"?\$\((curl|wget)",
                                     r"(?i)export\s+\w*(TOKEN|SECRET|PASSWORD|API_KEY)\w*=\S{8,}")]


def read(path):
    return open(path, encoding="utf-8").read() if os.path.exists(path) else ""


def digest(text):
    return hashlib.sha256(text.encode()).hexdigest()


def markers(block):
    return f"# >>> shell-rc-organizer:{block} >>>", f"# <<< shell-rc-organizer:{block} <<<"


def set_block(text, block, add, drop):
    start, end = markers(block)
    lines = text.splitlines()
    if start in lines and end in lines:
        i, j = lines.index(start), lines.index(end)
        body = [l for l in lines[i + 1:j] if l not in drop]
        for l in add:
            if l not in body:
                body.append(l)
        new = lines[:i + 1] + body + lines[j:] if body else lines[:i] + lines[j + 1:]
    else:
        new = lines + ([""] if lines and lines[-1] else []) + [start] + add + [end] if add else lines
    return "\n".join(new) + "\n"


def check_target(path):
    path = os.path.abspath(os.path.expanduser(path))
    if path not in ALLOWED:
        sys.exit(f"refusing: {path} is not one of the supported rc files")
    return path


def cmd_plan(a):
    path = check_target(a.file)
    before = read(path)
    for l in a.add:
        for rx in FORBIDDEN:
            if rx.search(l):
                sys.exit(f"refusing to add line (remote exec or inline secret): {l}")
    if a.remove_lines:
        lo, hi = (int(x) for x in a.remove_lines.split("-"))
        lines = before.splitlines()
        after = "\n".join(lines[:lo - 1] + lines[hi:]) + "\n"
    else:
        if a.block not in BLOCKS:
            sys.exit(f"--block must be one of {sorted(BLOCKS)}")
        after = set_block(before, a.block, a.add, set(a.drop))
    diff = "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True), path, path + " (planned)"))
    if not diff:
        print("no change")
        return
    print(diff)
    os.makedirs(DATA, exist_ok=True)
    with open(PLAN, "w") as fh:
        json.dump({"file": path, "before_sha": digest(before), "after": after,
                   "created": dt.datetime.now().isoformat()}, fh)
    os.chmod(PLAN, 0o600)
    print(f"\nplan saved. Nothing written to {path}. Run `rcblock.py apply` once approved.")


def cmd_apply(a):
    if not os.path.exists(PLAN):
        sys.exit("no plan")
    p = json.load(open(PLAN))
    path = p["file"]
    cur = read(path)
    if digest(cur) != p["before_sha"]:
        sys.exit(f"{path} changed since the plan was made; re-run plan")
    os.makedirs(BACKUPS, exist_ok=True)
    if os.path.exists(path):
        bk = os.path.join(BACKUPS, f"{os.path.basename(path)}.{dt.datetime.now():%Y%m%d-%H%M%S}")
        shutil.copy2(path, bk)
        print("backup:", bk)
    else:
        os.makedirs(os.path.dirname(path), exist_ok=True)
    tmp = path + ".rcblock.tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(p["after"])
    if os.path.exists(path):
        shutil.copymode(path, tmp)
    os.replace(tmp, path)
    os.remove(PLAN)
    shell = "zsh" if "zsh" in path else "bash" if "bash" in path or path.endswith(".profile") else None
    if shell and shutil.which(shell):
        r = subprocess.run([shell, "-n", path], capture_output=True, text=True)
        print("syntax:", "ok" if r.returncode == 0 else r.stderr.strip())
    print(f"wrote {path}. Open a new terminal to pick it up.")


def cmd_backups(_a):
    if not os.path.isdir(BACKUPS):
        print("no backups")
        return
    for n in sorted(os.listdir(BACKUPS)):
        print(n)


def cmd_rollback(a):
    path = check_target(a.file)
    base = os.path.basename(path)
    cands = sorted(n for n in os.listdir(BACKUPS) if n.startswith(base + "."))
    if not cands:
        sys.exit("no backup for " + base)
    src = os.path.join(BACKUPS, a.which or cands[-1])
    diff = "".join(difflib.unified_diff(read(path).splitlines(True), read(src).splitlines(True), path, src))
    print(diff or "identical")
    if input(f"Restore {src} over {path}? [y/N] ").strip().lower() == "y":
        shutil.copy2(src, path)
        print("restored")


def cmd_inspect(a):
    for path in ALLOWED:
        text = read(path)
        if not text:
            continue
        print(f"== {path}")
        print("  blocks:", ", ".join(re.findall(r"# >>> shell-rc-organizer:(\w+)", text)) or "none")
        seen = {}
        for m in re.finditer(r'(?m)^\s*export\s+PATH="?([^"\n]+)', text):
            for entry in m.group(1).split(":"):
                e = entry.replace("$HOME", HOME).replace("~", HOME)
                if "$" in e:
                    continue
                seen[e] = seen.get(e, 0) + 1
        for e, n in seen.items():
            if n > 1:
                print(f"  duplicate PATH entry x{n}: {e}")
            if not os.path.isdir(e):
                print(f"  PATH entry does not exist: {e}")
        for n, l in enumerate(text.splitlines(), 1):
            if re.search(r"\b(nvm\.sh|compinit|conda\s+init|pyenv\s+init|rbenv\s+init)\b", l):
                print(f"  {n}: init line (often slow): {l.strip()[:80]}")
    if a.timing and shutil.which("zsh"):
        r = subprocess.run(["zsh", "-i", "-c", "zmodload zsh/zprof; source ~/.zshrc >/dev/null 2>&1; zprof | head -15"],
                           capture_output=True, text=True, timeout=60)
        print(r.stdout)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("plan")
    p.add_argument("--file", required=True)
    p.add_argument("--block")
    p.add_argument("--add", action="append", default=[])
    p.add_argument("--drop", action="append", default=[])
    p.add_argument("--remove-lines")
    sub.add_parser("apply")
    sub.add_parser("backups")
    r = sub.add_parser("rollback")
    r.add_argument("--file", required=True)
    r.add_argument("--which")
    i = sub.add_parser("inspect")
    i.add_argument("--timing", action="store_true")
    a = ap.parse_args()
    {"plan": cmd_plan, "apply": cmd_apply, "backups": cmd_backups, "rollback": cmd_rollback, "inspect": cmd_inspect}[a.cmd](a)


if __name__ == "__main__":
    main()
