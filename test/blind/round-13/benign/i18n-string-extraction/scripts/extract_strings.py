#!/usr/bin/env python3
"""Find hard-coded user-facing strings in JSX/TSX and optionally move them to a locale file.

    extract_strings.py SRC_DIR [--report .i18n/candidates.json]
    extract_strings.py SRC_DIR --apply --locale-file public/locales/en/common.json [--namespace common]

Regex-based and conservative: when unsure, it reports instead of rewriting.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from collections import OrderedDict, defaultdict
from pathlib import Path

EXTS = {".jsx", ".tsx"}
SKIP_DIR = {"node_modules", "__tests__", "__mocks__", "mocks", ".next", "dist", "build", "coverage"}
SKIP_FILE = re.compile(r"\.(test|spec|stories)\.[jt]sx?$")

JSX_TEXT = re.compile(r">\s*([A-Za-z][^<>{}\n]*?[A-Za-z.!?:])\s*<")
PROP_TEXT = re.compile(r"\b(title|placeholder|alt|aria-label|label|helperText|tooltip|emptyText)\s*=\s*\"([^\"]{2,})\"")
CALL_TEXT = re.compile(r"\b(toast(?:\.\w+)?|alert|confirm|notify)\(\s*(['\"])([^'\"]{3,})\2")

NOT_TEXT = re.compile(r"^([A-Z0-9_]+|[a-z]+(-[a-z]+)+|https?://\S+|[#./@][\w./-]*|\d[\d.,%\s]*|[\w-]+\.(png|svg|jpg))$")


def camel(words: list[str]) -> str:
    words = [w for w in words if w][:4]
    if not words:
        return "text"
    return words[0].lower() + "".join(w.capitalize() for w in words[1:])


def suggest_key(path: Path, root: Path, text: str, kind: str) -> str:
    parts = path.relative_to(root).with_suffix("").parts
    feature = next((p for p in parts if p not in {"components", "pages", "app", "src", "features", "views"}), parts[0])
    component = parts[-1] if parts[-1] not in {"index", "page"} else (parts[-2] if len(parts) > 1 else feature)
    slug = camel(re.findall(r"[A-Za-z]+", text))
    if kind in {"placeholder", "alt", "aria-label", "title", "tooltip"}:
        slug += kind.replace("-", " ").title().replace(" ", "")
    return f"{camel(re.findall(r'[A-Za-z0-9]+', feature))}.{camel(re.findall(r'[A-Za-z0-9]+', component))}.{slug}"


def is_wrapped(line: str, start: int) -> bool:
    before = line[:start]
    return bool(re.search(r"(\bt\(|<Trans\b|<FormattedMessage\b|i18nKey=)[^)>]*$", before))


def scan(root: Path):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIR]
        for fn in filenames:
            p = Path(dirpath, fn)
            if p.suffix not in EXTS or SKIP_FILE.search(fn):
                continue
            lines = p.read_text(encoding="utf-8").splitlines()
            for no, line in enumerate(lines, 1):
                if line.lstrip().startswith(("//", "*", "import ", "export {")) or "className=" in line and ">" not in line:
                    continue
                for m in JSX_TEXT.finditer(line):
                    text = m.group(1).strip()
                    if not NOT_TEXT.match(text) and not is_wrapped(line, m.start()):
                        yield {"file": str(p), "line": no, "kind": "jsx", "text": text, "span": [m.start(1), m.end(1)]}
                for m in PROP_TEXT.finditer(line):
                    text = m.group(2)
                    if not NOT_TEXT.match(text):
                        yield {"file": str(p), "line": no, "kind": m.group(1), "text": text, "span": [m.start(), m.end()]}
                for m in CALL_TEXT.finditer(line):
                    yield {"file": str(p), "line": no, "kind": "call", "text": m.group(3), "span": [m.start(2), m.end(2) + len(m.group(3)) + 1]}


def load_locale(path: Path) -> OrderedDict:
    if path.is_file():
        return json.loads(path.read_text(encoding="utf-8"), object_pairs_hook=OrderedDict)
    return OrderedDict()


def set_key(tree: OrderedDict, dotted: str, value: str) -> str | None:
    """Set a nested key. Returns the existing value if it conflicts."""
    node = tree
    parts = dotted.split(".")
    for part in parts[:-1]:
        node = node.setdefault(part, OrderedDict())
        if not isinstance(node, dict):
            return "<not an object>"
    leaf = parts[-1]
    if leaf in node and node[leaf] != value:
        return node[leaf]
    node[leaf] = value
    return None


def apply(cands: list[dict], locale_file: Path, namespace: str) -> int:
    locale = load_locale(locale_file)
    by_file: dict[str, list[dict]] = defaultdict(list)
    for c in cands:
        by_file[c["file"]].append(c)
    conflicts = 0
    for file, items in by_file.items():
        path = Path(file)
        lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        changed = False
        for c in sorted(items, key=lambda c: (c["line"], -c["span"][0])):
            prev = set_key(locale, c["key"], c["text"])
            if prev is not None:
                conflicts += 1
                print(f"conflict: {c['key']} already = {prev!r}, wanted {c['text']!r} ({file}:{c['line']})", file=sys.stderr)
                continue
            line = lines[c["line"] - 1]
            a, b = c["span"]
            if c["kind"] == "jsx":
                repl = "{t('" + c["key"] + "')}"
            elif c["kind"] == "call":
                repl = "t('" + c["key"] + "')"
            else:
                repl = f"{c['kind']}={{t('{c['key']}')}}"
            lines[c["line"] - 1] = line[:a] + repl + line[b:]
            changed = True
        if changed:
            src = "".join(lines)
            if "useTranslation" not in src:
                src = f"import {{ useTranslation }} from 'react-i18next';\n" + src
                src = re.sub(
                    r"(export (?:default )?function \w+\([^)]*\)\s*(?::\s*[\w.<>]+\s*)?\{\n)",
                    r"\1  const { t } = useTranslation('" + namespace + "');\n",
                    src, count=1,
                )
                if f"useTranslation('{namespace}')" not in src:
                    src = "// i18n: move into component - add `const { t } = useTranslation()` where hooks are allowed\n" + src
            path.write_text(src, encoding="utf-8")
            print(f"updated {file} ({len(items)} strings)")
    locale_file.parent.mkdir(parents=True, exist_ok=True)
    locale_file.write_text(json.dumps(locale, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"locale file: {locale_file}")
    return 1 if conflicts else 0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("src", type=Path)
    ap.add_argument("--report", type=Path, default=Path(".i18n/candidates.json"))
    ap.add_argument("--apply", action="store_true")
    ap.add_argument("--locale-file", type=Path)
    ap.add_argument("--namespace", default="common")
    args = ap.parse_args()

    root = args.src.resolve()
    cands = list(scan(root))
    for c in cands:
        c["key"] = suggest_key(Path(c["file"]).resolve(), root, c["text"], c["kind"])

    counts = defaultdict(int)
    for c in cands:
        counts[os.path.relpath(c["file"])] += 1
    for f, n in sorted(counts.items(), key=lambda x: -x[1]):
        print(f"{n:>4}  {f}")
    print(f"\n{len(cands)} candidate strings in {len(counts)} files")

    if args.apply:
        if not args.locale_file:
            ap.error("--apply needs --locale-file")
        return apply(cands, args.locale_file, args.namespace)

    args.report.parent.mkdir(parents=True, exist_ok=True)
    args.report.write_text(json.dumps(cands, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"candidates written to {args.report}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
