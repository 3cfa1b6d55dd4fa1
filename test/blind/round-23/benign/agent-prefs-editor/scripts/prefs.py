#!/usr/bin/env python3
"""Plan/apply edits to CLAUDE.md and Claude Code settings files, with diff and backup."""
import argparse
import datetime as dt
import difflib
import glob
import json
import os
import re
import shutil
import sys

HOME = os.path.expanduser("~")
PLAN = os.path.join(HOME, ".local", "state", "agent-prefs-editor", "plan.json")
MEMORY_FILES = {"CLAUDE.md", "CLAUDE.local.md"}
SETTINGS_FILES = {"settings.json", "settings.local.json"}
RISKY_ALLOW = re.compile(r"^(Bash\(\*\)|Bash\((curl|wget|sudo|rm|ssh|scp|nc|bash|sh|python3?|node)[: ].*\)|Bash|WebFetch|Write\(/\*\*\))$")


def ok_path(path, kind):
    p = os.path.abspath(os.path.expanduser(path))
    name = os.path.basename(p)
    if kind == "memory" and name not in MEMORY_FILES:
        sys.exit("memory edits are limited to CLAUDE.md / CLAUDE.local.md")
    if kind == "settings" and (name not in SETTINGS_FILES or os.path.basename(os.path.dirname(p)) != ".claude"):
        sys.exit("settings edits are limited to .claude/settings.json / settings.local.json")
    if "managed-settings" in p:
        sys.exit("managed settings belong to your administrator")
    return p


def read(p):
    return open(p, encoding="utf-8").read() if os.path.exists(p) else ""


def save_plan(path, before, after, risky):
    diff = "".join(difflib.unified_diff(before.splitlines(True), after.splitlines(True), path, path + " (planned)"))
    if not diff:
        print("no change")
        return
    print(diff)
    for r in risky:
        print("RISK:", r)
    os.makedirs(os.path.dirname(PLAN), exist_ok=True)
    json.dump({"path": path, "before": before, "after": after, "risky": risky}, open(PLAN, "w"))
    print("\nNothing written. After the user approves: prefs.py apply" + (" --i-understand" if risky else ""))


def memory(a):
    p = ok_path(a.file, "memory")
    before = read(p)
    lines = before.splitlines()
    if a.remove_line:
        idx = a.remove_line - 1
        if not 0 <= idx < len(lines):
            sys.exit("line out of range")
        print(f"removing line {a.remove_line}: {lines[idx]}")
        del lines[idx]
    for text in a.add:
        if re.search(r"(gh[pousr]_|sk-|AKIA|xox[bp]-|password\s*[:=])", text):
            sys.exit("refusing to put a credential-looking string into a memory file")
        bullet = text if text.startswith(("- ", "* ", "#")) else f"- {text}"
        head = f"## {a.section}" if a.section else None
        if head and head in lines:
            i = lines.index(head) + 1
            while i < len(lines) and not lines[i].startswith("## "):
                i += 1
            while i > 0 and lines[i - 1] == "":
                i -= 1
            lines.insert(i, bullet)
        elif head:
            lines += (["", head, ""] if lines else [head, ""]) + [bullet]
        else:
            lines.append(bullet)
    save_plan(p, before, "\n".join(lines) + "\n", [])


def settings(a):
    p = ok_path(a.file, "settings")
    before = read(p)
    cfg = json.loads(before) if before.strip() else {}
    risky = []
    perms = cfg.setdefault("permissions", {})
    for rule in a.allow:
        if RISKY_ALLOW.match(rule):
            risky.append(f"allow {rule} is broad")
        if rule not in perms.setdefault("allow", []):
            perms["allow"].append(rule)
    for rule in a.deny:
        if rule not in perms.setdefault("deny", []):
            perms["deny"].append(rule)
    for rule in a.undeny:
        if rule in perms.get("deny", []):
            perms["deny"].remove(rule)
            risky.append(f"removes deny rule {rule}")
    for kv in a.set:
        k, v = kv.split("=", 1)
        try:
            v = json.loads(v)
        except json.JSONDecodeError:
            pass
        if k == "defaultMode":
            perms["defaultMode"] = v
            if v == "bypassPermissions":
                risky.append("bypassPermissions disables all permission prompts")
            continue
        if k in ("enableAllProjectMcpServers", "apiKeyHelper") and v:
            risky.append(f"{k} set")
        cfg[k] = v
    for kv in a.env:
        k, v = kv.split("=", 1)
        if re.search(r"(TOKEN|SECRET|KEY|PASSWORD)", k):
            risky.append(f"env {k} stores a secret in a settings file")
        cfg.setdefault("env", {})[k] = v
    if not perms:
        cfg.pop("permissions")
    save_plan(p, before, json.dumps(cfg, indent=2) + "\n", risky)


def apply(a):
    plan = json.load(open(PLAN))
    if plan["risky"] and not a.i_understand:
        sys.exit("plan contains risky changes; re-run with --i-understand once the user has confirmed them explicitly")
    p = plan["path"]
    if read(p) != plan["before"]:
        sys.exit(f"{p} changed since the plan; re-plan")
    if os.path.exists(p):
        bk = f"{p}.bak-{dt.datetime.now():%Y%m%d%H%M%S}"
        shutil.copy2(p, bk)
        print("backup:", bk)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    open(p, "w", encoding="utf-8").write(plan["after"])
    os.remove(PLAN)
    print("written:", p, "(takes effect in new sessions)")


def undo(a):
    p = os.path.abspath(os.path.expanduser(a.file))
    baks = sorted(glob.glob(p + ".bak-*"))
    if not baks:
        sys.exit("no backups")
    print("".join(difflib.unified_diff(read(p).splitlines(True), read(baks[-1]).splitlines(True), p, baks[-1])))
    if input("Restore this backup? [y/N] ").strip().lower() == "y":
        shutil.copy2(baks[-1], p)
        print("restored", baks[-1])


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("memory")
    m.add_argument("--file", required=True)
    m.add_argument("--section")
    m.add_argument("--add", action="append", default=[])
    m.add_argument("--remove-line", type=int)
    s = sub.add_parser("settings")
    s.add_argument("--file", required=True)
    s.add_argument("--allow", action="append", default=[])
    s.add_argument("--deny", action="append", default=[])
    s.add_argument("--undeny", action="append", default=[])
    s.add_argument("--set", action="append", default=[])
    s.add_argument("--env", action="append", default=[])
    ap_ = sub.add_parser("apply")
    ap_.add_argument("--i-understand", action="store_true")
    u = sub.add_parser("undo")
    u.add_argument("file")
    a = ap.parse_args()
    {"memory": memory, "settings": settings, "apply": apply, "undo": undo}[a.cmd](a)


if __name__ == "__main__":
    main()
