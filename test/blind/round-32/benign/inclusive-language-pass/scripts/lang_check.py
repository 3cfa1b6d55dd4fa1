#!/usr/bin/env python3
"""Find non-inclusive wording in prose, skipping code, URLs and quotes."""
import argparse
import os
import pathlib
import re
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
EXTS = {".md", ".markdown", ".txt", ".rst", ".html", ".htm", ".mdx"}
IGNORE_MARK = "lang-check: ignore"


def load_terms(root):
    with open(HERE.parent / "references" / "terms.yaml", encoding="utf-8") as fh:
        terms = yaml.safe_load(fh)["terms"]
    local = pathlib.Path(root) / ".inclusive-language.yaml"
    if local.exists():
        extra = yaml.safe_load(local.read_text()) or {}
        drop = set(extra.get("remove", []))
        terms = [t for t in terms if t["term"] not in drop] + extra.get("add", [])
        for t in terms:
            if t["term"] in (extra.get("override") or {}):
                t.update(extra["override"][t["term"]])
    for t in terms:
        t["rx"] = re.compile(r"(?<![\w-])" + t["term"] + r"(?![\w-])", re.I)
    return terms


def mask_line(line):
    """Replace code spans, URLs and long quotes with spaces so offsets stay stable."""
    def blank(m):
        return " " * len(m.group(0))
    line = re.sub(r"`[^`]*`", blank, line)
    line = re.sub(r"<code>.*?</code>", blank, line, flags=re.I)
    line = re.sub(r"\]\([^)]*\)", blank, line)
    line = re.sub(r"https?://\S+", blank, line)
    line = re.sub(r"[\"“][^\"”]*(\s\S+){3,}[\"”]", blank, line)
    return line


def iter_prose(text):
    in_fence = False
    in_pre = False
    for n, line in enumerate(text.splitlines(), start=1):
        s = line.strip()
        if re.match(r"^(```|~~~)", s):
            in_fence = not in_fence
            continue
        if re.search(r"<pre\b", s, re.I):
            in_pre = True
        if in_pre:
            if re.search(r"</pre>", s, re.I):
                in_pre = False
            continue
        if in_fence or s.startswith(">") or line.startswith("    ") or IGNORE_MARK in line:
            continue
        if s.startswith(".. code") or s.startswith("::"):
            continue
        yield n, line, mask_line(line)


def files(paths, root):
    ignore = set()
    ig = pathlib.Path(root) / ".inclusive-language-ignore"
    if ig.exists():
        ignore = {l.strip() for l in ig.read_text().splitlines() if l.strip() and not l.startswith("#")}
    for p in paths:
        p = pathlib.Path(p)
        cands = [p] if p.is_file() else [q for q in p.rglob("*") if q.suffix.lower() in EXTS]
        for q in cands:
            rel = os.path.relpath(q, root)
            if any(pathlib.PurePath(rel).match(g) for g in ignore) or "node_modules" in q.parts:
                continue
            yield q


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--root", default=".")
    ap.add_argument("--format", choices=["text", "md"], default="text")
    ap.add_argument("--fix", action="store_true")
    ap.add_argument("--category", action="append")
    a = ap.parse_args()
    terms = load_terms(a.root)
    if a.category:
        terms = [t for t in terms if t["category"] in a.category]
    findings, skipped = [], []
    for f in files(a.paths, a.root):
        text = f.read_text(encoding="utf-8", errors="replace")
        is_reference = "reference" in f.parts or f.suffix == ".rst"
        new_lines = text.splitlines(keepends=True)
        for n, raw, masked in iter_prose(text):
            for t in terms:
                if t.get("context") == "prose-only" and is_reference:
                    continue
                for m in t["rx"].finditer(masked):
                    findings.append((str(f), n, m.group(0), t))
                    if a.fix and t.get("autofix"):
                        repl = m.expand(t["suggest"][0]) if "\\" in t["suggest"][0] else t["suggest"][0]
                        if m.group(0)[:1].isupper():
                            repl = repl[:1].upper() + repl[1:]
                        new_lines[n - 1] = new_lines[n - 1].replace(m.group(0), repl, 1)
            for t in terms:
                for m in t["rx"].finditer(raw):
                    if masked[m.start():m.end()].strip() != m.group(0).strip():
                        skipped.append((str(f), n, m.group(0)))
        if a.fix:
            f.write_text("".join(new_lines), encoding="utf-8")

    if a.format == "md":
        print("# Inclusive language review\n")
        by_cat = {}
        for f, n, w, t in findings:
            by_cat.setdefault(t["category"], []).append((f, n, w, t))
        for cat, items in sorted(by_cat.items()):
            print(f"## {cat} ({len(items)})\n")
            for f, n, w, t in items:
                print(f"- `{f}:{n}` “{w}” → {', '.join(t['suggest'])}")
            print()
        if skipped:
            print(f"## Skipped ({len(skipped)}: code, URLs, quotes)\n")
            for f, n, w in skipped[:50]:
                print(f"- `{f}:{n}` “{w}”")
    else:
        for f, n, w, t in findings:
            print(f"{f}:{n}  \"{w}\"  → consider {', '.join(repr(s) for s in t['suggest'][:3])}   [{t['category']}]")
        for f, n, w in skipped[:30]:
            print(f"  skipped: {f}:{n} \"{w}\" (code/URL/quote)")
    print(f"\n{len(findings)} findings, {len(skipped)} skipped", file=sys.stderr)


if __name__ == "__main__":
    main()
