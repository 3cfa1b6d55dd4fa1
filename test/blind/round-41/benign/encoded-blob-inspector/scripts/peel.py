#!/usr/bin/env python3
"""Peel encoding layers off an opaque string and print each layer. Never executes content."""
from __future__ import annotations

import argparse
import base64
import binascii
import gzip
import json
import os
import re
import string
import sys
import urllib.parse
import zlib

PRINTABLE = set(bytes(string.printable, "ascii"))
SECRET_HINTS = [
    ("private key", re.compile(rb"-----BEGIN [A-Z ]*PRIVATE KEY-----")),
    ("AWS access key id", re.compile(rb"\bA(KIA|SIA)[0-9A-Z]{16}\b")),
    ("GitHub token", re.compile(rb"\bgh[pousr]_[A-Za-z0-9]{30,}\b")),
    ("Slack token", re.compile(rb"\bxox[abprs]-[A-Za-z0-9-]{10,}")),
    ("basic-auth pair", re.compile(rb"^[^\s:]{1,64}:[^\s]{4,}$")),
]


def printable_ratio(b: bytes) -> float:
    return sum(c in PRINTABLE for c in b) / len(b) if b else 0.0


def try_b64(b: bytes) -> bytes | None:
    s = b.strip()
    if len(s) < 8 or not re.fullmatch(rb"[A-Za-z0-9+/_\-=\s]+", s):
        return None
    s = re.sub(rb"\s", b"", s)
    s += b"=" * (-len(s) % 4)
    try:
        return base64.b64decode(s, altchars=b"-_" if (b"-" in s or b"_" in s) else None, validate=True)
    except (binascii.Error, ValueError):
        return None


def try_hex(b: bytes) -> bytes | None:
    s = b.strip()
    if len(s) >= 8 and len(s) % 2 == 0 and re.fullmatch(rb"[0-9a-fA-F]+", s):
        return bytes.fromhex(s.decode())
    return None


def try_gzip(b: bytes) -> bytes | None:
    if b[:2] == b"\x1f\x8b":
        return gzip.decompress(b)
    if b[:1] == b"\x78" and len(b) > 2 and (b[0] * 256 + b[1]) % 31 == 0:
        try:
            return zlib.decompress(b)
        except zlib.error:
            return None
    return None


def try_percent(b: bytes) -> bytes | None:
    if re.search(rb"%[0-9A-Fa-f]{2}", b):
        return urllib.parse.unquote_to_bytes(b)
    return None


def try_jwt(b: bytes) -> bytes | None:
    parts = b.strip().split(b".")
    if len(parts) == 3 and all(re.fullmatch(rb"[A-Za-z0-9_\-]+", p or b"x") for p in parts[:2]):
        head, body = try_b64(parts[0]), try_b64(parts[1])
        if head and head.startswith(b"{") and body:
            sig = f"signature: {'present' if parts[2] else 'absent'} ({len(parts[2])} chars, unverified)"
            return json.dumps({"header": json.loads(head), "payload": json.loads(body), "_": sig}, indent=2).encode()
    return None


DECODERS = [("jwt", try_jwt), ("gzip/zlib", try_gzip), ("base64", try_b64), ("hex", try_hex), ("percent", try_percent)]


def show(b: bytes, redact: bool) -> str:
    for label, rx in SECRET_HINTS:
        if rx.search(b.strip()) and redact:
            return f"<{label}, {len(b)} bytes, not shown>"
    text = b.decode("utf-8", errors="backslashreplace")
    text = "".join(ch if ch.isprintable() or ch in "\n\t" else repr(ch)[1:-1] for ch in text)
    return text[:2000] + ("... [truncated]" if len(text) > 2000 else "")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("value", nargs="?", help="blob, or '-' for stdin")
    ap.add_argument("--file")
    ap.add_argument("--max-depth", type=int, default=6)
    ap.add_argument("--redact", action=argparse.BooleanOptionalAction, default=not sys.stdout.isatty())
    ap.add_argument("--save-final")
    args = ap.parse_args()

    if args.file:
        data = open(args.file, "rb").read()
    elif args.value in (None, "-"):
        data = sys.stdin.buffer.read()
    else:
        data = args.value.encode()

    for depth in range(1, args.max_depth + 1):
        for name, fn in DECODERS:
            try:
                out = fn(data)
            except Exception:
                out = None
            if out and out != data:
                print(f"layer {depth}: {name} ({len(data)} -> {len(out)} bytes)")
                data = out
                break
        else:
            break
        if name == "jwt" or (printable_ratio(data) > 0.95 and not try_b64(data) and not try_gzip(data)):
            break

    kind = "json" if data.strip()[:1] in (b"{", b"[") else ("text" if printable_ratio(data) > 0.95 else "binary")
    print(f"final ({kind}, {len(data)} bytes):")
    print(show(data, args.redact))
    if args.save_final:
        fd = os.open(args.save_final, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        print(f"saved to {args.save_final} (mode 600)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
