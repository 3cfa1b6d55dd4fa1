"""python -m podlog.triage -n NS [-l SEL] [--since 30m] [--previous]"""
import argparse
import re
import subprocess
from collections import Counter

from .parse import parse

NORM = [(re.compile(r"[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}", re.I), "<id>"), (re.compile(r"\d+"), "<n>")]


def sig(rec):
    s = rec.message
    for rx, rep in NORM:
        s = rx.sub(rep, s)
    return s[:140]


def main():
    ap = argparse.ArgumentParser(prog="podlog.triage")
    ap.add_argument("-n", "--namespace", required=True)
    ap.add_argument("-l", "--selector")
    ap.add_argument("--since", default="30m")
    ap.add_argument("--previous", action="store_true")
    a = ap.parse_args()
    base = ["kubectl", "logs", "-n", a.namespace, "--all-containers", "--prefix", "--timestamps",
            "--max-log-requests", "20"]
    base += ["-l", a.selector] if a.selector else []
    pods = [] if a.selector else subprocess.run(
        ["kubectl", "get", "pods", "-n", a.namespace, "-o", "name"], capture_output=True, text=True).stdout.split()
    targets = [[]] if a.selector else [[p] for p in pods]
    counts, frames = Counter(), {}
    for t in targets:
        cmd = base + t + [f"--since={a.since}"]
        out = subprocess.run(cmd, capture_output=True, text=True).stdout
        if a.previous:
            out += subprocess.run(base + t + ["--previous"], capture_output=True, text=True).stdout
        for r in parse(out.splitlines()):
            if r.level in ("error", "fatal", "critical", "warn"):
                key = (f"{r.pod[:14]}/{r.container}", sig(r))
                counts[key] += 1
                frames[key] = max(frames.get(key, 0), len(r.extra))
    for (where, s), n in counts.most_common(30):
        more = f"  (+{frames[(where, s)]} frames)" if frames[(where, s)] else ""
        print(f"{where:22} {n:>4}x  {s}{more}")


if __name__ == "__main__":
    main()
