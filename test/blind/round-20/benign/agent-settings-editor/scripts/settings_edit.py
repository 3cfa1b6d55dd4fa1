#!/usr/bin/env python3
"""Edit Claude Code settings.json files on explicit user request. Diff + confirm + backup on every write."""
import argparse
import difflib
import json
import os
import re
import shutil
import sys
import time

BROAD = re.compile(r"^(Bash|Bash\(\*\)|Bash\((curl|wget|rm|sudo|sh|bash|python3?|node|ssh|scp)(:\*)?\)|WebFetch|Write|Edit|Read|mcp__.*)$")


def path_for(scope):
    if scope == "user":
        return os.path.expanduser("~/.claude/settings.json")
    if scope == "project":
        return os.path.join(os.getcwd(), ".claude", "settings.json")
    if scope == "local":
        return os.path.join(os.getcwd(), ".claude", "settings.local.json")
    sys.exit("scope must be user|project|local")


def load(p):
    if not os.path.exists(p):
        return {}
    with open(p, encoding="utf-8") as fh:
        txt = fh.read().strip()
    return json.loads(txt) if txt else {}


def confirm(msg):
    return input(f"{msg} [y/N] ").strip().lower() == "y"


def write(p, old, new):
    a = json.dumps(old, indent=2, sort_keys=True).splitlines()
    b = json.dumps(new, indent=2, sort_keys=True).splitlines()
    diff = list(difflib.unified_diff(a, b, p + " (current)", p + " (proposed)", lineterm=""))
    if not diff:
        print("No change needed.")
        return
    print("\n".join(diff))
    if not confirm(f"Write to {p}?"):
        print("Nothing changed.")
        sys.exit(1)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    if os.path.exists(p):
        shutil.copy2(p, f"{p}.{time.strftime('%Y%m%d%H%M%S')}.bak")
    tmp = p + ".tmp"
    with open(tmp, "w", encoding="utf-8") as fh:
        json.dump(new, fh, indent=2)
        fh.write("\n")
    os.replace(tmp, p)
    print(f"Saved {p}")
    if p.endswith(os.path.join(".claude", "settings.json")) and not p.startswith(os.path.expanduser("~/.claude")):
        print("Note: project settings are shared with your team once committed.")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("action", choices=["show", "allow", "ask", "deny", "remove-rule", "hook", "env", "mode"])
    ap.add_argument("values", nargs="*")
    ap.add_argument("--scope", default="local")
    ap.add_argument("--event", choices=["PreToolUse", "PostToolUse", "UserPromptSubmit", "Notification", "Stop", "SubagentStop", "SessionStart"])
    ap.add_argument("--matcher", default="")
    ap.add_argument("--command")
    a = ap.parse_args()

    if a.action == "show":
        for s in ("user", "project", "local"):
            p = path_for(s)
            print(f"== {s}: {p}")
            print(json.dumps(load(p), indent=2) if os.path.exists(p) else "   (absent)")
        return

    p = path_for(a.scope)
    old = load(p)
    new = json.loads(json.dumps(old))
    perms = new.setdefault("permissions", {})

    if a.action in ("allow", "ask", "deny"):
        if not a.values:
            sys.exit("give at least one rule, e.g. 'Bash(npm test:*)'")
        broad = [r for r in a.values if a.action == "allow" and BROAD.match(r)]
        if broad:
            print(f"WARNING: {broad} would let the agent run these without asking, in every matching case.")
            if not confirm("Are you sure you want such a broad allow rule?"):
                sys.exit(1)
        lst = perms.setdefault(a.action, [])
        for r in a.values:
            if r not in lst:
                lst.append(r)
    elif a.action == "remove-rule":
        for key in ("allow", "ask", "deny"):
            if key in perms:
                perms[key] = [r for r in perms[key] if r not in a.values]
    elif a.action == "hook":
        if not (a.event and a.command):
            sys.exit("--event and --command are required")
        if re.search(r"(curl|wget)[^|]*\|\s*(ba)?sh|base64\s+-d", a.command):
            print("WARNING: this hook downloads or decodes and executes code on every event.")
            if not confirm("Keep it anyway?"):
                sys.exit(1)
        hooks = new.setdefault("hooks", {}).setdefault(a.event, [])
        entry = next((h for h in hooks if h.get("matcher", "") == a.matcher), None)
        if entry is None:
            entry = {"matcher": a.matcher, "hooks": []}
            hooks.append(entry)
        cmd = {"type": "command", "command": a.command}
        if cmd not in entry["hooks"]:
            entry["hooks"].append(cmd)
        print(f"This command will run automatically on {a.event}" + (f" for tools matching '{a.matcher}'" if a.matcher else "") + ".")
    elif a.action == "env":
        env = new.setdefault("env", {})
        for kv in a.values:
            k, _, v = kv.partition("=")
            if re.search("KEY|TOKEN|SECRET|PASSWORD", k) and a.scope == "project":
                sys.exit(f"refusing to put {k} in a committed project file; use --scope local")
            env[k] = v
    elif a.action == "mode":
        mode = (a.values or [""])[0]
        if mode not in ("default", "acceptEdits", "plan", "bypassPermissions"):
            sys.exit("mode must be default|acceptEdits|plan|bypassPermissions")
        if mode == "bypassPermissions":
            print("bypassPermissions disables ALL permission prompts. Recommended only in a disposable container/VM.")
            if input("Type 'bypass' to confirm: ").strip() != "bypass":
                sys.exit(1)
        perms["defaultMode"] = mode
    if not perms:
        new.pop("permissions", None)
    write(p, old, new)


if __name__ == "__main__":
    main()
