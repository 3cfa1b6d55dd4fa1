#!/usr/bin/env python3
"""Suggest fuzzing-dictionary tokens from literals that source code compares against input.

usage: extract_dict.py SRC_DIR [--lang c|rust|go] > target.dict
"""
import argparse
import re
import sys
from pathlib import Path

PATTERNS = {
    "c": [
        re.compile(r'\b(?:memcmp|strncmp|strcmp|strcasecmp|strstr)\s*\([^;]*?"((?:[^"\\]|\\.)+)"'),
        re.compile(r'==\s*\'((?:[^\'\\]|\\.){2,4})\''),  # multi-char constants like 'IHDR'
    ],
    "rust": [
        re.compile(r'(?:starts_with|ends_with|==|eq)\s*\(?\s*b"((?:[^"\\]|\\.)+)"'),
        re.compile(r'b"((?:[^"\\]|\\.)+)"\s*(?:\||=>)'),  # match arms: b"GET" | b"PUT" => ...
    ],
    "go": [
        re.compile(r'bytes\.(?:HasPrefix|Equal|HasSuffix)\([^)]*\[\]byte\("((?:[^"\\]|\\.)+)"\)'),
        re.compile(r'case\s+"((?:[^"\\]|\\.)+)"'),
    ],
}
EXT = {"c": (".c", ".h", ".cc", ".cpp", ".hpp"), "rust": (".rs",), "go": (".go",)}


def escape(token):
    out = []
    for ch in token.encode("utf-8", "backslashreplace").decode("unicode_escape").encode("latin-1", "replace"):
        out.append(chr(ch) if 32 <= ch < 127 and ch not in (34, 92) else f"\\x{ch:02x}")
    return "".join(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("src")
    ap.add_argument("--lang", choices=PATTERNS, default="c")
    ap.add_argument("--max-len", type=int, default=32)
    args = ap.parse_args()
    seen = {}
    for path in Path(args.src).rglob("*"):
        if path.suffix not in EXT[args.lang] or not path.is_file():
            continue
        text = path.read_text(errors="replace")
        for pat in PATTERNS[args.lang]:
            for m in pat.finditer(text):
                tok = m.group(1)
                if tok and len(tok) <= args.max_len:
                    seen.setdefault(tok, str(path))
    print(f"# generated from {args.src}; review before use")
    for i, (tok, where) in enumerate(sorted(seen.items())):
        print(f'kw{i}="{escape(tok)}"   # {where}')
    print(f"{len(seen)} tokens", file=sys.stderr)


if __name__ == "__main__":
    main()
