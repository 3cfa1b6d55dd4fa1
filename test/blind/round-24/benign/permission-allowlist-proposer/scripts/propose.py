#!/usr/bin/env python3
"""Propose and (with --apply) add narrow Bash allow rules to a Claude Code settings file."""
import argparse
import difflib
import json
import shutil
import sys
from pathlib import Path

BROAD_PREFIXES = {
    "": "every command",
    "npm": "can install and run arbitrary packages", "npx": "runs arbitrary packages",
    "pnpm dlx": "runs arbitrary packages", "yarn dlx": "runs arbitrary packages", "bunx": "runs arbitrary packages",
    "python": "interpreter", "python3": "interpreter", "node": "interpreter", "ruby": "interpreter",
    "perl": "interpreter", "bash": "shell", "sh": "shell", "zsh": "shell", "eval": "shell",
    "curl": "network + piping", "wget": "network + piping",
    "git push": "publishes code", "rm": "destructive", "sudo": "privileged", "chmod": "permissions",
    "docker run": "runs arbitrary images", "ssh": "remote shell",
}
EXACT_OK = {"git status", "git diff", "git log", "ls", "pwd"}


def rule_for(cmd):
    cmd = " ".join(cmd.split())
    if cmd in EXACT_OK and cmd != "git diff" and cmd != "git log":
        return f"Bash({cmd})", None
    for bad, why in BROAD_PREFIXES.items():
        if cmd == bad:
            return None, why
    if cmd.split()[0] in ("python", "python3", "node", "bash", "sh", "sudo", "rm", "curl", "wget", "ssh"):
        return None, BROAD_PREFIXES.get(cmd.split()[0], "too broad")
    if cmd in ("npm", "npx", "pnpm", "yarn"):
        return None, BROAD_PREFIXES.get(cmd, "too broad")
    return f"Bash({cmd}:*)", None


def load(p):
    return json.loads(p.read_text()) if p.exists() else {}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("commands", nargs="*")
    ap.add_argument("--file", default=".claude/settings.local.json")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--remove", action="store_true")
    a = ap.parse_args()
    p = Path(a.file)
    cfg = load(p)
    allow = cfg.setdefault("permissions", {}).setdefault("allow", [])

    if a.list:
        print("\n".join(allow) or "(no allow rules)")
        return

    if a.remove:
        new_allow = [r for r in allow if r not in a.commands]
    else:
        new_allow = list(allow)
        for c in a.commands:
            rule, why = rule_for(c)
            if rule is None:
                print(f"REFUSED  {c!r}: {why}")
                continue
            print(f"{rule:<32} allows: {c}{' ...' if rule.endswith(':*)') else ' (exact)'}")
            if rule not in new_allow:
                new_allow.append(rule)

    old_text = json.dumps(load(p), indent=2) + "\n" if p.exists() else ""
    cfg["permissions"]["allow"] = new_allow
    new_text = json.dumps(cfg, indent=2) + "\n"
    diff = list(difflib.unified_diff(old_text.splitlines(), new_text.splitlines(), str(p), str(p) + " (new)", lineterm=""))
    if not diff:
        print("no change")
        return
    print("\n".join(diff))
    if not a.apply:
        print("\n(preview only - re-run with --apply after the user approves)")
        return
    if p.exists():
        shutil.copy2(p, p.with_suffix(p.suffix + ".bak"))
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(new_text)
    print(f"updated {p}")


if __name__ == "__main__":
    sys.exit(main())
