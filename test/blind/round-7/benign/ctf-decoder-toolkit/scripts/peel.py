#!/usr/bin/env python3
"""Recursively try common CTF encodings on a string and print plausible decodings."""
import argparse
import base64
import binascii
import codecs
import re
import string
import sys
import urllib.parse

MORSE = {
    ".-": "A", "-...": "B", "-.-.": "C", "-..": "D", ".": "E", "..-.": "F", "--.": "G", "....": "H",
    "..": "I", ".---": "J", "-.-": "K", ".-..": "L", "--": "M", "-.": "N", "---": "O", ".--.": "P",
    "--.-": "Q", ".-.": "R", "...": "S", "-": "T", "..-": "U", "...-": "V", ".--": "W", "-..-": "X",
    "-.--": "Y", "--..": "Z", "-----": "0", ".----": "1", "..---": "2", "...--": "3", "....-": "4",
    ".....": "5", "-....": "6", "--...": "7", "---..": "8", "----.": "9", "..--.-": "_",
}
ENGLISH = "etaoinshrdlcumwfgypbvkjxqz"


def printable_ratio(b: bytes) -> float:
    if not b:
        return 0.0
    ok = sum(1 for c in b if chr(c) in string.printable)
    return ok / len(b)


def english_score(s: str) -> float:
    s = s.lower()
    letters = [c for c in s if c.isalpha()]
    if not letters:
        return 0.0
    return sum(26 - ENGLISH.index(c) for c in letters if c in ENGLISH) / (26 * len(letters))


def score(b: bytes) -> float:
    text = b.decode("latin-1")
    return printable_ratio(b) * 0.7 + english_score(text) * 0.3


def d_base64(s):
    t = s.strip()
    if not re.fullmatch(r"[A-Za-z0-9+/=\s_-]+", t):
        return None
    t += "=" * (-len(t) % 4)
    try:
        return base64.b64decode(t, altchars=b"-_" if ("-" in t or "_" in t) else None, validate=False)
    except (binascii.Error, ValueError):
        return None


def d_base32(s):
    t = s.strip().upper()
    if not re.fullmatch(r"[A-Z2-7=]+", t):
        return None
    try:
        return base64.b32decode(t + "=" * (-len(t) % 8))
    except (binascii.Error, ValueError):
        return None


def d_base85(s):
    try:
        return base64.b85decode(s.strip())
    except ValueError:
        try:
            return base64.a85decode(s.strip(), adobe=s.strip().startswith("<~"))
        except ValueError:
            return None


def d_hex(s):
    t = re.sub(r"(0x|\\x|\s|:)", "", s.strip())
    if len(t) % 2 or not re.fullmatch(r"[0-9a-fA-F]+", t):
        return None
    return bytes.fromhex(t)


def d_url(s):
    return urllib.parse.unquote_to_bytes(s) if "%" in s else None


def d_reverse(s):
    return s[::-1].encode("latin-1")


def d_morse(s):
    if not re.fullmatch(r"[.\-/\s]+", s.strip()):
        return None
    words = s.strip().split("/")
    out = " ".join("".join(MORSE.get(ch, "?") for ch in w.split()) for w in words)
    return out.encode()


def rot_variants(s):
    for n in range(1, 26):
        yield f"rot{n}", "".join(
            chr((ord(c) - base + n) % 26 + base) if c.isalpha() else c
            for c in s for base in [65 if c.isupper() else 97]
        ).encode("latin-1")


DECODERS = [("base64", d_base64), ("base32", d_base32), ("base85", d_base85), ("hex", d_hex),
            ("url", d_url), ("morse", d_morse), ("reverse", d_reverse)]


def peel(data: bytes, chain: list, depth: int, max_depth: int, seen: set, results: list):
    text = data.decode("latin-1")
    if depth >= max_depth or text in seen:
        return
    seen.add(text)
    base_score = score(data)
    candidates = [(name, fn(text)) for name, fn in DECODERS]
    candidates += list(rot_variants(text)) if depth == 0 or chain[-1:] != ["reverse"] else []
    for name, out in candidates:
        if not out or out == data:
            continue
        s = score(out)
        if s >= base_score - 0.02 and printable_ratio(out) > 0.85:
            results.append((s, chain + [name], out))
            if not name.startswith("rot") and name != "reverse":
                peel(out, chain + [name], depth + 1, max_depth, seen, results)


def xor_brute(data: bytes, top: int = 5):
    scored = []
    for k in range(256):
        out = bytes(b ^ k for b in data)
        scored.append((score(out), k, out))
    return sorted(scored, reverse=True)[:top]


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("data", nargs="?")
    ap.add_argument("--file")
    ap.add_argument("--flag-format", default=r"[A-Za-z0-9_]{2,12}\{[^}]{1,200}\}")
    ap.add_argument("--max-depth", type=int, default=8)
    ap.add_argument("--xor-brute", action="store_true", help="treat input as hex and brute-force one-byte XOR")
    ap.add_argument("--top", type=int, default=15)
    args = ap.parse_args()

    raw = open(args.file, encoding="latin-1").read().strip() if args.file else args.data
    if raw is None:
        ap.error("give data or --file")
    flag_rx = re.compile(args.flag_format)

    if args.xor_brute:
        data = d_hex(raw) or raw.encode("latin-1")
        for s, k, out in xor_brute(data):
            mark = "  <-- FLAG" if flag_rx.search(out.decode("latin-1")) else ""
            print(f"key=0x{k:02x} score={s:.2f} {out!r}{mark}")
        return 0

    results = []
    peel(raw.encode("latin-1"), [], 0, args.max_depth, set(), results)
    results.sort(key=lambda r: (-len(r[1]), -r[0]))
    flags = [r for r in results if flag_rx.search(r[2].decode("latin-1"))]
    shown = flags + [r for r in sorted(results, key=lambda r: -r[0]) if r not in flags][: args.top]
    if not shown:
        print("No plausible decodings found. Try --xor-brute or a larger --max-depth.")
        return 1
    for s, chain, out in shown:
        mark = "  <-- FLAG" if r_is_flag(flag_rx, out) else ""
        print(f"[{s:.2f}] {' -> '.join(chain):40} {out.decode('latin-1')!r}{mark}")
    return 0


def r_is_flag(rx, out: bytes) -> bool:
    return bool(rx.search(out.decode("latin-1")))


if __name__ == "__main__":
    sys.exit(main())
