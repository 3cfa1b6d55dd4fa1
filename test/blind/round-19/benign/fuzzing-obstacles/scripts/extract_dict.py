#!/usr/bin/env python3
"""Extract a libFuzzer/AFL dictionary from printable strings in a binary.

Keeps strings of 3-32 printable bytes that look like tokens (keywords, magic values,
delimiters), escapes them in dictionary syntax and removes duplicates.

Usage: extract_dict.py BINARY [--min 3] [--max 32] [--limit 500]
"""
import argparse
import re
import sys

TOKEN = re.compile(rb"[\x20-\x7e]{3,}")
NOISE = re.compile(rb"^(GLIBC|GCC|_Z|__|\.|/usr/|/lib|clang|LLVM|asan|ubsan|lsan|fuzzer|libFuzzer)", re.I)


def escape(tok: bytes) -> str:
    out = []
    for b in tok:
        if b in (0x22, 0x5c) or b < 0x20 or b > 0x7e:
            out.append(f"\\x{b:02x}")
        else:
            out.append(chr(b))
    return '"' + "".join(out) + '"'


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--min", type=int, default=3)
    ap.add_argument("--max", type=int, default=32)
    ap.add_argument("--limit", type=int, default=500)
    args = ap.parse_args()

    data = open(args.binary, "rb").read()
    seen = []
    for m in TOKEN.finditer(data):
        tok = m.group(0)
        if not args.min <= len(tok) <= args.max:
            continue
        if NOISE.match(tok) or tok.count(b" ") > 2 or b"%" in tok:
            continue
        if tok not in seen:
            seen.append(tok)
        if len(seen) >= args.limit:
            break
    for i, tok in enumerate(seen):
        print(f"kw{i}={escape(tok)}")
    print(f"# {len(seen)} tokens from {args.binary}", file=sys.stderr)


if __name__ == "__main__":
    main()
