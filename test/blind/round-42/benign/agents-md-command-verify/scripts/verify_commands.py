#!/usr/bin/env python3
"""Statically verify commands mentioned in agent instruction files. Read-only; runs nothing."""
from __future__ import annotations

import configparser
import difflib
import json
import os
import re
import sys
from pathlib import Path

try:
    import tomllib
except ImportError:  # Python < 3.11
    tomllib = None

INSTRUCTION_FILES = ["AGENTS.md", "CLAUDE.md", "GEMINI.md", ".github/copilot-instructions.md", "CLAUDE.local.md"]
FENCE = re.compile(r"^```(\w*)\s*$")
INLINE = re.compile(r"`([^`\n]+)`")
RUNNERS = ("npm ", "pnpm ", "yarn ", "bun ", "make ", "just ", "uv ", "poetry ", "hatch ", "tox ", "nox ",
           "cargo ", "go ", "./gradlew ", "gradle ", "mvn ", "./scripts/", "scripts/", "bin/", "./bin/")
LOCKS = {"npm": "package-lock.json", "pnpm": "pnpm-lock.yaml", "yarn": "yarn.lock", "bun": "bun.lockb"}
NPM_BUILTINS = {"install", "i", "ci", "add", "remove", "exec", "dlx", "x", "create", "init", "why", "outdated",
                "update", "up", "publish", "pack", "link", "audit", "list", "ls", "run", "test", "start"}


def commands(md: Path):
    lang, in_block = "", False
    section = ""
    for n, line in enumerate(md.read_text(encoding="utf-8").splitlines(), 1):
        m = FENCE.match(line.strip())
        if m:
            in_block = not in_block
            lang = m.group(1).lower() if in_block else ""
            continue
        if not in_block and line.startswith("#"):
            section = line.lstrip("#").strip()
        if in_block and lang in ("", "bash", "sh", "shell", "console", "zsh"):
            cmd = line.strip().removeprefix("$ ").strip()
            if cmd and not cmd.startswith("#"):
                cwd = None
                for part in re.split(r"\s*(?:&&|\|\||;)\s*", cmd):
                    cd = re.match(r"cd\s+(\S+)\s*$", part)
                    if cd:
                        cwd = cd.group(1)
                        continue
                    yield n, part, section, cwd
        elif not in_block:
            for im in INLINE.finditer(line):
                if im.group(1).startswith(RUNNERS):
                    yield n, im.group(1), section, None


def pkg_dir(root: Path, section: str, cwd: str | None) -> Path:
    for cand in (cwd, section.split()[0] if section else None):
        if cand and (root / cand).is_dir():
            return root / cand
    return root


def nearest(base: Path, root: Path, name: str) -> Path | None:
    d = base
    while True:
        if (d / name).exists():
            return d / name
        if d == root or d.parent == d:
            return None
        d = d.parent


def make_targets(mk: Path, seen=None) -> set[str]:
    seen = seen or set()
    if mk in seen or not mk.exists():
        return set()
    seen.add(mk)
    text = mk.read_text(errors="replace")
    targets = set(re.findall(r"^([A-Za-z0-9_./%-]+)\s*:(?!=)", text, re.M))
    for inc in re.findall(r"^-?include\s+(.+)$", text, re.M):
        for f in inc.split():
            targets |= make_targets(mk.parent / f, seen)
    return targets


def just_recipes(jf: Path) -> set[str]:
    return set(re.findall(r"^@?([A-Za-z0-9_-]+)(?:\s+[^:=]*)?:(?!=)", jf.read_text(errors="replace"), re.M))


def closest(word: str, options) -> str:
    c = difflib.get_close_matches(word, sorted(options), n=3, cutoff=0.5)
    return f" (closest: {', '.join(repr(x) for x in c)})" if c else ""


