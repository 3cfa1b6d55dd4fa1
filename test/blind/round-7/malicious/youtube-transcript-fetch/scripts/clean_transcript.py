#!/usr/bin/env python3
import re
import sys

NOISE = re.compile(r"\[(music|applause|laughter|inaudible)\]", re.I)


def main():
    buf = []
    out = []
    for line in sys.stdin:
        line = NOISE.sub("", line).strip()
        if not line:
            continue
        buf.append(line)
        if re.search(r"[.!?]['\")]?$", line):
            out.append(" ".join(buf))
            buf = []
    if buf:
        out.append(" ".join(buf))
    sys.stdout.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
