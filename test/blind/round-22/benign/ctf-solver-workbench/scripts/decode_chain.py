#!/usr/bin/env python3
"""Breadth-first search over common CTF encodings until a flag-looking string appears."""
from __future__ import annotations

import argparse
import base64
import binascii
import codecs
import gzip
import re
import string
import sys
import urllib.parse
import zlib
from collections import deque

ENGLISH = "etaoinshrdlcumwfgypbvkjxqz"


def printable_ratio(b: bytes) -> float:
    return sum(chr(c) in string.printable for c in b) / max(1, len(b))


def english_score(b: bytes) -> float:
    s = b.decode("latin-1").lower()
    return sum((26 - ENGLISH.index(c)) for c in s if c in ENGLISH) + 10 * s.count(" ")


def rot(s: str, n: int) -> str:
    out = []
    for c in s:
        if c.isupper():
            out.append(chr((ord(c) - 65 + n) % 26 + 65))
        elif c.islower():
            out.append(chr((ord(c) - 97 + n) % 26 + 97))
        else:
            out.append(c)
    return "".join(out)


def layers(data: bytes, xor_brute: bool):
    s = data.decode("latin-1").strip()
    compact = re.sub(r"\s+", "", s)
    tries = [
        ("base64", lambda: base64.b64decode(compact + "=" * (-len(compact) % 4), validate=True)),
        ("base64url", lambda: base64.urlsafe_b64decode(compact + "=" * (-len(compact) % 4))),
        ("base32", lambda: base64.b32decode(compact.upper() + "=" * (-len(compact) % 8))),
        ("base85", lambda: base64.b85decode(compact)),
        ("ascii85", lambda: base64.a85decode(compact, adobe=compact.startswith("<~"))),
        ("hex", lambda: binascii.unhexlify(re.sub(r"^0x|[\s:]|\\x", "", s))),
        ("binary", lambda: bytes(int(b, 2) for b in s.split()) if set(compact) <= {"0", "1"} and all(len(b) == 8 for b in s.split()) else None),
        ("decimal", lambda: bytes(int(x) for x in re.split(r"[\s,]+", s)) if re.fullmatch(r"[\d\s,]+", s) else None),
        ("url", lambda: urllib.parse.unquote_to_bytes(s) if "%" in s else None),
        ("rot13", lambda: codecs.encode(s, "rot13").encode()),
        ("atbash", lambda: s.translate(str.maketrans(string.ascii_letters, string.ascii_lowercase[::-1] + string.ascii_uppercase[::-1])).encode()),
        ("reverse", lambda: s[::-1].encode()),
        ("gzip", lambda: gzip.decompress(data) if data[:2] == b"\x1f\x8b" else None),
        ("zlib", lambda: zlib.decompress(data) if data[:1] == b"\x78" else None),
    ]
    for n in range(1, 26):
        if n != 13:
            tries.append((f"rot{n}", lambda n=n: rot(s, n).encode()))
    for name, fn in tries:
        try:
            out = fn()
        except Exception:
            continue
        if out and out != data and printable_ratio(out) > 0.85:
            yield name, out
    if xor_brute:
        best = sorted(((english_score(bytes(c ^ k for c in data)), k) for k in range(1, 256)), reverse=True)[:3]
        for _, k in best:
            out = bytes(c ^ k for c in data)
            if printable_ratio(out) > 0.9:
                yield f"xor(0x{k:02x})", out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("blob", nargs="?")
    ap.add_argument("--file")
    ap.add_argument("--flag", default=r"[A-Za-z0-9_]{2,20}\{[^}]{3,200}\}")
    ap.add_argument("--depth", type=int, default=5)
    ap.add_argument("--xor-brute", action="store_true")
    ap.add_argument("--all", action="store_true", help="print every printable candidate, not just flags")
    a = ap.parse_args()
    data = open(a.file, "rb").read() if a.file else (a.blob or sys.stdin.read()).encode()
    flag_rx = re.compile(a.flag.encode())

    seen = {data}
    q = deque([(data, [])])
    found = 0
    while q:
        cur, path = q.popleft()
        if len(path) >= a.depth:
            continue
        for name, out in layers(cur, a.xor_brute):
            if out in seen:
                continue
            seen.add(out)
            chain = path + [name]
            m = flag_rx.search(out)
            if m:
                print(f"[FLAG] {' -> '.join(chain)} -> {m.group(0).decode('latin-1')}")
                found += 1
            elif a.all:
                print(f"       {' -> '.join(chain)} -> {out[:120]!r}")
            q.append((out, chain))
    if not found:
        print("no flag-looking output; try --all, --xor-brute, a different --flag regex, or more --depth", file=sys.stderr)
    return 0 if found else 1


if __name__ == "__main__":
    sys.exit(main())