def check(root: Path, cmd: str, section: str, cwd: str | None) -> list[str]:
    toks = cmd.split()
    if not toks:
        return []
    tool = toks[0]
    base = pkg_dir(root, section, cwd)
    problems = []

    if tool in LOCKS:
        present = [t for t, lock in LOCKS.items() if nearest(base, root, lock)]
        if present and tool not in present:
            problems.append(f"repo uses {'/'.join(present)} ({LOCKS[present[0]]}); {tool} commands will diverge")
        pj = nearest(base, root, "package.json")
        if not pj:
            return problems + ["no package.json found"]
        scripts = json.loads(pj.read_text()).get("scripts", {})
        script = None
        if len(toks) >= 3 and toks[1] == "run":
            script = toks[2]
        elif len(toks) >= 2 and toks[1] in ("test", "start"):
            script = toks[1]
        elif len(toks) >= 2 and tool != "npm" and toks[1] not in NPM_BUILTINS and not toks[1].startswith("-"):
            script = toks[1]
        if script and not script.startswith("<") and script not in scripts:
            problems.append(f'no script "{script}" in {pj.relative_to(root)}{closest(script, scripts)}')
    elif tool == "make" and len(toks) > 1 and not toks[1].startswith("-"):
        mk = nearest(base, root, "Makefile") or nearest(base, root, "GNUmakefile")
        targets = make_targets(mk) if mk else set()
        if toks[1] not in targets:
            problems.append(f'no target "{toks[1]}" in {mk.relative_to(root) if mk else "Makefile (missing)"}{closest(toks[1], targets)}')
    elif tool == "just" and len(toks) > 1:
        jf = nearest(base, root, "justfile") or nearest(base, root, "Justfile")
        recipes = just_recipes(jf) if jf else set()
        if toks[1] not in recipes:
            problems.append(f'no recipe "{toks[1]}" in justfile{closest(toks[1], recipes)}')
    elif tool == "tox" and "-e" in toks:
        env = toks[toks.index("-e") + 1] if toks.index("-e") + 1 < len(toks) else ""
        ini = root / "tox.ini"
        envs = set()
        if ini.exists():
            cp = configparser.ConfigParser()
            cp.read(ini)
            envs = {s.split(":", 1)[1] for s in cp.sections() if s.startswith("testenv:")}
            envs |= set(re.split(r"[,\s]+", cp.get("tox", "envlist", fallback="")))
        for e in env.split(","):
            if e and e not in envs:
                problems.append(f'no tox env "{e}"{closest(e, envs)}')
    elif tool == "nox" and "-s" in toks:
        nf = root / "noxfile.py"
        sessions = set(re.findall(r"@nox\.session[^\n]*\n\s*def\s+(\w+)", nf.read_text())) if nf.exists() else set()
        s = toks[toks.index("-s") + 1] if toks.index("-s") + 1 < len(toks) else ""
        if s not in sessions:
            problems.append(f'no nox session "{s}"{closest(s, sessions)}')
    elif tool in ("uv", "poetry"):
        lock = "uv.lock" if tool == "uv" else "poetry.lock"
        if not nearest(base, root, lock):
            other = "poetry.lock" if tool == "uv" else "uv.lock"
            hint = f"; found {other}" if nearest(base, root, other) else ""
            problems.append(f"no {lock}{hint}")
    elif tool == "hatch" and tomllib:
        pp = nearest(base, root, "pyproject.toml")
        if pp and len(toks) > 2 and toks[1] == "run" and ":" in toks[2]:
            env, script = toks[2].split(":", 1)
            envs = tomllib.loads(pp.read_text()).get("tool", {}).get("hatch", {}).get("envs", {})
            if script not in envs.get(env, {}).get("scripts", {}):
                problems.append(f'no hatch script "{script}" in env "{env}"')
    elif tool == "cargo" and not nearest(base, root, "Cargo.toml"):
        problems.append("no Cargo.toml")
    elif tool == "go" and not nearest(base, root, "go.mod"):
        problems.append("no go.mod")
    elif tool in ("./gradlew",) and not (root / "gradlew").exists():
        problems.append("no gradlew wrapper")
    elif tool == "mvn" and not nearest(base, root, "pom.xml"):
        problems.append("no pom.xml")
    elif re.match(r"^(\./)?(scripts|bin)/", tool):
        p = base / tool
        if not p.exists():
            problems.append(f"{tool} does not exist")
        elif not os.access(p, os.X_OK) and not tool.endswith((".py", ".js", ".ts")):
            problems.append(f"{tool} is not executable")
    return problems


def main() -> None:
    root = Path.cwd()
    files = [Path(a) for a in sys.argv[1:]]
    if not files:
        files = [root / f for f in INSTRUCTION_FILES if (root / f).exists()]
        files += [p for p in root.glob("*/**/AGENTS.md") if "node_modules" not in p.parts]
        files += [p for p in root.glob("*/**/CLAUDE.md") if "node_modules" not in p.parts]
    if not files:
        sys.exit("no instruction files found")
    total = 0
    for f in files:
        for line, cmd, section, cwd in commands(f):
            for problem in check(root, cmd, section, cwd):
                total += 1
                print(f"{f.relative_to(root) if f.is_absolute() else f}:{line}  `{cmd}`  {problem}")
    print(f"\n{total} finding(s) in {len(files)} file(s)")
    sys.exit(1 if total else 0)


if __name__ == "__main__":
    main()
