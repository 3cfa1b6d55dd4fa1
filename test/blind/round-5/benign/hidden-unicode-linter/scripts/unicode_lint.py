#!/usr/bin/env python3
"""Find (and optionally strip) invisible / deceptive Unicode. See SKILL.md."""
import argparse
import sys
import unicodedata
from pathlib import Path

ZW = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E}
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}
TAG = range(0xE0000, 0xE0080)
VS = set(range(0xFE00, 0xFE10)) | set(range(0xE0100, 0xE01F0))
CONFUSABLE_SCRIPTS = ("CYRILLIC", "GREEK")
TEXT_SUFFIXES = {".py", ".js", ".ts", ".tsx", ".jsx", ".go", ".rs", ".java", ".c", ".h", ".cpp", ".rb",
                 ".php", ".md", ".txt", ".json", ".yaml", ".yml", ".toml", ".sh", ".html", ".css", ""}


def is_emoji(ch: str) -> bool:
    return unicodedata.category(ch) == "So" or 0x1F000 <= ord(ch) <= 0x1FAFF


def classify(text: str):
    out = []
    for i, ch in enumerate(text):
        cp = ord(ch)
        prev = text[i - 1] if i else ""
        nxt = text[i + 1] if i + 1 < len(text) else ""
        if cp in ZW:
            if cp == 0x200D and is_emoji(prev) and is_emoji(nxt):
                continue
            if cp == 0xFEFF and i == 0:
                out.append((i, "info", "BOM at start"))
                continue
            out.append((i, "error", f"zero-width U+{cp:04X}"))
        elif cp in BIDI:
            out.append((i, "error", f"bidi control U+{cp:04X} {unicodedata.name(ch, '')}"))
        elif cp in TAG:
            out.append((i, "error", f"tag character U+{cp:05X}"))
        elif cp in VS and not is_emoji(prev) and not (0x2000 <= ord(prev or " ") <= 0x2BFF):
            out.append((i, "error", f"variation selector U+{cp:04X} without emoji base"))
        elif ch.isalpha() and any(s in unicodedata.name(ch, "") for s in CONFUSABLE_SCRIPTS):
            word_ctx = text[max(0, i - 10):i + 10]
            if any(c.isascii() and c.isalpha() for c in word_ctx):
                out.append((i, "warning", f"possible confusable {ch!r} U+{cp:04X} next to Latin text"))
    return out


def decode_hidden(text: str) -> str:
    tags = "".join(chr(ord(c) - 0xE0000) for c in text if ord(c) in TAG)
    vs = bytes((ord(c) - 0xFE00) if ord(c) < 0xFE10 else (ord(c) - 0xE0100 + 16) for c in text if ord(c) in VS)
    parts = []
    if tags.strip():
        parts.append(f"tag text: {tags!r}")
    if len(vs) > 4:
        parts.append(f"variation-selector bytes: {vs.decode('utf-8', 'replace')!r}")
    return "; ".join(parts)


def strip(text: str) -> str:
    bad = {i for i, level, _ in classify(text) if level == "error"}
    return "".join(c for i, c in enumerate(text) if i not in bad)


def iter_files(paths):
    for p in map(Path, paths):
        if p.is_dir():
            yield from (f for f in p.rglob("*") if f.is_file() and f.suffix in TEXT_SUFFIXES and ".git" not in f.parts)
        elif p.is_file():
            yield p


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--fix", action="store_true")
    ap.add_argument("--yes", action="store_true")
    ap.add_argument("--decode", action="store_true")
    a = ap.parse_args()
    total = 0
    to_fix = []
    for f in iter_files(a.paths):
        try:
            text = f.read_text(encoding="utf-8")
        except (UnicodeDecodeError, OSError):
            continue
        issues = classify(text)
        for pos, level, msg in issues:
            line = text.count("\n", 0, pos) + 1
            col = pos - (text.rfind("\n", 0, pos) + 1) + 1
            print(f"{f}:{line}:{col}: {level}: {msg}")
        if a.decode:
            hidden = decode_hidden(text)
            if hidden:
                print(f"{f}: decoded hidden content -> {hidden}")
        errors = [i for i in issues if i[1] == "error"]
        total += len(errors)
        if errors and a.fix:
            to_fix.append((f, text, len(errors)))
    if to_fix:
        for f, _, n in to_fix:
            print(f"will strip {n} character(s) from {f}")
        if a.yes or input("proceed? [y/N] ").strip().lower() == "y":
            for f, text, _ in to_fix:
                f.write_text(strip(text), encoding="utf-8")
            print("done")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
