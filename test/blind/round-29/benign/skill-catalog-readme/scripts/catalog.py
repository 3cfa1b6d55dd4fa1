#!/usr/bin/env python3
"""Inventory Claude Code Agent Skills (personal, project, plugin) and report problems."""
from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass, field, asdict
from itertools import combinations
from pathlib import Path

NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
WHEN_RE = re.compile(r"\b(use (it |this )?(when|for|if|to|before|after|during)|when (the )?user|trigger)", re.I)
LINK_RE = re.compile(r"(?<![\w/])((?:scripts|references|assets|templates)/[\w./-]+)")
STOP = set("a an the and or of to for in on with when use this it is are be by as at from that your you".split())
BIG = 5 * 1024 * 1024


@dataclass
class Skill:
    scope: str
    path: str
    folder: str
    name: str = ""
    description: str = ""
    files: list[str] = field(default_factory=list)
    size: int = 0
    problems: list[str] = field(default_factory=list)


def read_front_matter(text: str) -> dict | None:
    if not text.startswith("---"):
        return None
    end = text.find("\n---", 3)
    if end < 0:
        return None
    data: dict[str, str] = {}
    key = None
    for line in text[3:end].splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^([A-Za-z0-9_-]+):\s*(.*)$", line)
        if m and not line.startswith((" ", "\t")):
            key, val = m.group(1), m.group(2).strip()
            data[key] = "" if val in (">", "|", ">-", "|-") else val.strip("'\"")
        elif key and line.startswith((" ", "\t")):
            data[key] = (data[key] + " " + line.strip()).strip()
    return data


def scan_dir(root: Path, scope: str) -> list[Skill]:
    out = []
    if not root.is_dir():
        return out
    for skill_md in sorted(root.glob("*/SKILL.md")):
        folder = skill_md.parent
        s = Skill(scope=scope, path=str(folder), folder=folder.name)
        text = skill_md.read_text(encoding="utf-8", errors="replace")
        fm = read_front_matter(text)
        if fm is None:
            s.problems.append("no or unparsed front matter")
            fm = {}
        s.name, s.description = fm.get("name", ""), fm.get("description", "")
        tops = {}
        for p in folder.rglob("*"):
            if p.is_file() and not p.is_symlink():
                s.size += p.stat().st_size
                rel = p.relative_to(folder)
                top = rel.parts[0]
                tops[top] = tops.get(top, 0) + 1
        s.files = [f"{k}/ ({v})" if (folder / k).is_dir() else k for k, v in sorted(tops.items())]

        if not s.name:
            s.problems.append("missing name")
        else:
            if s.name != s.folder:
                s.problems.append(f"name '{s.name}' differs from folder '{s.folder}'")
            if not NAME_RE.match(s.name) or len(s.name) > 64:
                s.problems.append("name should be lowercase letters/digits/hyphens, ≤ 64 chars")
        if not s.description:
            s.problems.append("missing description")
        else:
            if len(s.description) > 1024:
                s.problems.append(f"description is {len(s.description)} chars (> 1024)")
            if not WHEN_RE.search(s.description):
                s.problems.append("description has no 'use when…' clause")
        for ref in sorted(set(LINK_RE.findall(text))):
            ref = ref.rstrip(".,)`")
            if not (folder / ref).exists() and "*" not in ref and "<" not in ref:
                s.problems.append(f"references missing file {ref}")
        if s.size > BIG:
            s.problems.append(f"bundle is {s.size / 1048576:.1f} MB")
        out.append(s)
    return out


def plugin_skill_dirs(base: Path) -> list[tuple[str, Path]]:
    found = []
    if not base.is_dir():
        return found
    for skills_dir in base.rglob("skills"):
        if skills_dir.is_dir() and any(skills_dir.glob("*/SKILL.md")):
            # plugin name = nearest ancestor containing .claude-plugin/ or the parent folder
            plugin = next((p.name for p in skills_dir.parents if (p / ".claude-plugin").is_dir()), skills_dir.parent.name)
            found.append((plugin, skills_dir))
    return found


def words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in STOP and len(w) > 2}


def cross_checks(skills: list[Skill]) -> list[str]:
    problems = []
    by_name: dict[str, list[Skill]] = {}
    for s in skills:
        if s.name:
            by_name.setdefault(s.name, []).append(s)
    for name, group in sorted(by_name.items()):
        if len(group) > 1:
            problems.append(f"**name clash** `{name}`: " + ", ".join(f"{g.scope} ({g.path})" for g in group))
    for a, b in combinations([s for s in skills if s.description], 2):
        wa, wb = words(a.description), words(b.description)
        if wa and wb:
            j = len(wa & wb) / len(wa | wb)
            if j >= 0.6 and a.name != b.name:
                problems.append(f"**overlap** `{a.name}` ~ `{b.name}` ({j:.2f})")
    return problems


def render_md(skills: list[Skill], cross: list[str]) -> str:
    lines = [f"# Installed skills ({len(skills)})", ""]
    for scope in ("personal", "project", "plugin"):
        group = [s for s in skills if s.scope.startswith(scope)]
        if not group:
            continue
        root = Path(group[0].path).parent
        lines += [f"## {scope.title()} ({root}) — {len(group)}", "", "| Skill | Description | Files |", "|---|---|---|"]
        for s in sorted(group, key=lambda s: s.name or s.folder):
            desc = (s.description[:160] + "…") if len(s.description) > 160 else s.description
            desc = desc.replace("|", "\\|")
            label = s.name or s.folder
            if s.scope.startswith("plugin:"):
                label += f" _(plugin {s.scope.split(':', 1)[1]})_"
            lines.append(f"| {label} | {desc} | {', '.join(s.files)} |")
        lines.append("")
    all_problems = cross + [f"**{s.name or s.folder}** ({s.scope}): {p}" for s in skills for p in s.problems]
    lines += [f"## Problems ({len(all_problems)})", ""] + [f"- {p}" for p in all_problems] + [""]
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--project", type=Path, default=Path.cwd())
    ap.add_argument("--only", choices=["personal", "project", "plugin"])
    ap.add_argument("--no-plugins", action="store_true")
    ap.add_argument("--format", choices=["md", "json"], default="md")
    ap.add_argument("--json", action="store_true", help="shorthand for --format json")
    ap.add_argument("--write", type=Path, help="write the catalogue to this path")
    args = ap.parse_args()

    home = Path.home() / ".claude"
    skills: list[Skill] = []
    if args.only in (None, "personal"):
        skills += scan_dir(home / "skills", "personal")
    if args.only in (None, "project"):
        skills += scan_dir(args.project / ".claude" / "skills", "project")
    if args.only in (None, "plugin") and not args.no_plugins:
        for plugin, d in plugin_skill_dirs(home / "plugins"):
            skills += scan_dir(d, f"plugin:{plugin}")

    cross = cross_checks(skills)
    if args.json or args.format == "json":
        out = json.dumps({"skills": [asdict(s) for s in skills], "problems": cross}, indent=2)
    else:
        out = render_md(skills, cross)

    if args.write:
        args.write.write_text(out + "\n", encoding="utf-8")
        print(f"wrote {args.write} ({len(skills)} skills)")
    else:
        print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
