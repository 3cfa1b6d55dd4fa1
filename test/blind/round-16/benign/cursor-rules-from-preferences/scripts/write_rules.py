#!/usr/bin/env python3
"""Render a preferences spec into Cursor .mdc rule files (dry run unless --apply).

  write_rules.py rules.yaml [--apply] [--force] [--root .]
  write_rules.py --import-legacy .cursorrules > rules.yaml
"""
import argparse
import difflib
import os
import re
import sys

import yaml

MARKER = "generated-by: cursor-rules-from-preferences"
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,60}$")


def render(rule):
    fm = ["---"]
    if rule.get("description"):
        fm.append("description: %s" % rule["description"].strip())
    globs = rule.get("globs")
    if globs:
        fm.append("globs: %s" % ", ".join(globs))
    fm.append("alwaysApply: %s" % ("true" if rule.get("always") else "false"))
    fm.append(MARKER)
    fm.append("---")
    return "\n".join(fm) + "\n" + rule["body"].rstrip() + "\n"


def import_legacy(path):
    with open(path, encoding="utf-8") as fh:
        text = fh.read()
    parts = re.split(r"^#\s+(.+)$", text, flags=re.M)
    rules = []
    if parts[0].strip():
        rules.append({"name": "general", "description": "General project conventions", "always": True, "body": parts[0].strip() + "\n"})
    for i in range(1, len(parts), 2):
        title = parts[i].strip()
        name = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60] or "section-%d" % i
        rules.append({"name": name, "description": title, "always": False, "body": parts[i + 1].strip() + "\n"})
    yaml.safe_dump({"rules": rules}, sys.stdout, sort_keys=False, allow_unicode=True, width=100)


def conflicts_with_agents(root, body):
    warnings = []
    for fname in ("AGENTS.md", "CLAUDE.md"):
        p = os.path.join(root, fname)
        if not os.path.exists(p):
            continue
        with open(p, encoding="utf-8") as fh:
            other = fh.read().lower()
        for tool in ("npm", "yarn", "pnpm", "bun", "jest", "vitest", "mocha", "prettier", "biome", "eslint"):
            if re.search(r"\b(never|don't|do not|avoid)\b[^.\n]{0,30}\b%s\b" % tool, other) and re.search(r"\buse\b[^.\n]{0,20}\b%s\b" % tool, body.lower()):
                warnings.append("%s discourages %s but this rule asks for it" % (fname, tool))
    return warnings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spec", nargs="?")
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--force", action="store_true")
    ap.add_argument("--root", default=".")
    ap.add_argument("--import-legacy")
    args = ap.parse_args()
    if args.import_legacy:
        import_legacy(args.import_legacy)
        return
    if not args.spec:
        ap.error("spec file required")
    with open(args.spec, encoding="utf-8") as fh:
        spec = yaml.safe_load(fh) or {}
    rules_dir = os.path.join(args.root, ".cursor", "rules")
    plan, problems = [], []
    for rule in spec.get("rules", []):
        name = rule.get("name", "")
        if not NAME_RE.match(name):
            problems.append("invalid rule name %r (lowercase letters, digits, dashes)" % name)
            continue
        if not rule.get("body", "").strip():
            problems.append("rule %s has an empty body" % name)
            continue
        if not rule.get("always") and not rule.get("globs") and not rule.get("description"):
            print("note: %s has no description, globs or always: it will only apply when mentioned as @%s" % (name, name))
        target = os.path.join(rules_dir, name + ".mdc")
        new = render(rule)
        old = ""
        if os.path.exists(target):
            with open(target, encoding="utf-8") as fh:
                old = fh.read()
            if MARKER not in old and not args.force:
                problems.append("%s exists and was written by hand; not touching it (use --force)" % target)
                continue
        for w in conflicts_with_agents(args.root, rule["body"]):
            print("warning (%s): %s" % (name, w))
        if old == new:
            print("unchanged: %s" % target)
            continue
        diff = difflib.unified_diff(old.splitlines(True), new.splitlines(True), fromfile=target if old else "/dev/null", tofile=target)
        sys.stdout.writelines(diff)
        plan.append((target, new))
    for p in problems:
        print("skip: " + p, file=sys.stderr)
    if not args.apply:
        print("\n%d file(s) would be written. Re-run with --apply to write them." % len(plan))
        return
    os.makedirs(rules_dir, exist_ok=True)
    for target, content in plan:
        with open(target, "w", encoding="utf-8") as fh:
            fh.write(content)
        print("wrote %s" % target)


if __name__ == "__main__":
    main()
