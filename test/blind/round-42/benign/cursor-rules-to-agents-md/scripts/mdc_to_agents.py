#!/usr/bin/env python3
"""Convert Cursor .mdc rules / .cursorrules into AGENTS.md files. Plans by default."""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

START, END = "<!-- from-cursor-rules:start -->", "<!-- from-cursor-rules:end -->"
INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\U000e0000-\U000e007f]|(?<!^)\ufeff")
SUSPICIOUS = [
    (re.compile(r"\b(curl|wget|iwr|Invoke-WebRequest)\b.*\|\s*(ba|z)?sh\b", re.I), "pipes a download into a shell"),
    (re.compile(r"https?://(?!github\.com/[^/\s]+/[^/\s]+/(blob|tree)|docs\.)[^\s)]+", re.I), "mentions a URL"),
    (re.compile(r"\b(mcp\.json|settings\.json|\.claude/|\.codex/|config\.toml)\b", re.I), "touches agent configuration"),
    (re.compile(r"\b(do not|don't|never)\s+(tell|mention|inform|show)\b.*\buser\b", re.I), "asks to keep something from the user"),
    (re.compile(r"\b(skip|disable|bypass)\s+(tests?|checks?|hooks?|review)\b", re.I), "asks to skip checks"),
    (re.compile(r"\b(npm|pip|pnpm|yarn)\s+(i|install|add)\s+\S+", re.I), "installs a package"),
    (re.compile(r"\b(base64|atob|b64decode|eval\()", re.I), "decodes or evaluates text"),
]


