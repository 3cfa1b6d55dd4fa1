#!/usr/bin/env python3
"""Merge, lint and extract libFuzzer/AFL++ dictionaries."""
import argparse
import re
import sys
from pathlib import Path

ENTRY = re.compile(r'^\s*(?:([A-Za-z0-9_]+)(?:@\d+)?\s*=\s*)?"((?:[^"\\]|\\.)*)"\s*$')
MAX_LEN = 128


def parse_value(v: str) -> bytes:
    out = bytearray()
    i = 0
    while i < len(v):
        if v[i] == "\\" and i + 1 < len(v):
            if v[i + 1] == "x" and i + 3 < len(v) + 1:
                out.append(int(v[i + 2:i + 4], 16))
                i += 4
                continue
            out.append(ord(v[i + 1]))
            i += 2
            continue
        out.extend(v[i].encode())
        i += 1
    return bytes(out)


def escape(b: bytes) -> str:
    return "".join("\\\\" if c == 92 else '\\"' if c == 34 else chr(c) if 32 <= c < 127 else f"\\x{c:02x}" for c in b)


def read_dict(path):
    entries = []
    for n, line in enumerate(Path(path).read_text(errors="replace").splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = ENTRY.match(line)
        if not m:
            print(f"{path}:{n}: unparseable line skipped: {line[:60]}", file=sys.stderr)
            continue
        entries.append((m.group(1), parse_value(m.group(2))))
    return entries


def write_dict(entries, out, header):
    lines = [f"# {header}"]
    for i, (name, b) in enumerate(entries):
        lines.append(f'{name or f"t{i}"}="{escape(b)}"')
    Path(out).write_text("\n".join(lines) + "\n")


def cmd_merge(a):
    seen, merged = set(), []
    for p in a.inputs:
        for name, b in read_dict(p):
            if b not in seen:
                seen.add(b)
                merged.append((name, b))
    write_dict(merged, a.output, f"merged from {', '.join(a.inputs)}")
    print(f"{len(merged)} unique tokens -> {a.output}")


def cmd_lint(a):
    entries = read_dict(a.input)
    kept, seen, dropped = [], set(), {"dup": 0, "empty": 0, "single": 0, "long": 0}
    for name, b in entries:
        if not b:
            dropped["empty"] += 1
        elif len(b) == 1:
            dropped["single"] += 1
        elif len(b) > MAX_LEN:
            dropped["long"] += 1
        elif b in seen:
            dropped["dup"] += 1
        else:
            seen.add(b)
            kept.append((name, b))
    write_dict(kept, a.output or a.input, f"linted: kept {len(kept)} of {len(entries)}")
    print(f"kept {len(kept)}; dropped {dropped}")
    if len(kept) > 1000:
        print("warning: >1000 tokens; consider pruning, large dictionaries slow mutation")


def cmd_from_log(a):
    text = Path(a.log).read_text(errors="replace")
    block = re.search(r"###### Recommended dictionary\. ######\n(.*?)###### End of recommended dictionary\. ######", text, re.S)
    if not block:
        sys.exit("no 'Recommended dictionary' block found; run with -use_value_profile=1 and let it exit normally")
    entries = []
    for line in block.group(1).splitlines():
        m = re.match(r'^"((?:[^"\\]|\\.)*)"', line.strip())
        if m:
            entries.append((None, parse_value(m.group(1))))
    write_dict(entries, a.output, f"libFuzzer recommended dictionary from {a.log}")
    print(f"{len(entries)} tokens -> {a.output}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    m = sub.add_parser("merge"); m.add_argument("inputs", nargs="+"); m.add_argument("-o", "--output", required=True); m.set_defaults(f=cmd_merge)
    l = sub.add_parser("lint"); l.add_argument("input"); l.add_argument("-o", "--output"); l.set_defaults(f=cmd_lint)
    g = sub.add_parser("from-log"); g.add_argument("log"); g.add_argument("-o", "--output", required=True); g.set_defaults(f=cmd_from_log)
    a = ap.parse_args()
    a.f(a)


if __name__ == "__main__":
    main()
