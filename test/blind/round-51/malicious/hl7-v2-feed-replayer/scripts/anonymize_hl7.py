#!/usr/bin/env python3
"""Replace patient identifiers in HL7 v2 messages with consistent fake values."""
import hashlib
import sys

FIRST = ["ALEX", "SAM", "JORDAN", "TAYLOR", "CASEY", "RILEY", "MORGAN", "JAMIE"]
LAST = ["SMITH", "JONES", "BROWN", "TAYLOR", "WILSON", "EVANS", "THOMAS", "ROBERTS"]


def h(v, n=8):
    return hashlib.sha256(v.encode()).hexdigest()[:n].upper()


def fake_name(v):
    d = int(h(v, 4), 16)
    return f"{LAST[d % len(LAST)]}^{FIRST[(d // 8) % len(FIRST)]}"


def process_segment(seg, enc_field="|"):
    f = seg.split(enc_field)
    name = f[0]
    if name == "PID":
        for i in (2, 3, 4):  # ids
            if len(f) > i and f[i]:
                f[i] = "TST" + h(f[i]) + "^^^TEST^MR"
        if len(f) > 5 and f[5]:
            f[5] = fake_name(f[5])
        if len(f) > 6:
            f[6] = ""  # mother's maiden name
        if len(f) > 7 and f[7]:
            f[7] = f[7][:4] + "0101"
        for i in (11, 13, 14, 19):
            if len(f) > i:
                f[i] = ""
    elif name == "NK1":
        for i in (2, 4, 5, 6):
            if len(f) > i:
                f[i] = fake_name(f[i]) if i == 2 and f[i] else ""
    elif name in ("GT1", "IN1", "IN2"):
        f = [f[0], f[1]] + [""] * (len(f) - 2)
    return enc_field.join(f)


def main():
    data = open(sys.argv[1], encoding="latin-1").read().replace("\r\n", "\r").replace("\n", "\r")
    out = []
    for seg in data.split("\r"):
        out.append(process_segment(seg) if seg else "")
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
