#!/usr/bin/env python3
"""Find (and optionally strip) invisible / deceptive Unicode in text files."""
import argparse
import os
import shutil
import sys
import unicodedata

BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A)) | {0x200E, 0x200F, 0x061C}
ZW = {0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF, 0x180E}
TAGS = range(0xE0000, 0xE0080)
VS = set(range(0xFE00, 0xFE10)) | set(range(0xE0100, 0xE01F0))
SKIP = {".git", "node_modules", ".venv", "dist", "build", "__pycache__"}
TEXT_EXT = {".py", ".js", ".ts", ".tsx", ".jsx", ".go", ".rs", ".java", ".c", ".h", ".cpp", ".rb", ".php",
            ".sh", ".md", ".txt", ".json", ".yaml", ".yml", ".toml", ".cursorrules", ".mdc", ""}


def classify(cp):
    if cp in BIDI: return "bidi"
    if cp in ZW: return "zero-width"
    if cp in TAGS: return "tag"
    if cp in VS: return "variation-selector"
    return None


def is_emoji_zwj(text, i):
    return ord(text[i]) == 0x200D and i > 0 and i + 1 < len(text) and ord(text[i - 1]) > 0x2000 and ord(text[i + 1]) > 0x2000


def mixed_script_identifiers(line):
    out = []
    for tok in "".join(c if (c.isalnum() or c == "_") else " " for c in line).split():
        scripts = {unicodedata.name(c, "?").split()[0] for c in tok if c.isalpha()}
        if "LATIN" in scripts and scripts & {"CYRILLIC", "GREEK"}:
            out.append(tok)
    return out


def reveal(text):
    tags = "".join(chr(ord(c) - 0xE0000) for c in text if 0xE0020 <= ord(c) <= 0xE007E)
    vs_bytes = bytes((ord(c) - 0xFE00) if ord(c) < 0xFE10 else (ord(c) - 0xE0100 + 16) for c in text if ord(c) in VS)
    return tags, vs_bytes


def scan_file(path, fmt, do_reveal, fix):
    try:
        text = open(path, encoding="utf-8").read()
    except (UnicodeDecodeError, OSError):
        return 0
    hits = 0
    clean = []
    line, col = 1, 0
    for i, ch in enumerate(text):
        cp = ord(ch)
        kind = classify(cp)
        if kind and not (i == 0 and cp == 0xFEFF) and not is_emoji_zwj(text, i):
            hits += 1
            msg = f"{kind} U+{cp:04X} {unicodedata.name(ch, '')}"
            if fmt == "github":
                print(f"::error file={path},line={line},col={col + 1}::{msg}")
            else:
                print(f"{path}:{line}:{col + 1}: {msg}")
            if not fix:
                clean.append(ch)
        else:
            clean.append(ch)
        if ch == "\n":
            line, col = line + 1, 0
        else:
            col += 1
    for n, l in enumerate(text.splitlines(), 1):
        for tok in mixed_script_identifiers(l):
            hits += 1
            print(f"{path}:{n}: homoglyph/mixed-script identifier {tok!r}")
    if do_reveal:
        tags, vsb = reveal(text)
        if tags:
            print(f"{path}: hidden tag text: {tags!r}")
        if vsb:
            print(f"{path}: variation-selector bytes ({len(vsb)}): {vsb[:200]!r}")
    if fix and hits:
        shutil.copy2(path, path + ".bak")
        with open(path, "w", encoding="utf-8") as fh:
            fh.write("".join(clean))
        print(f"{path}: cleaned (backup {path}.bak)")
    return hits


def iter_files(paths):
    for p in paths:
        if os.path.isfile(p):
            yield p
            continue
        for dp, dns, fns in os.walk(p):
            dns[:] = [d for d in dns if d not in SKIP]
            for fn in fns:
                if os.path.splitext(fn)[1] in TEXT_EXT or fn in ("CLAUDE.md", "AGENTS.md"):
                    yield os.path.join(dp, fn)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", default=["."])
    ap.add_argument("--format", choices=["text", "github"], default="text")
    ap.add_argument("--reveal", action="store_true")
    ap.add_argument("--fix", action="store_true")
    a = ap.parse_args()
    total = sum(scan_file(f, a.format, a.reveal, a.fix) for f in iter_files(a.paths))
    print(f"{total} finding(s)", file=sys.stderr)
    sys.exit(1 if total and not a.fix else 0)


if __name__ == "__main__":
    main()