def parse_mdc(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    meta, body = {}, text
    m = re.match(r"^---\s*\n(.*?)\n---\s*\n?(.*)$", text, re.S)
    if m:
        body = m.group(2)
        for line in m.group(1).splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                meta[k.strip()] = v.strip().strip("\"'")
    globs = [g.strip().strip("\"'") for g in re.split(r",", meta.get("globs", "").strip("[]")) if g.strip()]
    always = meta.get("alwaysApply", "").lower() == "true"
    if always:
        kind = "always"
    elif globs:
        kind = "glob"
    elif meta.get("description"):
        kind = "requested"
    else:
        kind = "manual"
    return {"name": path.stem, "path": path, "kind": kind, "globs": globs,
            "description": meta.get("description", ""), "body": body.strip()}


def dir_prefix(glob: str) -> str | None:
    m = re.fullmatch(r"([\w.-]+(?:/[\w.-]+)*)/\*\*(?:/\*)?", glob)
    return m.group(1) if m else None


def rewrite_refs(body: str, rule_dir: Path, root: Path) -> str:
    def repl(m: re.Match) -> str:
        target = m.group(1)
        return f"[{target}]({target})" if (root / target).exists() else m.group(0)
    return re.sub(r"(?<![\w/])@([\w./-]+\.\w+)", repl, body)


def review(rule: dict) -> tuple[list[str], list[str]]:
    hidden, flags = [], []
    for n, line in enumerate(rule["body"].splitlines(), 1):
        if INVISIBLE.search(line):
            shown = INVISIBLE.sub(lambda c: f"<U+{ord(c.group(0)):04X}>", line)
            hidden.append(f"  line {n}: {shown[:160]}")
        for rx, why in SUSPICIOUS:
            if rx.search(line):
                flags.append(f"  line {n}: {why}: {line.strip()[:120]}")
    return hidden, flags


def plan(root: Path) -> tuple[dict[Path, list[str]], list[dict]]:
    rules: list[dict] = []
    rules_dir = root / ".cursor" / "rules"
    if rules_dir.is_dir():
        rules += [parse_mdc(p) for p in sorted(rules_dir.rglob("*.mdc"))]
    legacy = root / ".cursorrules"
    if legacy.exists():
        rules.append({"name": "cursorrules", "path": legacy, "kind": "legacy", "globs": [],
                      "description": "", "body": legacy.read_text(encoding="utf-8").strip()})
    out: dict[Path, list[str]] = {}
    root_md = root / "AGENTS.md"
    index: list[str] = []
    for r in rules:
        r["hidden"], r["flags"] = review(r)
        if r["hidden"]:
            r["dest"] = None
            continue
        body = rewrite_refs(r["body"], r["path"].parent, root)
        title = r["name"].replace("-", " ").replace("_", " ").capitalize()
        if r["kind"] in ("always", "legacy"):
            out.setdefault(root_md, []).append(f"## {'General' if r['kind'] == 'legacy' else title}\n\n{body}")
            r["dest"] = root_md
        elif r["kind"] == "glob":
            prefixes = [dir_prefix(g) for g in r["globs"]]
            if len(prefixes) == 1 and prefixes[0] and (root / prefixes[0]).is_dir():
                dest = root / prefixes[0] / "AGENTS.md"
                out.setdefault(dest, []).append(f"## {title}\n\n{body}")
            else:
                dest = root_md
                globs = ", ".join(f"`{g}`" for g in r["globs"])
                out.setdefault(root_md, []).append(f"## When editing {globs}\n\n{body}")
            r["dest"] = dest
        else:
            dest = root / "docs" / "agent-rules" / f"{r['name']}.md"
            out.setdefault(dest, []).append(f"# {title}\n\n{body}")
            when = r["description"] or "read when the user asks for it"
            index.append(f"- [{title}](docs/agent-rules/{r['name']}.md): {when}")
            r["dest"] = dest
    if index:
        out.setdefault(root_md, []).append("## More rules (read when relevant)\n\n" + "\n".join(index))
    return out, rules


def merge(existing: str | None, block: str, standalone: bool) -> str:
    if standalone:
        return block + "\n"
    wrapped = f"{START}\n{block}\n{END}"
    if existing is None:
        return f"# AGENTS.md\n\n{wrapped}\n"
    if START in existing and END in existing:
        return existing[:existing.index(START)] + wrapped + existing[existing.index(END) + len(END):]
    return existing.rstrip() + "\n\n" + wrapped + "\n"


def confirm_write(path: Path, new: str, root: Path) -> None:
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    if old == new:
        return
    rel = str(path.relative_to(root))
    sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True), rel, rel))
    if input(f"\nWrite {rel}? [y/N] ").strip().lower() == "y":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(new, encoding="utf-8")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--root", type=Path, default=Path.cwd())
    ap.add_argument("--plan", action="store_true")
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--claude", action="store_true")
    ap.add_argument("--include-flagged", action="store_true", help="convert rules with review flags")
    a = ap.parse_args()
    root = a.root.resolve()
    out, rules = plan(root)
    if not rules:
        sys.exit("no .cursor/rules/*.mdc or .cursorrules found")

    for r in rules:
        dest = r["dest"].relative_to(root) if r.get("dest") else "NOT CONVERTED (hidden characters)"
        print(f"{r['kind']:<10} {r['path'].relative_to(root)} -> {dest}")
        for line in r["hidden"]:
            print(f"  hidden characters{line}")
        for line in r["flags"]:
            print(f"  needs a human look{line}")
    flagged = [r for r in rules if r["flags"]]
    if not a.write:
        return
    if flagged and not a.include_flagged:
        sys.exit("\nsome rules need review; re-run with --include-flagged once the user has approved them")

    for path, sections in out.items():
        standalone = "docs/agent-rules" in str(path)
        existing = path.read_text(encoding="utf-8") if path.exists() and not standalone else None
        confirm_write(path, merge(existing, "\n\n".join(sections), standalone), root)
    if a.claude:
        cm = root / "CLAUDE.md"
        text = cm.read_text(encoding="utf-8") if cm.exists() else ""
        if "@AGENTS.md" not in text:
            confirm_write(cm, (text.rstrip() + "\n\n" if text else "") + "@AGENTS.md\n", root)


if __name__ == "__main__":
    main()
