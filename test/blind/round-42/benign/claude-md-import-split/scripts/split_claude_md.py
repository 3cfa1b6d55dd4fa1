#!/usr/bin/env python3
"""Report on, plan and apply a split of a large CLAUDE.md into core + topic files."""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import Counter
from pathlib import Path

try:
    import yaml
except ImportError:
    sys.exit("error: pip install pyyaml")

RULE_WORDS = re.compile(r"\b(always|never|must|do not|don't|required|before (committing|pushing))\b", re.I)
CMD_LINE = re.compile(r"^\s*(\$ )?(npm|pnpm|yarn|make|just|uv|pytest|cargo|go|docker|bin/|\./)", re.M)
DIR_MENTION = re.compile(r"`?((?:[\w.-]+/){1,3})`?")


def sections(text: str) -> list[dict]:
    out, cur = [], {"title": "(preamble)", "level": 1, "lines": []}
    for line in text.splitlines():
        m = re.match(r"^(##)\s+(.+)", line)
        if m:
            out.append(cur)
            cur = {"title": m.group(2).strip(), "level": 2, "lines": [line]}
        else:
            cur["lines"].append(line)
    out.append(cur)
    return [s for s in out if any(l.strip() for l in s["lines"])]


def slug(title: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:40] or "section"


def shingles(text: str, k: int = 8) -> set[str]:
    words = re.findall(r"\w+", text.lower())
    return {" ".join(words[i:i + k]) for i in range(max(0, len(words) - k + 1))}


def classify(sec: dict, root: Path) -> dict:
    body = "\n".join(sec["lines"])
    n_lines, tokens = len(sec["lines"]), len(body) // 4
    rules = len(RULE_WORDS.findall(body))
    cmds = len(CMD_LINE.findall(body))
    tables = body.count("\n|")
    dirs = Counter(d.rstrip("/") for d in DIR_MENTION.findall(body) if (root / d).is_dir())
    top_dir, top_n = (dirs.most_common(1)[0] if dirs else (None, 0))
    if top_dir and top_n >= 3 and top_n >= sum(dirs.values()) * 0.6:
        kind = f"scope:{top_dir}"
    elif n_lines <= 25 or (rules + cmds) * 10 >= n_lines:
        kind = "keep"
    elif tables >= 8 or n_lines > 60:
        kind = "link"
    else:
        kind = "import"
    return {"lines": n_lines, "tokens": tokens, "rules": rules, "cmds": cmds, "suggest": kind}


def duplicates(sec_text: str, root: Path, self_path: Path) -> list[str]:
    mine = shingles(sec_text)
    if len(mine) < 10:
        return []
    hits = []
    for other in ["README.md", "CONTRIBUTING.md", *[str(p.relative_to(root)) for p in root.glob("*/**/CLAUDE.md")]]:
        p = root / other
        if p.exists() and p.resolve() != self_path.resolve():
            overlap = len(mine & shingles(p.read_text(encoding="utf-8", errors="replace"))) / len(mine)
            if overlap >= 0.5:
                hits.append(f"{other} ({overlap:.0%})")
    return hits


def cmd_report(a) -> None:
    root = a.file.resolve().parent
    secs = sections(a.file.read_text(encoding="utf-8"))
    total_l = total_t = 0
    print(f"{'section':<40} {'lines':>5} {'~tok':>6}  suggest     notes")
    for s in secs:
        c = classify(s, root)
        total_l += c["lines"]
        total_t += c["tokens"]
        dup = duplicates("\n".join(s["lines"]), root, a.file)
        note = f"dup of {', '.join(dup)}" if dup else ""
        print(f"{s['title'][:40]:<40} {c['lines']:>5} {c['tokens']:>6}  {c['suggest']:<11} {note}")
    imports = re.findall(r"^@(\S+)", a.file.read_text(encoding="utf-8"), re.M)
    print(f"\ntotal {total_l} lines, ~{total_t} tokens loaded every session"
          + (f" (+ {len(imports)} @imports, also loaded)" if imports else ""))


def cmd_plan(a) -> None:
    root = a.file.resolve().parent
    plan = []
    for s in sections(a.file.read_text(encoding="utf-8")):
        c = classify(s, root)
        entry = {"section": s["title"], "action": c["suggest"]}
        if c["suggest"] in ("import", "link"):
            entry["target"] = f"docs/agent/{slug(s['title'])}.md"
        if c["suggest"] == "link":
            entry["trigger"] = f"when working on {s['title'].lower()}"
        plan.append(entry)
    yaml.safe_dump({"sections": plan}, sys.stdout, sort_keys=False, allow_unicode=True)


def inside(root: Path, p: Path) -> bool:
    try:
        p.resolve().relative_to(root.resolve())
        return True
    except ValueError:
        return False


def cmd_apply(a) -> None:
    root = a.file.resolve().parent
    original = a.file.read_text(encoding="utf-8")
    plan = {e["section"]: e for e in yaml.safe_load(a.plan.read_text())["sections"]}
    core: list[str] = []
    writes: dict[Path, str] = {}
    link_lines: list[str] = []
    for s in sections(original):
        e = plan.get(s["title"], {"action": "keep"})
        act = e["action"]
        body = "\n".join(s["lines"]).rstrip() + "\n"
        if act == "keep":
            core.append(body)
            continue
        if act == "drop":
            continue
        if act.startswith("scope:"):
            target = root / act.split(":", 1)[1] / "CLAUDE.md"
        else:
            target = root / e["target"]
        if not inside(root, target):
            sys.exit(f"error: target {target} is outside the project")
        prev = writes.get(target) or (target.read_text(encoding="utf-8") if target.exists() else "")
        writes[target] = (prev.rstrip() + "\n\n" if prev else "") + body
        rel = target.relative_to(root).as_posix()
        if act == "import":
            core.append(f"@{rel}\n")
        elif act == "link":
            link_lines.append(f"- {s['title']}: read `{rel}` {e.get('trigger', 'when relevant')}")
    if link_lines:
        core.append("## More guidance (read when relevant)\n\n" + "\n".join(link_lines) + "\n")
    new_core = "\n".join(core)

    changes = {a.file: (original, new_core)}
    for t, content in writes.items():
        changes[t] = (t.read_text(encoding="utf-8") if t.exists() else "", content)
    for path, (old, new) in changes.items():
        rel = str(path.relative_to(root))
        sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                   f"a/{rel}", f"b/{rel}"))
    print(f"\nCLAUDE.md: {len(original.splitlines())} -> {len(new_core.splitlines())} lines; "
          f"{len(writes)} other file(s) written")
    if not a.write:
        print("dry run; re-run with --write")
        return
    if input("Write these changes? [y/N] ").strip().lower() != "y":
        print("cancelled")
        return
    for path, (_old, new) in changes.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new, encoding="utf-8")
    print("done. Start a new session and run /memory to check what is loaded.")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("report", "plan"):
        p = sub.add_parser(name)
        p.add_argument("file", type=Path)
    p = sub.add_parser("apply")
    p.add_argument("file", type=Path)
    p.add_argument("plan", type=Path)
    p.add_argument("--write", action="store_true")
    a = ap.parse_args()
    {"report": cmd_report, "plan": cmd_plan, "apply": cmd_apply}[a.cmd](a)


if __name__ == "__main__":
    main()
