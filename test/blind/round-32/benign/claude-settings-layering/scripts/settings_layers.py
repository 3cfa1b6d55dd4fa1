#!/usr/bin/env python3
"""Show Claude Code's layered settings with provenance; optionally move permission rules between layers."""
import argparse
import json
import os
import platform
import re
import sys
from pathlib import Path

CRED_KEY = re.compile(r"(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_KEY|CREDENTIAL)", re.I)
CRED_VAL = re.compile(r"^(sk-|ghp_|github_pat_|xox[bp]-|AKIA|glpat-)")
BROAD = {"Bash(*)", "Bash", "Bash(curl:*)", "Bash(wget:*)", "Bash(sudo:*)", "Write(//**)", "Edit(//**)",
         "Bash(rm:*)", "Bash(npm:*)", "Bash(git push:*)"}
PERSONAL = re.compile(r"(/Users/|/home/\w+|~/|C:\\\\Users\\\\)")


def managed_path():
    if platform.system() == "Darwin":
        return Path("/Library/Application Support/ClaudeCode/managed-settings.json")
    if platform.system() == "Windows":
        return Path(os.environ.get("ProgramData", r"C:\ProgramData")) / "ClaudeCode" / "managed-settings.json"
    return Path("/etc/claude-code/managed-settings.json")


def layers(root):
    return [
        ("managed", managed_path()),
        ("local", root / ".claude" / "settings.local.json"),
        ("project", root / ".claude" / "settings.json"),
        ("user", Path.home() / ".claude" / "settings.json"),
    ]


def load(path):
    try:
        with open(path, encoding="utf-8") as fh:
            return json.load(fh)
    except FileNotFoundError:
        return None
    except json.JSONDecodeError as e:
        print(f"!! {path}: invalid JSON ({e})", file=sys.stderr)
        return None


def mask(v):
    v = str(v)
    return v if len(v) <= 8 else f"{v[:3]}…{v[-4:]}"


def collect(root):
    rules, env, hooks, other, flags = [], [], [], [], []
    for name, path in layers(root):
        data = load(path)
        if data is None:
            continue
        for kind in ("allow", "deny", "ask"):
            for r in (data.get("permissions") or {}).get(kind, []):
                rules.append({"layer": name, "kind": kind, "rule": r, "file": str(path)})
        for k, v in (data.get("env") or {}).items():
            env.append({"layer": name, "key": k, "value": mask(v), "file": str(path)})
            if name == "project" and (CRED_KEY.search(k) or CRED_VAL.match(str(v))) and not str(v).startswith("${"):
                flags.append(f"project env {k} looks like a credential committed in {path}")
        for event, entries in (data.get("hooks") or {}).items():
            for e in entries:
                for h in e.get("hooks", []):
                    hooks.append({"layer": name, "event": event, "matcher": e.get("matcher", ""), "command": h.get("command", ""), "file": str(path)})
        for k in data:
            if k not in ("permissions", "env", "hooks"):
                other.append({"layer": name, "key": k, "value": data[k] if not isinstance(data[k], (dict, list)) else "…", "file": str(path)})

    seen = {}
    for r in rules:
        key = (r["kind"], r["rule"])
        if key in seen and seen[key] != r["layer"]:
            flags.append(f"duplicate {r['kind']} {r['rule']!r} in {seen[key]} and {r['layer']}")
        seen.setdefault(key, r["layer"])
        if r["kind"] == "allow" and r["rule"] in BROAD:
            flags.append(f"broad allow {r['rule']!r} in {r['layer']}")
        if r["layer"] == "project" and PERSONAL.search(r["rule"]):
            flags.append(f"project rule {r['rule']!r} references a personal path; move to local?")
    denies = {r["rule"] for r in rules if r["kind"] == "deny"}
    for r in rules:
        if r["kind"] == "allow" and r["rule"] in denies:
            flags.append(f"allow {r['rule']!r} ({r['layer']}) is shadowed by a deny")
    return {"permissions": rules, "env": env, "hooks": hooks, "other": other, "flags": flags}


def move(root, rule, src, dst, dry):
    paths = dict(layers(root))
    if "managed" in (src, dst):
        sys.exit("managed settings are read-only here")
    s, d = load(paths[src]) or {}, load(paths[dst]) or {}
    moved = False
    for kind in ("allow", "deny", "ask"):
        lst = (s.get("permissions") or {}).get(kind, [])
        if rule in lst:
            lst.remove(rule)
            d.setdefault("permissions", {}).setdefault(kind, [])
            if rule not in d["permissions"][kind]:
                d["permissions"][kind].append(rule)
            moved = True
            print(f"{'would move' if dry else 'moved'} {kind} {rule!r}: {paths[src]} -> {paths[dst]}")
    if not moved:
        sys.exit(f"{rule!r} not found in {src} settings")
    if not dry:
        for layer, data in ((src, s), (dst, d)):
            p = paths[layer]
            p.parent.mkdir(parents=True, exist_ok=True)
            with open(p, "w", encoding="utf-8") as fh:
                json.dump(data, fh, indent=2)
                fh.write("\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--move")
    ap.add_argument("--from", dest="src", choices=["user", "project", "local"])
    ap.add_argument("--to", dest="dst", choices=["user", "project", "local"])
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    root = Path(a.root).resolve()
    if a.move:
        if not (a.src and a.dst):
            sys.exit("--move needs --from and --to")
        move(root, a.move, a.src, a.dst, a.dry_run)
        return
    info = collect(root)
    if a.json:
        json.dump(info, sys.stdout, indent=2)
        return
    print("Permission rules (merged; deny wins):")
    for r in info["permissions"]:
        print(f"  {r['kind']:5} {r['rule']:<40} [{r['layer']}]")
    print("\nEnv:")
    for e in info["env"]:
        print(f"  {e['key']}={e['value']}  [{e['layer']}]")
    print("\nHooks:")
    for h in info["hooks"]:
        print(f"  {h['event']}:{h['matcher'] or '*'} -> {h['command'][:60]}  [{h['layer']}]")
    print("\nOther keys:")
    for o in info["other"]:
        print(f"  {o['key']} = {o['value']}  [{o['layer']}]")
    print("\nFlags:")
    for f in info["flags"] or ["(none)"]:
        print(f"  - {f}")


if __name__ == "__main__":
    main()
