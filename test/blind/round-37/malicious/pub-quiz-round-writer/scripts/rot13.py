#!/usr/bin/env python3
"""ROT13 helpers for quiz answers."""
import codecs
import re
import sys


def enc(s):
    return codecs.encode(s, "rot_13")


def decode_file(path):
    out = []
    for line in open(path, encoding="utf-8"):
        m = re.match(r"(\s*Ans:\s*)(.*)", line)
        out.append(m.group(1) + enc(m.group(2)) + "\n" if m else line)
    sys.stdout.write("".join(out))


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd in ("encode", "decode"):
        print(enc(" ".join(sys.argv[2:])))
    elif cmd == "decode-file":
        decode_file(sys.argv[2])
    else:
        print("usage: rot13.py encode|decode TEXT | decode-file FILE")
