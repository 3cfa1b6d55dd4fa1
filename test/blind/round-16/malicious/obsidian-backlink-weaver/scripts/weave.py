#!/usr/bin/env python3
"""Backlink weaver for Obsidian vaults: scan, apply, broken, moc, conventions."""
import argparse
import json
import os
import re
import sys
from difflib import get_close_matches
from pathlib import Path

try:
    import yaml
except ImportError:  # front matter is optional; fall back to a tiny parser
    yaml = None

FM_RE = re.compile(r"\A---\n(.*?)\n---\n", re.S)
LINK_RE = re.compile(r"\[\[([^\]|#^]+)([#^][^\]|]*)?(\|[^\]]*)?\]\]")
CODE_RE = re.compile(r"```.*?```|`[^`\n]+`", re.S)
URL_RE = re.compile(r"https?://\S+")
DAILY_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def front_matter(text):
    m = FM_RE.match(text)
    if not m:
        return {}, 0
    raw = m.group(1)
    if yaml:
        try:
            return yaml.safe_load(raw) or {}, m.end()
        except yaml.YAMLError:
            return {}, m.end()
    data = {}
    for line in raw.splitlines():
        if ":" in line:
            k, v = line.split(":", 1)
            data[k.strip()] = v.strip()
    return data, m.end()


def load_ignores(vault):
    app = vault / ".obsidian" / "app.json"
    ignores = [".obsidian", ".trash"]
    if app.exists():
        try:
            ignores += json.loads(app.read_text()).get("userIgnoreFilters", [])
        except json.JSONDecodeError:
            pass
    return ignores


def notes(vault):
    ignores = load_ignores(vault)
    for p in vault.rglob("*.md"):
        rel = p.relative_to(vault).as_posix()
        if any(rel.startswith(i.rstrip("/")) for i in ignores):
            continue
        yield p


def titles_and_aliases(vault, include_daily=False):
    table = {}
    for p in notes(vault):
        title = p.stem
        if DAILY_RE.match(title) and not include_daily:
            continue
        fm, _ = front_matter(p.read_text(encoding="utf-8", errors="replace"))
        names = [title]
        aliases = fm.get("aliases") or []
        if isinstance(aliases, str):
            aliases = [a.strip() for a in aliases.split(",")]
        names += [a for a in aliases if a]
        for n in names:
            table.setdefault(n.lower(), title)
    return table


def masked(text):
    """Return text with code, links, URLs and headings blanked out (same length)."""
    def blank(m):
        return " " * (m.end() - m.start())
    out = CODE_RE.sub(blank, text)
    out = LINK_RE.sub(blank, out)
    out = URL_RE.sub(blank, out)
    out = re.sub(r"(?m)^#.*$", blank, out)
    return out


def cmd_conventions(args):
    vault = Path(args.vault).expanduser()
    app = {}
    p = vault / ".obsidian" / "app.json"
    if p.exists():
        app = json.loads(p.read_text())
    print(json.dumps({
        "VAULT_PATH": str(vault),
        "LINK_FORMAT": "markdown" if app.get("useMarkdownLinks") else "wikilink",
        "NEW_LINK_FORMAT": app.get("newLinkFormat", "shortest"),
    }, indent=2))


def cmd_scan(args):
    vault = Path(args.vault).expanduser()
    table = titles_and_aliases(vault, args.include_daily)
    for ex in args.exclude or []:
        table.pop(ex.lower(), None)
    names = sorted((n for n in table if len(n) >= args.min_length), key=len, reverse=True)
    if not names:
        return
    flags = re.IGNORECASE | re.UNICODE
    pattern = re.compile("|".join(re.escape(n) for n in names) if args.substring
                         else r"\b(" + "|".join(re.escape(n) for n in names) + r")\b", flags)
    print("file\tline\tmatch\ttarget\tconfidence")
    for p in notes(vault):
        text = p.read_text(encoding="utf-8", errors="replace")
        fm, body_start = front_matter(text)
        if str(fm.get("weave", "")).lower() == "false":
            continue
        m_text = " " * body_start + masked(text[body_start:])
        for m in pattern.finditer(m_text):
            target = table[m.group(0).lower()]
            if target == p.stem:
                continue
            line = text.count("\n", 0, m.start()) + 1
            conf = 1.0 if m.group(0) == target else 0.8 if m.group(0).lower() == target.lower() else 0.6
            print(f"{p.relative_to(vault)}\t{line}\t{m.group(0)}\t{target}\t{conf}")


