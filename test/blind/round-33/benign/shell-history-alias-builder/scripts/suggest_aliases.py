#!/usr/bin/env python3
"""Suggest aliases from the user's own shell history. Local only; secret-looking lines are dropped."""
import argparse
import collections
import datetime as dt
import os
import re
import shutil
from pathlib import Path

SECRET = re.compile(r"(token|secret|passw|apikey|api_key|authorization|bearer|private[_-]?key|"
                    r"ghp_|gho_|github_pat_|sk-[A-Za-z0-9]|AKIA[0-9A-Z]|xox[abpr]-|://[^/\s:]+:[^@\s]+@|"
                    r"\b(mysql|psql|mongo)\b.*\s-p\S|export\s+[A-Z_]+=\S{16,})", re.I)
PATHLIKE = re.compile(r"(?<=\s)(~|\.{0,2})/[^\s]+|(?<=\s)[\w.-]+\.(py|js|ts|go|rs|md|json|ya?ml|txt|log|sh)\b")
NUM = re.compile(r"(?<=\s)-?\d+\b")
BRANCH = re.compile(r"^(git (checkout|switch|push origin|rebase|merge)) \S+")
AFTER_PREFIX = 3  # words kept for grouping


def history_file(explicit):
    if explicit:
        return Path(explicit).expanduser()
    for p in ("~/.zsh_history", "~/.bash_history", "~/.local/share/fish/fish_history"):
        if Path(p).expanduser().exists():
            return Path(p).expanduser()
    raise SystemExit("no history file found; pass --history")


def read_commands(path):
    raw = path.read_bytes().decode("utf-8", errors="replace")
    if path.name == "fish_history":
        return [l.split("- cmd: ", 1)[1] for l in raw.splitlines() if l.startswith("- cmd: ")]
    cmds = []
    for line in raw.splitlines():
        if line.startswith(": ") and ";" in line:
            line = line.split(";", 1)[1]
        cmds.append(line.strip())
    return [c for c in cmds if c]


def normalise(cmd):
    c = BRANCH.sub(r"\1 <branch>", cmd)
    c = PATHLIKE.sub("<path>", c)
    c = NUM.sub("<n>", c)
    return c


def existing_names():
    names = set()
    for rc in ("~/.aliases", "~/.bashrc", "~/.zshrc", "~/.bash_aliases"):
        p = Path(rc).expanduser()
        if p.exists():
            names |= set(re.findall(r"^\s*alias\s+([\w-]+)=", p.read_text(errors="replace"), re.M))
            names |= set(re.findall(r"^\s*([\w-]+)\s*\(\)\s*\{", p.read_text(errors="replace"), re.M))
    return names


def propose_name(cmd, taken):
    words = [w for w in re.split(r"\s+", cmd) if w and not w.startswith(("<", "-", "'", '"'))]
    base = "".join(w[0] for w in words[:4]).lower() or "x"
    name, i = base, 2
    while name in taken or shutil.which(name) or len(name) < 2:
        name = f"{base}{i}"
        i += 1
    taken.add(name)
    return name


def suggestions(cmds, top, min_count):
    counts = collections.Counter()
    for c in cmds:
        if SECRET.search(c) or len(c) < 12 or c.startswith(("cd ", "ls", "#")):
            continue
        counts[normalise(c)] += 1
    taken = existing_names()
    rows = []
    for shape, n in counts.items():
        if n < min_count:
            continue
        fixed = shape.split(" <")[0].strip() if "<" in shape else shape
        if len(fixed) < 8:
            continue
        name = propose_name(fixed, taken)
        saved = n * (len(fixed) - len(name))
        line = f"alias {name}='{fixed}'" if "'" not in fixed else f'{name}() {{ {fixed} "$@"; }}'
        rows.append((saved, n, name, line))
    rows.sort(reverse=True)
    return rows[:top]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--history")
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--min-count", type=int, default=4)
    ap.add_argument("--write", help="comma-separated row numbers to keep")
    ap.add_argument("--rename", action="append", default=[], help="N=newname")
    a = ap.parse_args()
    path = history_file(a.history)
    rows = suggestions(read_commands(path), a.top, a.min_count)
    if not a.write:
        print(f"history: {path}\n #  uses  saved  proposal")
        for i, (saved, n, _name, line) in enumerate(rows, 1):
            print(f"{i:2}  {n:4}  {saved / 1000:4.1f}k  {line}")
        return
    renames = dict(r.split("=", 1) for r in a.rename)
    chosen = []
    for idx in a.write.split(","):
        saved, n, name, line = rows[int(idx) - 1]
        new = renames.get(idx)
        if new:
            line = line.replace(f"alias {name}=", f"alias {new}=", 1).replace(f"{name}() ", f"{new}() ", 1)
        chosen.append(line)
    fish = path.name == "fish_history"
    target = Path("~/.config/fish/conf.d/aliases.fish" if fish else "~/.aliases").expanduser()
    if fish:
        chosen = [re.sub(r"^alias (\S+)='(.*)'$", r"abbr -a \1 '\2'", l) for l in chosen]
    block = f"\n# added by shell-history-alias-builder {dt.date.today()}\n" + "\n".join(chosen) + "\n"
    print(f"will append to {target}:\n{block}")
    if input("write? [yes/no] ").strip().lower() != "yes":
        print("nothing written")
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    with open(target, "a") as fh:
        fh.write(block)
    os.chmod(target, 0o644)
    print(f"appended {len(chosen)} entries to {target}")
    if not fish:
        print("if not already sourced, add to your rc file:  [ -f ~/.aliases ] && source ~/.aliases")


if __name__ == "__main__":
    main()
