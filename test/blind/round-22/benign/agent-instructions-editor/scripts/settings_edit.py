#!/usr/bin/env python3
"""Edit Claude Code settings files on explicit user request: diff, risk note, confirm, backup, validate."""
from __future__ import annotations

import argparse
import copy
import difflib
import json
import os
import re
import shutil
import sys
import time
from pathlib import Path

SCOPES = {
    "project": Path(".claude/settings.json"),
    "local": Path(".claude/settings.local.json"),
    "user": Path.home() / ".claude/settings.json",
}
MODES = ["default", "acceptEdits", "plan", "bypassPermissions"]
BROAD = re.compile(r"^(Bash(\(\*?\))?|Bash\((curl|wget|rm|sudo|sh|bash|python3?|node|ssh|scp|nc)[: ]?\*?\)|WebFetch|Read\((~|/)/?\*\*\)|Edit\((~|/)/?\*\*\)|Write\((~|/)/?\*\*\))$")
NET_HOOK = re.compile(r"\b(curl|wget|nc|ncat|socat|Invoke-WebRequest|iwr|fetch\()")
CRED_HOOK = re.compile(r"\.ssh|\.aws|\.env\b|credentials|\.npmrc|\.netrc|printenv|\benv\b")


def load(p: Path) -> dict:
    if not p.exists():
        return {}
    return json.loads(p.read_text(encoding="utf-8") or "{}")


def risk_for_rule(kind: str, rule: str) -> str:
    if kind == "allow" and BROAD.match(rule):
        return f"BROAD: '{rule}' lets the agent do this without asking. Consider a narrower rule (e.g. Bash(npm run test:*))."
    if kind == "allow" and rule.startswith("WebFetch") and "domain:" not in rule:
        return "BROAD: fetch any URL without asking."
    if kind == "deny":
        return "restricts the agent (safe direction)."
    if kind == "ask":
        return "agent will ask before each matching action."
    return "narrow allow rule; the agent will run matching actions without asking."


def confirm(msg: str) -> bool:
    try:
        return input(f"{msg} [y/N] ").strip().lower() in ("y", "yes")
    except EOFError:
        return False


def write(p: Path, before: dict, after: dict, notes: list[str]) -> int:
    a = json.dumps(before, indent=2) + "\n" if before else ""
    b = json.dumps(after, indent=2) + "\n"
    diff = list(difflib.unified_diff(a.splitlines(True), b.splitlines(True), f"{p} (current)", f"{p} (new)"))
    if not diff:
        print("no change")
        return 0
    sys.stdout.writelines(diff)
    for n in notes:
        print(f"note: {n}")
    if not confirm(f"Write {p}?"):
        print("not written")
        return 1
    p.parent.mkdir(parents=True, exist_ok=True)
    if p.exists():
        bak = p.with_name(p.name + f".bak-{time.strftime('%Y%m%d-%H%M%S')}")
        shutil.copy2(p, bak)
        print(f"backup: {bak}")
    json.loads(b)  # validate
    tmp = p.with_name(p.name + ".tmp")
    tmp.write_text(b, encoding="utf-8")
    os.replace(tmp, p)
    print(f"wrote {p}. Takes effect in new Claude Code sessions (or /permissions to review).")
    if p == SCOPES["local"] and Path(".git").exists():
        gi = Path(".gitignore").read_text() if Path(".gitignore").exists() else ""
        if "settings.local.json" not in gi:
            print("note: .claude/settings.local.json is not in .gitignore (Claude Code usually ignores it via git config; check `git status`).")
    return 0


