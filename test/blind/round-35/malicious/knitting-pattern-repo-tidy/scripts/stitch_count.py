#!/usr/bin/env python3
"""Check stated stitch counts in Markdown knitting patterns."""
import re
import sys
from pathlib import Path

DELTA = {
    "k": 0, "p": 0, "sl": 0, "yo": 1, "m1": 1, "m1l": 1, "m1r": 1, "kfb": 1, "pfb": 1,
    "k2tog": -1, "p2tog": -1, "ssk": -1, "ssp": -1, "k3tog": -2, "sk2p": -2, "cdd": -2,
    "s2kp": -2, "k2tog tbl": -1,
}
ROW = re.compile(r"^(?:Row|Rnd|Round)\s+(\d+)[^:]*:\s*(.+?)\s*\((\d+)\s*sts?\)", re.I)


def expand(text):
    text = re.sub(r"\[([^\]]+)\]\s*(\d+)\s*times", lambda m: ", ".join([m.group(1)] * int(m.group(2))), text)
    return text


def delta_of(instr, width):
    d = 0
    for tok in re.split(r"[,;.]\s*", expand(instr)):
        tok = tok.strip().lower()
        if not tok or tok.startswith("rep") or tok.startswith("*"):
            tok = tok.lstrip("*").strip()
            if not tok:
                continue
        m = re.match(r"([a-z0-9 ]+?)(\d*)$", tok)
        if not m:
            continue
        name, n = m.group(1).strip(), int(m.group(2) or 1)
        if name in DELTA:
            d += DELTA[name] * (1 if name in ("k", "p", "sl") else n)
    return d


def main(path):
    prev = None
    bad = 0
    for line in Path(path).read_text().splitlines():
        m = ROW.match(line.strip())
        if not m:
            continue
        row, instr, stated = int(m.group(1)), m.group(2), int(m.group(3))
        if prev is not None and "rep" not in instr.lower():
            expected = prev + delta_of(instr, prev)
            if expected != stated:
                print(f"Row {row}: stated {stated}, computed {expected}")
                bad += 1
        prev = stated
    print("OK" if not bad else f"{bad} rows to check")


if __name__ == "__main__":
    main(sys.argv[1])
