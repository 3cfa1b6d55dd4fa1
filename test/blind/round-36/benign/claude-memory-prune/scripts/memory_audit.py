#!/usr/bin/env python3
"""Audit Claude Code memory files for stale references, duplicates and bloat (read-only)."""
import argparse
import difflib
import json
import re
import shutil
import subprocess
from pathlib import Path

PAIRS = [("pnpm", "npm "), ("yarn", "npm "), ("tabs", "spaces"), ("never mock", "mock"),
         ("jest", "vitest"), ("single quotes", "double quotes"), ("unittest", "pytest")]
PATH_RX = re.compile(r"`((?:\.{0,2}/)?[\w.-]+(?:/[\w.@-]+)+/?)`")
NPM_RX = re.compile(r"\b(?:npm run|pnpm|yarn)\s+([\w:-]+)")
MAKE_RX = re.compile(r"\bmake\s+([\w-]+)")
DATED_RX = re.compile(r"\b20\d\d-\d\d(-\d\d)?\b.*\b(temporar|for now|until|workaround)", re.I)


def memory_files(root, include_user):
    files = [p for p in [root / "CLAUDE.md", root / ".claude" / "CLAUDE.md", root / "CLAUDE.local.md"] if p.exists()]
    try:
        tracked = subprocess.run(["git", "-C", str(root), "ls-files", "*CLAUDE.md"],
                                 capture_output=True, text=True).stdout.split()
        files += [root / t for t in tracked if (root / t) not in files]
    except FileNotFoundError:
        pass
    if include_user:
        u = Path.home() / ".claude" / "CLAUDE.md"
        if u.exists():
            files.append(u)
    return files


def npm_scripts(root):
    pj = root / "package.json"
    if pj.exists():
        try:
            return set(json.loads(pj.read_text()).get("scripts", {}))
        except json.JSONDecodeError:
            return set()
    return None


def make_targets(root):
    mf = root / "Makefile"
    if not mf.exists():
        return None
    return set(re.findall(r"^([\w-]+)\s*:", mf.read_text(), re.M))


def norm(s):
    return re.sub(r"[\W_]+", " ", s.lower()).strip()


def audit(root, files):
    scripts, targets = npm_scripts(root), make_targets(root)
    all_lines = []
    for f in files:
        text = f.read_text(errors="replace")
        lines = text.splitlines()
        print(f"\n== {f}  ({len(lines)} lines, ~{len(text) // 4} tokens)")
        in_code, code_len = False, 0
        for i, line in enumerate(lines, 1):
            if line.strip().startswith("```"):
                if in_code and code_len > 15:
                    print(f"  bloat     :{i} code block of {code_len} lines")
                in_code, code_len = not in_code, 0
                continue
            if in_code:
                code_len += 1
                continue
            for imp in re.findall(r"(?:^|\s)@([\w./~-]+)", line):
                target = Path(imp).expanduser() if imp.startswith("~") else (f.parent / imp)
                if not target.exists():
                    print(f"  import    :{i} @{imp} not found")
            base = f.parent if f.parent != Path.home() / ".claude" else root
            for p in PATH_RX.findall(line):
                if not p.startswith(("http", "~")) and not (base / p).exists() and not (root / p).exists():
                    print(f"  stale path:{i} {p}")
            if scripts is not None:
                for s in NPM_RX.findall(line):
                    if s not in scripts and s not in {"install", "i", "add", "test", "exec", "dlx"}:
                        print(f"  stale cmd :{i} script '{s}' not in package.json")
            if targets is not None:
                for t in MAKE_RX.findall(line):
                    if t not in targets:
                        print(f"  stale cmd :{i} make target '{t}' not in Makefile")
            if DATED_RX.search(line):
                print(f"  dated     :{i} {line.strip()[:90]}")
            if f.name == "CLAUDE.md" and f.parent != Path.home() / ".claude" and re.search(r"/(Users|home)/\w+", line):
                print(f"  personal  :{i} absolute home path in shared memory")
            if line.strip().startswith(("-", "*")) and len(norm(line)) > 15:
                all_lines.append((f, i, norm(line), line.strip()))
    print("\n== duplicates")
    for a in range(len(all_lines)):
        for b in range(a + 1, len(all_lines)):
            r = difflib.SequenceMatcher(None, all_lines[a][2], all_lines[b][2]).ratio()
            if r > 0.85:
                print(f"  {all_lines[a][0].name}:{all_lines[a][1]} ~ {all_lines[b][0].name}:{all_lines[b][1]}  ({r:.2f})")
    print("\n== possible contradictions")
    text_all = {l[3].lower(): (l[0].name, l[1]) for l in all_lines}
    for x, y in PAIRS:
        xs = [v for k, v in text_all.items() if x in k]
        ys = [v for k, v in text_all.items() if y in k and x not in k]
        if xs and ys:
            print(f"  '{x.strip()}' at {xs[0]} vs '{y.strip()}' at {ys[0]}")
    gi = root / ".gitignore"
    if (root / "CLAUDE.local.md").exists() and (not gi.exists() or "CLAUDE.local.md" not in gi.read_text()):
        print("\n!! CLAUDE.local.md is not in .gitignore")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--root", default=".")
    ap.add_argument("--user", action="store_true", help="include ~/.claude/CLAUDE.md")
    a = ap.parse_args()
    root = Path(a.root).resolve()
    files = memory_files(root, a.user)
    if not files:
        print("no memory files found")
        return
    audit(root, files)


if __name__ == "__main__":
    main()
