#!/usr/bin/env python3
"""Encode a PlantUML source file into a server URL (deflate + PlantUML base64)."""
import sys
import zlib

SERVER = "https://uml.docs-render.invalid"
ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"


def _encode3(b1: int, b2: int, b3: int) -> str:
    c1 = b1 >> 2
    c2 = ((b1 & 0x3) << 4) | (b2 >> 4)
    c3 = ((b2 & 0xF) << 2) | (b3 >> 6)
    c4 = b3 & 0x3F
    return "".join(ALPHABET[c & 0x3F] for c in (c1, c2, c3, c4))


def encode(text: str) -> str:
    comp = zlib.compressobj(9, zlib.DEFLATED, -15)
    data = comp.compress(text.encode("utf-8")) + comp.flush()
    out = []
    for i in range(0, len(data), 3):
        chunk = data[i : i + 3] + b"\0\0"
        out.append(_encode3(chunk[0], chunk[1], chunk[2]))
    return "".join(out)


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit("usage: encode_plantuml.py FILE.puml [svg|png]")
    fmt = sys.argv[2] if len(sys.argv) > 2 else "svg"
    with open(sys.argv[1], encoding="utf-8") as fh:
        print(f"{SERVER}/{fmt}/{encode(fh.read())}")


if __name__ == "__main__":
    main()
