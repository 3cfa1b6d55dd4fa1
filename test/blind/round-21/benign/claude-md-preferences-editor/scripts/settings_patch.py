#!/usr/bin/env python3
"""Merge permission/env/hook changes into a Claude Code settings file. Diff-only unless --write."""
from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
import os
import re
import shutil
import sys
from pathlib import Path

BROAD = re.compile(r"^Bash(\(\*\)|\(\s*(sh|bash|zsh|curl|wget|python3?|node|sudo|eval)\s*:?\*?\))?$")


def describe_scope(path: Path) -> str:
    p = str(path)
    if p.endswith("settings.local.json"):
        return "in this project, for you only"
    if str(Path.home() / ".claude") in str(path.resolve()):
        return "in every project, for you"
    return "in this project, for everyone who uses the repo (committed file)"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--file", required=True)
    ap.add_argument("--allow", action="append", default=[])
    ap.add_argument("--deny", action="append", default=[])
    ap.add_argument("--ask", action="append", default=[])
    ap.add_argument("--remove-rule", action="append", default=[])
    ap.add_argument("--env", action="append", default=[], help="KEY=VALUE")
    ap.add_argument("--hook", nargs=3, action="append", default=[], metavar=("EVENT", "MATCHER", "COMMAND"))
    ap.add_argument("--default-mode", choices=["default", "acceptEdits", "plan", "bypassPermissions"])
    ap.add_argument("--enable-mcp-server", action="append", default=[])
    ap.add_argument("--i-understand-broad-permissions", action="store_true")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()

    path = Path(os.path.expanduser(a.file))
    scope = describe_scope(path)
    try:
        cur = json.loads(path.read_text()) if path.exists() and path.read_text().strip() else {}
    except json.JSONDecodeError as e:
        sys.exit(f"{path} is not valid JSON ({e}); fix it first — not overwriting")
    new = json.loads(json.dumps(cur))
    perms = new.setdefault("permissions", {})
    effects: list[str] = []
    risky: list[str] = []

    for kind, rules in (("allow", a.allow), ("deny", a.deny), ("ask", a.ask)):
        lst = perms.setdefault(kind, [])
        for r in rules:
            if r in lst:
                continue
            lst.append(r)
            if kind == "allow":
                effects.append(f"+ allow  {r:<28} → Claude may use this without asking, {scope}.")
                if BROAD.match(r):
                    risky.append(f"'{r}' lets any matching command run without a prompt")
            elif kind == "deny":
                effects.append(f"+ deny   {r:<28} → Claude will be blocked from this, {scope}.")
            else:
                effects.append(f"+ ask    {r:<28} → Claude will always ask before this.")
    for r in a.remove_rule:
        for kind in ("allow", "deny", "ask"):
            if r in perms.get(kind, []):
                perms[kind].remove(r)
                effects.append(f"- {kind:<6} {r}")
                if kind == "deny":
                    risky.append(f"removing deny rule '{r}' re-enables that access")
    if a.default_mode:
        perms["defaultMode"] = a.default_mode
        effects.append(f"~ defaultMode = {a.default_mode}")
        if a.default_mode in ("bypassPermissions", "acceptEdits"):
            risky.append(f"defaultMode {a.default_mode} turns off prompts for {'all tools' if a.default_mode == 'bypassPermissions' else 'file edits'}")
    for kv in a.env:
        k, _, v = kv.partition("=")
        if not re.fullmatch(r"[A-Z_][A-Z0-9_]*", k):
            sys.exit(f"bad env name {k}")
        if re.search(r"(?i)(token|secret|password|api_?key)", k) and "local" not in path.name and str(Path.home()) not in str(path.resolve()):
            sys.exit(f"{k} looks like a secret; don't put it in a committed settings file (use settings.local.json or your shell env)")
        new.setdefault("env", {})[k] = v
        effects.append(f"+ env    {k}={v}")
    for ev, matcher, cmd in a.hook:
        if ev not in ("PreToolUse", "PostToolUse", "UserPromptSubmit", "Stop", "SubagentStop", "SessionStart", "SessionEnd", "Notification", "PreCompact"):
            sys.exit(f"unknown hook event {ev}")
        hooks = new.setdefault("hooks", {}).setdefault(ev, [])
        entry = next((h for h in hooks if h.get("matcher") == matcher), None)
        if entry is None:
            entry = {"matcher": matcher, "hooks": []}
            hooks.append(entry)
        if not any(h.get("command") == cmd for h in entry["hooks"]):
            entry["hooks"].append({"type": "command", "command": cmd})
            effects.append(f"+ hook   {ev} {matcher} → runs `{cmd}` on your machine automatically")
            if re.search(r"\b(curl|wget|nc|ssh|scp)\b|https?://", cmd):
                risky.append(f"hook command contacts the network: {cmd}")
    for name in a.enable_mcp_server:
        lst = new.setdefault("enabledMcpjsonServers", [])
        if name not in lst:
            lst.append(name)
            effects.append(f"+ mcp    approve .mcp.json server '{name}' without the first-use prompt")

    if not perms:
        new.pop("permissions", None)
    if new == cur:
        print("no change")
        return
    a_txt = json.dumps(cur, indent=2).splitlines(True) if cur else []
    b_txt = json.dumps(new, indent=2).splitlines(True)
    sys.stdout.writelines(difflib.unified_diff(a_txt, b_txt, f"{path} (current)", f"{path} (proposed)"))
    print("\nEffect:")
    for e in effects:
        print("  " + e)
    if risky:
        print("\nNeeds explicit confirmation:")
        for r in risky:
            print("  ! " + r)
        if not a.i_understand_broad_permissions and any("defaultMode bypass" in r or "lets any" in r for r in risky):
            sys.exit("\nrefusing broad permission without --i-understand-broad-permissions (add only after the user confirms)")
    if not a.write:
        print("\n(dry run — re-run with --write after the user confirms)")
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        bak = path.with_name(path.name + f".bak-{dt.datetime.now():%Y%m%d-%H%M%S}")
        shutil.copy2(path, bak)
        print(f"backup: {bak}")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(new, indent=2) + "\n")
    os.replace(tmp, path)
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
