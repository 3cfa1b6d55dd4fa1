#!/usr/bin/env python3
"""Clean and normalise a BibTeX/BibLaTeX file. See SKILL.md for usage."""
from __future__ import annotations

import argparse
import difflib
import re
import sys
import tomllib
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

MONTHS = {m: m[:3] for m in ("january", "february", "march", "april", "may", "june", "july",
                             "august", "september", "october", "november", "december")}
MONTH_NUM = {str(i + 1): k[:3] for i, k in enumerate(MONTHS)}
STOP = {"a", "an", "the", "on", "of", "for", "and", "in", "to", "with", "towards", "toward", "via"}
LATEX_ACCENTS = {"ä": '{\\"a}', "ö": '{\\"o}', "ü": '{\\"u}', "Ä": '{\\"A}', "Ö": '{\\"O}', "Ü": '{\\"U}',
                 "é": "{\\'e}", "è": "{\\`e}", "á": "{\\'a}", "ó": "{\\'o}", "í": "{\\'i}", "ñ": "{\\~n}",
                 "ç": "{\\c c}", "ß": "{\\ss}", "ø": "{\\o}", "å": "{\\aa}"}


@dataclass
class Entry:
    kind: str
    key: str
    fields: dict[str, str] = field(default_factory=dict)
    changes: list[str] = field(default_factory=list)


def load_config(path: Path | None) -> dict:
    here = Path(__file__).resolve().parent.parent / "bibclean.toml"
    cfg = tomllib.loads(here.read_text(encoding="utf-8"))
    if path and path.exists():
        local = tomllib.loads(path.read_text(encoding="utf-8"))
        for section, values in local.items():
            cfg.setdefault(section, {}).update(values)
    return cfg


def read_braced(text: str, i: int, open_ch: str, close_ch: str) -> tuple[str, int]:
    depth = 0
    start = i
    while i < len(text):
        c = text[i]
        if c == open_ch:
            depth += 1
        elif c == close_ch:
            depth -= 1
            if depth == 0:
                return text[start + 1:i], i + 1
        i += 1
    raise ValueError(f"unbalanced {open_ch} starting at offset {start}")


def parse_fields(body: str) -> dict[str, str]:
    fields: dict[str, str] = {}
    i = 0
    while i < len(body):
        m = re.compile(r"\s*,?\s*([A-Za-z][\w\-]*)\s*=\s*").match(body, i)
        if not m:
            break
        name = m.group(1).lower()
        i = m.end()
        if i < len(body) and body[i] == "{":
            value, i = read_braced(body, i, "{", "}")
        elif i < len(body) and body[i] == '"':
            j = i + 1
            while j < len(body) and not (body[j] == '"' and body[j - 1] != "\\"):
                j += 1
            value, i = body[i + 1:j], j + 1
        else:
            m2 = re.compile(r"[^,}\s]+(\s*#\s*[^,}\s]+)*").match(body, i)
            value = m2.group(0) if m2 else ""
            i = m2.end() if m2 else i + 1
            value = "\x00" + value  # marks a bare macro / number
        fields[name] = value
    return fields


def parse(text: str) -> tuple[list[str], list[Entry]]:
    preamble: list[str] = []
    entries: list[Entry] = []
    i = 0
    for m in re.finditer(r"@(\w+)\s*([{(])", text):
        if m.start() < i:
            continue
        kind = m.group(1).lower()
        close = "}" if m.group(2) == "{" else ")"
        inner, i = read_braced(text, m.end() - 1, m.group(2), close)
        if kind in {"string", "preamble", "comment"}:
            preamble.append(text[m.start():i])
            continue
        key, _, body = inner.partition(",")
        entries.append(Entry(kind=kind, key=key.strip(), fields=parse_fields(body)))
    return preamble, entries


def fold(s: str) -> str:
    s = re.sub(r"\\[a-zA-Z]+\s*|[{}\\'\"`^~]", "", s)
    return unicodedata.normalize("NFKD", s).encode("ascii", "ignore").decode().lower()


def protect(title: str, words: list[str]) -> str:
    out = title
    for w in sorted(words, key=len, reverse=True):
        out = re.sub(r"(?<![{\w])(%s)(?![\w}])" % re.escape(w), r"{\1}", out)
    out = re.sub(r"(?<![{\w])([A-Z]{2,}[0-9]*)(?![\w}])", r"{\1}", out)
    return out


def clean_entry(e: Entry, cfg: dict) -> None:
    c = cfg["clean"]
    f = e.fields
    if "pages" in f:
        new = re.sub(r"\s*[-\u2013\u2014]+\s*", "--", f["pages"])
        if new != f["pages"]:
            e.changes.append(f"pages {f['pages']!r} -> {new!r}")
            f["pages"] = new
    if c.get("month_macros") and "month" in f:
        raw = f["month"].lstrip("\x00").strip("{} ").lower()
        macro = MONTHS.get(raw) or MONTH_NUM.get(raw) or (raw[:3] if raw[:3] in MONTHS.values() else None)
        if macro and f["month"] != "\x00" + macro:
            e.changes.append(f"month -> {macro}")
            f["month"] = "\x00" + macro
    if "title" in f:
        new = protect(f["title"], c.get("protect_words", []))
        if new != f["title"]:
            e.changes.append("title capitalisation protected")
            f["title"] = new
    if "doi" in f:
        doi = re.sub(r"^(https?://(dx\.)?doi\.org/|doi:)", "", f["doi"].strip(), flags=re.I)
        if doi != f["doi"]:
            e.changes.append("doi normalised")
            f["doi"] = doi
        if "url" in f and re.search(r"doi\.org/", f["url"], re.I):
            e.changes.append("url dropped (duplicates doi)")
            del f["url"]
    if c.get("drop_empty"):
        for k in [k for k, v in f.items() if not v.lstrip("\x00").strip()]:
            e.changes.append(f"empty {k} removed")
            del f[k]
    if c.get("encoding") == "latex":
        for k, v in f.items():
            new = "".join(LATEX_ACCENTS.get(ch, ch) for ch in v)
            if new != v:
                f[k] = new
    if re.search(r"\band others\b", f.get("author", "")):
        e.changes.append("author list ends with 'and others' (please complete)")