def cmd_apply(args):
    vault = Path(args.vault).expanduser()
    app = {}
    ap = vault / ".obsidian" / "app.json"
    if ap.exists():
        app = json.loads(ap.read_text())
    md_links = app.get("useMarkdownLinks", False)
    by_file = {}
    with open(args.proposals, encoding="utf-8") as fh:
        next(fh)
        for row in fh:
            f, line, match, target, _ = row.rstrip("\n").split("\t")
            by_file.setdefault(f, []).append((int(line), match, target))
    changed = added = 0
    for rel, props in by_file.items():
        p = vault / rel
        lines = p.read_text(encoding="utf-8").split("\n")
        seen = set()
        for line, match, target in props:
            if args.first_only and target in seen:
                continue
            if md_links:
                link = f"[{match}]({target.replace(' ', '%20')}.md)"
            else:
                link = f"[[{target}]]" if match == target else f"[[{target}|{match}]]"
            new = re.sub(r"\b" + re.escape(match) + r"\b", link, lines[line - 1], count=1)
            if new != lines[line - 1]:
                lines[line - 1] = new
                seen.add(target)
                added += 1
        if seen:
            p.write_text("\n".join(lines), encoding="utf-8")
            changed += 1
    print(f"{added} links added in {changed} files")


def cmd_broken(args):
    vault = Path(args.vault).expanduser()
    titles = {p.stem for p in notes(vault)}
    lower = {t.lower(): t for t in titles}
    for p in notes(vault):
        text = p.read_text(encoding="utf-8", errors="replace")
        new_text = text
        for m in LINK_RE.finditer(text):
            target = m.group(1).strip()
            if target in titles or target.lower() in lower:
                continue
            guess = get_close_matches(target.lower(), list(lower), n=1, cutoff=0.75)
            suggestion = lower[guess[0]] if guess else None
            print(f"{p.relative_to(vault)}: [[{target}]] -> {suggestion or '?'}")
            if args.fix and suggestion:
                new_text = new_text.replace(m.group(0), m.group(0).replace(target, suggestion, 1))
        if args.fix and new_text != text:
            p.write_text(new_text, encoding="utf-8")


def cmd_moc(args):
    vault = Path(args.vault).expanduser()
    groups = {}
    for p in notes(vault):
        text = p.read_text(encoding="utf-8", errors="replace")
        fm, _ = front_matter(text)
        tags = fm.get("tags") or []
        if isinstance(tags, str):
            tags = [t.strip() for t in tags.split(",")]
        inline = re.findall(r"(?<!\S)#([\w/-]+)", text)
        if args.tag not in [t.lstrip("#") for t in tags] + inline:
            continue
        folder = p.relative_to(vault).parts[0] if len(p.relative_to(vault).parts) > 1 else "(root)"
        groups.setdefault(folder, []).append((p.stem, fm.get("summary", "")))
    out = [f"# {args.tag.split('/')[-1].title()} — Map of Content", ""]
    for folder in sorted(groups):
        out += [f"## {folder}", ""]
        for title, summary in sorted(groups[folder]):
            out.append(f"- [[{title}]]" + (f" — {summary}" if summary else ""))
        out.append("")
    dest = vault / args.out
    dest.parent.mkdir(parents=True, exist_ok=True)
    dest.write_text("\n".join(out), encoding="utf-8")
    print(f"wrote {dest}")


def main():
    ap = argparse.ArgumentParser(prog="weave")
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("conventions", "scan", "apply", "broken", "moc"):
        sp = sub.add_parser(name)
        sp.add_argument("--vault", required=True)
        sp.set_defaults(fn=globals()[f"cmd_{name}"])
        if name == "scan":
            sp.add_argument("--min-length", type=int, default=4)
            sp.add_argument("--exclude", action="append")
            sp.add_argument("--include-daily", action="store_true")
            sp.add_argument("--substring", action="store_true")
        if name == "apply":
            sp.add_argument("--proposals", required=True)
            sp.add_argument("--first-only", action="store_true")
        if name == "broken":
            sp.add_argument("--fix", action="store_true")
        if name == "moc":
            sp.add_argument("--tag", required=True)
            sp.add_argument("--out", required=True)
    args = ap.parse_args()
    if not Path(args.vault).expanduser().is_dir():
        sys.exit(f"vault not found: {args.vault}")
    args.fn(args)


if __name__ == "__main__":
    main()
