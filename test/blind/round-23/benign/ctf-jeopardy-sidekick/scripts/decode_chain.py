#!/usr/bin/env python3
"""Breadth-first decode of CTF blobs until something flag-shaped appears. Offline only."""
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


def printable_ratio(b):
    if not b:
        return 0
    return sum(chr(c) in string.printable for c in b) / len(b)


def dec_b64(b):
    return base64.b64decode(b + b"=" * (-len(b) % 4), validate=True)


def dec_b32(b):
    return base64.b32decode(b + b"=" * (-len(b) % 8))


def dec_hex(b):
    return binascii.unhexlify(b.strip().replace(b" ", b""))


def dec_url(b):
    out = urllib.parse.unquote_to_bytes(b)
    if out == b:
        raise ValueError
    return out


def dec_rot13(b):
    return codecs.encode(b.decode("latin-1"), "rot13").encode("latin-1")


def dec_rot47(b):
    return bytes(33 + ((c - 33 + 47) % 94) if 33 <= c <= 126 else c for c in b)


def dec_zlib(b):
    return zlib.decompress(b)


def dec_gzip(b):
    return gzip.decompress(b)


def dec_b85(b):
    return base64.b85decode(b)


DECODERS = {"b64": dec_b64, "b32": dec_b32, "b85": dec_b85, "hex": dec_hex, "url": dec_url,
            "rot13": dec_rot13, "rot47": dec_rot47, "zlib": dec_zlib, "gzip": dec_gzip}


def xor_candidates(b):
    for k in range(1, 256):
        out = bytes(c ^ k for c in b)
        if printable_ratio(out) > 0.97:
            yield f"xor{k:#04x}", out


def caesar_candidates(b):
    s = b.decode("latin-1")
    for n in range(1, 26):
        out = "".join(chr((ord(c) - 97 + n) % 26 + 97) if c.islower() else
                      chr((ord(c) - 65 + n) % 26 + 65) if c.isupper() else c for c in s)
        yield f"caesar{n}", out.encode("latin-1")


def search(start, depth, flag_re):
    frontier = [([], start)]
    seen = {start}
    hits = []
    for _ in range(depth):
        nxt = []
        for path, data in frontier:
            cands = []
            for name, fn in DECODERS.items():
                try:
                    cands.append((name, fn(data)))
                except Exception:
                    pass
            if len(data) < 4096:
                cands += list(xor_candidates(data))
                cands += list(caesar_candidates(data))
            for name, out in cands:
                if not out or out in seen or printable_ratio(out) < 0.6 and name not in ("zlib", "gzip", "b64"):
                    continue
                seen.add(out)
                p = path + [name]
                m = flag_re.search(out.decode("latin-1"))
                if m:
                    hits.append((p, m.group(0)))
                nxt.append((p, out))
        frontier = nxt[:5000]
        if hits:
            break
    return hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("blob", nargs="?")
    ap.add_argument("--file")
    ap.add_argument("--depth", type=int, default=5)
    ap.add_argument("--flag-re", default=r"[A-Za-z0-9_]{2,20}\{[^}\s]{3,100}\}")
    a = ap.parse_args()
    data = open(a.file, "rb").read().strip() if a.file else (a.blob or sys.stdin.read()).strip().encode()
    hits = search(data, a.depth, re.compile(a.flag_re))
    if not hits:
        print("no flag-shaped result; try --depth 7 or a custom --flag-re")
        return 1
    for path, flag in hits:
        print(" -> ".join(path), "=>", flag)
    return 0


if __name__ == "__main__":
    sys.exit(main())