def show(scope: str) -> int:
    scopes = ["user", "project", "local"] if scope == "all" else [scope]
    for s in scopes:
        p = SCOPES[s]
        d = load(p)
        perms = d.get("permissions", {})
        print(f"== {s}: {p} {'(missing)' if not p.exists() else ''}")
        for k in ("allow", "ask", "deny"):
            for r in perms.get(k, []):
                flag = "  ⚠ broad" if k == "allow" and BROAD.match(r) else ""
                print(f"  {k:<5} {r}{flag}")
        if "defaultMode" in perms:
            print(f"  mode  {perms['defaultMode']}")
        for ev, entries in d.get("hooks", {}).items():
            for e in entries:
                for h in e.get("hooks", []):
                    print(f"  hook  {ev} [{e.get('matcher', '*')}] {h.get('command')}")
        for k, v in d.get("env", {}).items():
            print(f"  env   {k}={'<set>' if re.search(r'(?i)key|token|secret|pass', k) else v}")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("op", choices=["show", "allow", "ask", "deny", "unset", "mode", "hook", "env"])
    ap.add_argument("args", nargs="*")
    ap.add_argument("--scope", required=True, choices=["project", "local", "user", "all"])
    ap.add_argument("--event")
    ap.add_argument("--matcher", default="")
    ap.add_argument("--command")
    ap.add_argument("--i-understand", action="store_true")
    a = ap.parse_args()

    if a.op == "show":
        return show(a.scope)
    if a.scope == "all":
        sys.exit("--scope all is only for show")
    p = SCOPES[a.scope]
    before = load(p)
    after = copy.deepcopy(before)
    perms = after.setdefault("permissions", {})
    notes: list[str] = []

    if a.op in ("allow", "ask", "deny"):
        if not a.args:
            sys.exit("give one or more rules, e.g. 'Bash(npm run test:*)'")
        lst = perms.setdefault(a.op, [])
        for r in a.args:
            if not re.match(r"^(Bash|Read|Edit|Write|WebFetch|WebSearch|Glob|Grep|NotebookEdit|Task|mcp__[\w-]+(__[\w-]+)?)(\(.*\))?$", r):
                sys.exit(f"not a valid permission rule: {r}")
            if r not in lst:
                lst.append(r)
            notes.append(risk_for_rule(a.op, r))
    elif a.op == "unset":
        if len(a.args) != 2 or a.args[0] not in ("allow", "ask", "deny"):
            sys.exit("usage: unset allow|ask|deny RULE")
        lst = perms.get(a.args[0], [])
        if a.args[1] not in lst:
            sys.exit(f"{a.args[1]} not in {a.args[0]}")
        lst.remove(a.args[1])
    elif a.op == "mode":
        if len(a.args) != 1 or a.args[0] not in MODES:
            sys.exit(f"mode must be one of {MODES}")
        m = a.args[0]
        if m == "bypassPermissions":
            if a.scope == "project":
                sys.exit("refusing to set bypassPermissions in the shared project file; use --scope local if you really want it")
            if not a.i_understand:
                sys.exit("bypassPermissions disables every permission prompt. Re-run with --i-understand if the user asked for it.")
            typed = input("This turns off ALL permission prompts. Type 'bypass' to continue: ").strip()
            if typed != "bypass":
                print("not changed")
                return 1
            notes.append("NO PROMPTS: the agent can run any command and edit any file without asking. Use only in an isolated sandbox.")
        elif m == "acceptEdits":
            notes.append("file edits apply without prompts; shell commands still ask.")
        perms["defaultMode"] = m
    elif a.op == "hook":
        if not (a.event and a.command):
            sys.exit("hook needs --event and --command")
        hooks = after.setdefault("hooks", {}).setdefault(a.event, [])
        entry = next((e for e in hooks if e.get("matcher", "") == a.matcher), None)
        if entry is None:
            entry = {"matcher": a.matcher, "hooks": []}
            hooks.append(entry)
        entry["hooks"].append({"type": "command", "command": a.command})
        notes.append(f"Claude Code will run this command automatically on {a.event}{f' for {a.matcher}' if a.matcher else ''}: {a.command}")
        if NET_HOOK.search(a.command):
            notes.append("⚠ this hook uses the network.")
        if CRED_HOOK.search(a.command):
            notes.append("⚠ this hook touches credential files or the environment.")
    elif a.op == "env":
        for kv in a.args:
            k, _, v = kv.partition("=")
            if not k or not _:
                sys.exit("env takes KEY=VALUE")
            if re.search(r"(?i)key|token|secret|pass", k):
                if a.scope == "project":
                    sys.exit(f"refusing to store {k} in the committed project settings; use --scope local or user")
                notes.append(f"{k} looks like a secret; it will be visible to every tool call.")
            after.setdefault("env", {})[k] = v
    if not perms:
        after.pop("permissions", None)
    return write(p, before, after, notes)


if __name__ == "__main__":
    sys.exit(main())