def first_author_last(e: Entry) -> str:
    author = e.fields.get("author", "anon").split(" and ")[0].strip()
    last = author.split(",")[0] if "," in author else (author.split()[-1] if author.split() else "anon")
    return re.sub(r"[^a-z]", "", fold(last)) or "anon"


def dedupe(entries: list[Entry], threshold: float) -> tuple[list[Entry], list[tuple[Entry, Entry]]]:
    kept: list[Entry] = []
    removed: list[tuple[Entry, Entry]] = []
    by_doi: dict[str, Entry] = {}
    buckets: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in entries:
        doi = e.fields.get("doi", "").lower()
        if doi and doi in by_doi:
            removed.append((e, by_doi[doi]))
            continue
        bucket = (e.fields.get("year", "").lstrip("\x00"), first_author_last(e))
        title = fold(e.fields.get("title", ""))
        match = next((k for k in buckets[bucket]
                      if difflib.SequenceMatcher(None, title, fold(k.fields.get("title", ""))).ratio() >= threshold), None)
        if match:
            for k, v in e.fields.items():
                match.fields.setdefault(k, v)
            removed.append((e, match))
            continue
        if doi:
            by_doi[doi] = e
        buckets[bucket].append(e)
        kept.append(e)
    return kept, removed


def rekey(entries: list[Entry], fmt: str) -> dict[str, str]:
    mapping: dict[str, str] = {}
    seen: dict[str, int] = defaultdict(int)
    for e in entries:
        words = [w for w in re.findall(r"[a-z]+", fold(e.fields.get("title", ""))) if w not in STOP]
        author = first_author_last(e)
        base = fmt.format(author=author, Author=author.capitalize(), year=e.fields.get("year", "").lstrip("\x00")[:4],
                          word=words[0] if words else "")
        seen[base] += 1
        new = base if seen[base] == 1 else base + "abcdefghijklmnopqrstuvwxyz"[seen[base] - 2]
        if new != e.key:
            mapping[e.key] = new
            e.key = new
    return mapping


def render(e: Entry, order: list[str]) -> str:
    names = sorted(e.fields, key=lambda k: (order.index(k) if k in order else len(order), k))
    width = max((len(n) for n in names), default=0)
    lines = [f"@{e.kind}{{{e.key},"]
    for n in names:
        v = e.fields[n]
        val = v[1:] if v.startswith("\x00") else "{" + v + "}"
        lines.append(f"  {n.ljust(width)} = {val},")
    lines.append("}")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("bib", type=Path)
    ap.add_argument("-o", "--output", type=Path)
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--dupes", action="store_true")
    ap.add_argument("--rekey", action="store_true")
    ap.add_argument("--patch-tex", type=Path)
    ap.add_argument("--config", type=Path, default=Path("bibclean.toml"))
    args = ap.parse_args()

    cfg = load_config(args.config)
    preamble, entries = parse(args.bib.read_text(encoding="utf-8"))
    for e in entries:
        clean_entry(e, cfg)
    kept, removed = dedupe(entries, cfg["dupes"].get("title_similarity", 0.92))

    if args.dupes or args.report:
        for dup, into in removed:
            print(f"duplicate: {dup.key} -> merged into {into.key}")
    if args.dupes:
        return 0

    mapping = rekey(kept, cfg["clean"].get("key_format", "{author}{year}{word}")) if args.rekey else {}
    if args.report:
        for e in kept:
            for ch in e.changes:
                print(f"{e.key}: {ch}")
        for old, new in mapping.items():
            print(f"key: {old} -> {new}")
        print(f"\n{len(entries)} entries, {len(removed)} duplicates, {sum(bool(e.changes) for e in kept)} entries changed")
        if not args.output:
            return 0

    out = args.output or args.bib.with_suffix(".clean.bib")
    order = cfg["clean"].get("field_order", [])
    out.write_text("\n\n".join(preamble + [render(e, order) for e in kept]) + "\n", encoding="utf-8")
    if removed:
        dupes_path = out.with_name(cfg["dupes"]["write_removed_to"].format(stem=out.stem))
        dupes_path.write_text("\n\n".join(render(d, order) for d, _ in removed) + "\n", encoding="utf-8")
    if mapping:
        (out.parent / "rekey-map.tsv").write_text("".join(f"{o}\t{n}\n" for o, n in mapping.items()), encoding="utf-8")
        if args.patch_tex:
            for tex in args.patch_tex.rglob("*.tex"):
                text = tex.read_text(encoding="utf-8")
                new = re.sub(r"(\\\w*cite\w*\*?(?:\[[^\]]*\])*\{)([^}]*)\}",
                             lambda m: m.group(1) + ",".join(mapping.get(k.strip(), k.strip()) for k in m.group(2).split(",")) + "}",
                             text)
                if new != text:
                    tex.write_text(new, encoding="utf-8")
                    print(f"patched {tex}")
    print(f"Wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
