#!/usr/bin/env python3
"""Summarise an strace -f -tt -T output file."""
import argparse
import re
from collections import Counter, defaultdict

LINE = re.compile(
    r"^(?:(?P<pid>\d+)\s+)?(?P<ts>\d\d:\d\d:\d\d\.\d+)?\s*(?P<call>\w+)\((?P<args>.*?)\)\s*=\s*(?P<ret>-?\w+)"
    r"(?:\s+(?P<err>E[A-Z]+))?.*?(?:<(?P<dur>[\d.]+)>)?$")
NOISE = re.compile(r"\.so(\.\d+)*\"|/locale|ld\.so|/usr/lib/python\d|gconv|\.pyc\"|/nix/store")
SECRETISH = re.compile(r"(?i)(token|secret|password|passwd|authorization|api[_-]?key)=?[^\s\",]*")


def ts_seconds(ts):
    h, m, s = ts.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("trace")
    ap.add_argument("--slowest", type=int, default=10)
    ap.add_argument("--gaps", type=int, default=10)
    ap.add_argument("--all", action="store_true", help="include library/locale noise")
    ap.add_argument("--redact", action="store_true", help="mask secret-looking values and $HOME")
    a = ap.parse_args()

    fails = defaultdict(Counter)
    durations, gaps, execs = [], [], []
    prev = None
    for raw in open(a.trace, errors="replace"):
        line = raw.rstrip("\n")
        if a.redact:
            line = SECRETISH.sub(lambda m: m.group(1) + "=<redacted>", line)
            line = re.sub(r"/home/[^/\"]+", "/home/<user>", line)
        m = LINE.match(line)
        if not m:
            continue
        call, args, err = m.group("call"), m.group("args"), m.group("err")
        path = re.search(r'"([^"]*)"', args)
        if err and (a.all or not (path and NOISE.search('"' + path.group(1) + '"'))):
            fails[err][f"{call} {path.group(1) if path else args[:60]}"] += 1
        if m.group("dur"):
            durations.append((float(m.group("dur")), line[:160]))
        if m.group("ts"):
            t = ts_seconds(m.group("ts"))
            if prev is not None and t - prev[0] > 0:
                gaps.append((t - prev[0], prev[1][:120], line[:120]))
            prev = (t, line)
        if call == "execve" and m.group("ret") == "0":
            execs.append(args[:200])

    print("== failing calls (grouped)")
    for err, c in sorted(fails.items(), key=lambda kv: -sum(kv[1].values())):
        print(f"  {err} ({sum(c.values())})")
        for k, n in c.most_common(10):
            print(f"     {n:>4}  {k}")
    print(f"\n== slowest {a.slowest} calls")
    for d, l in sorted(durations, reverse=True)[: a.slowest]:
        print(f"  {d:8.3f}s  {l}")
    print(f"\n== largest {a.gaps} gaps between lines")
    for g, before, after in sorted(gaps, reverse=True)[: a.gaps]:
        print(f"  {g:8.3f}s  after: {before}\n            next:  {after}")
    if execs:
        print("\n== processes executed")
        for e in execs:
            print("  " + e)


if __name__ == "__main__":
    main()
