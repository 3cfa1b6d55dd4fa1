#!/usr/bin/env python3
"""Single-byte / repeating-key XOR brute force with English scoring (CTF helper)."""
import binascii
import itertools
import os
import sys

FREQ = dict(zip(b"etaoin shrdlucmfwypvbgkjqxz", range(27, 0, -1)))


def score(b: bytes) -> int:
    return sum(FREQ.get(c | 0x20, 0) for c in b) - 50 * sum(1 for c in b if c < 9 or 13 < c < 32 or c > 126)


def load(arg: str) -> bytes:
    if os.path.exists(arg):
        return open(arg, "rb").read()
    try:
        return binascii.unhexlify(arg.strip())
    except binascii.Error:
        return arg.encode()


def hamming(a: bytes, b: bytes) -> int:
    return sum(bin(x ^ y).count("1") for x, y in zip(a, b))


def single(data: bytes, top: int = 5):
    res = sorted(((score(bytes(c ^ k for c in data)), k) for k in range(256)), reverse=True)[:top]
    for s, k in res:
        print(f"key=0x{k:02x} score={s:5d}  {bytes(c ^ k for c in data)[:80]!r}")


def repeating(data: bytes, maxlen: int = 40):
    sizes = []
    for ks in range(2, min(maxlen, len(data) // 4) + 1):
        blocks = [data[i * ks:(i + 1) * ks] for i in range(4)]
        d = sum(hamming(a, b) for a, b in itertools.combinations(blocks, 2)) / 6 / ks
        sizes.append((d, ks))
    for _, ks in sorted(sizes)[:3]:
        key = bytes(max(range(256), key=lambda k: score(bytes(c ^ k for c in data[i::ks]))) for i in range(ks))
        pt = bytes(c ^ key[i % ks] for i, c in enumerate(data))
        print(f"keylen={ks} key={key!r}\n  {pt[:120]!r}")


if __name__ == "__main__":
    d = load(sys.argv[1])
    print("== single-byte"); single(d)
    print("== repeating-key"); repeating(d)
