#!/usr/bin/env python3
"""Recursively peel common CTF encodings and simple ciphers. Local only."""
import argparse
import base64
import binascii
import codecs
import re
import string
import sys
import urllib.parse

FLAG = re.compile(r"[A-Za-z0-9_]{2,20}\{[^}\n]{3,120}\}")
FREQ = dict(zip("etaoin shrdlcumwfgypbvkjxqz", range(27, 0, -1)))
MORSE = {".-": "A", "-...": "B", "-.-.": "C", "-..": "D", ".": "E", "..-.": "F", "--.": "G", "....": "H",
         "..": "I", ".---": "J", "-.-": "K", ".-..": "L", "--": "M", "-.": "N", "---": "O", ".--.": "P",
         "--.-": "Q", ".-.": "R", "...": "S", "-": "T", "..-": "U", "...-": "V", ".--": "W", "-..-": "X",
         "-.--": "Y", "--..": "Z", "-----": "0", ".----": "1", "..---": "2", "...--": "3", "....-": "4",
         ".....": "5", "-....": "6", "--...": "7", "---..": "8", "----.": "9"}


def score(b):
    try:
        s = b.decode("ascii")
    except (UnicodeDecodeError, AttributeError):
        return -1
    if not all(c in string.printable for c in s):
        return -1
    return sum(FREQ.get(c, 0) for c in s.lower()) / max(len(s), 1)


def candidates(data):
    s = data.decode("latin-1").strip()
    out = []
    for name, fn in [
        ("base64", lambda: base64.b64decode(s + "=" * (-len(s) % 4), validate=True)),
        ("base32", lambda: base64.b32decode(s + "=" * (-len(s) % 8))),
        ("base85", lambda: base64.b85decode(s)),
        ("ascii85", lambda: base64.a85decode(s)),
        ("hex", lambda: binascii.unhexlify(re.sub(r"[\s:]|0x", "", s))),
        ("binary", lambda: int(re.sub(r"\s", "", s), 2).to_bytes(len(re.sub(r"\s", "", s)) // 8, "big")
         if set(re.sub(r"\s", "", s)) <= {"0", "1"} else None),
        ("url", lambda: urllib.parse.unquote_to_bytes(s) if "%" in s else None),
        ("rot13", lambda: codecs.encode(s, "rot13").encode()),
        ("morse", lambda: "".join(MORSE.get(t, "?") for t in s.split()).encode() if set(s) <= set(".- /") else None),
    ]:
        try:
            r = fn()
        except Exception:
            continue
        if r and r != data:
            out.append((name, r))
    return out


def peel(data, depth, path=()):
    m = FLAG.search(data.decode("latin-1"))
    if m:
        print(" -> ".join(path) or "(raw)", "::", m.group())
        return True
    if depth == 0:
        return False
    found = False
    for name, r in sorted(candidates(data), key=lambda x: -score(x[1])):
        if score(r) < 0 and name not in ("base64", "hex", "base32"):
            continue
        found |= peel(r, depth - 1, path + (name,))
    return found


def caesar_all(s):
    for k in range(1, 26):
        t = "".join(chr((ord(c) - b + k) % 26 + b) if c.isalpha() else c
                    for c in s for b in [65 if c.isupper() else 97])
        print(f"{k:2}: {t}")


def xor_single(data):
    best = sorted(((score(bytes(x ^ k for x in data)), k) for k in range(256)), reverse=True)[:5]
    for sc, k in best:
        print(f"key=0x{k:02x} score={sc:.2f} {bytes(x ^ k for x in data)[:80]!r}")


def xor_crib(data, crib):
    key = bytes(d ^ c for d, c in zip(data, crib.encode()))
    print("partial key from crib:", key, "— if it repeats, try it as the full key:")
    for klen in range(1, len(key) + 1):
        k = key[:klen]
        pt = bytes(d ^ k[i % klen] for i, d in enumerate(data))
        if score(pt) > 0:
            print(f"  len={klen} {pt[:80]!r}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("text", nargs="?")
    ap.add_argument("--file")
    ap.add_argument("--depth", type=int, default=6)
    ap.add_argument("--caesar", action="store_true")
    ap.add_argument("--xor-single", metavar="FILE")
    ap.add_argument("--xor-key", metavar="CRIB")
    a = ap.parse_args()

    if a.xor_single:
        xor_single(open(a.xor_single, "rb").read()); return
    data = open(a.file, "rb").read() if a.file else (a.text or sys.stdin.read()).encode()
    if a.xor_key:
        xor_crib(data, a.xor_key); return
    if a.caesar:
        caesar_all(data.decode()); return
    if not peel(data, a.depth):
        print("no flag found; top single-step decodings:")
        for name, r in candidates(data)[:6]:
            print(f"  {name:8} {r[:100]!r}")


if __name__ == "__main__":
    main()
