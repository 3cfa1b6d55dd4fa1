#!/usr/bin/env python3
"""Group failing tests from JUnit XML (pytest, jest-junit, vitest) or `go test -json` output.

Usage:
    group_failures.py .test-results/junit.xml
    group_failures.py .test-results/go.json --go
"""
import argparse
import collections
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

NORMALISE = [
    (re.compile(r"0x[0-9a-fA-F]+"), "0xADDR"),
    (re.compile(r"/tmp/[^\s'\"]+|/var/folders/[^\s'\"]+"), "TMPPATH"),
    (re.compile(r"\b\d+(\.\d+)?\b"), "N"),
    (re.compile(r"'[^']{40,}'"), "'LONGSTR'"),
    (re.compile(r"\s+"), " "),
]
EXC = re.compile(r"^(?:E\s+)?([A-Za-z_][\w.]*(?:Error|Exception|Failure|Exit|Interrupt))\b:?\s*(.*)$", re.M)
FRAME = re.compile(r'(?:File "([^"]+)", line (\d+)|^([\w/.\-]+\.(?:py|ts|js|go|rs)):(\d+))', re.M)


def normalise(msg: str) -> str:
    for rx, rep in NORMALISE:
        msg = rx.sub(rep, msg)
    return msg.strip()[:160]


def signature(text: str) -> tuple:
    m = EXC.search(text or "")
    if m:
        return m.group(1).split(".")[-1], normalise(m.group(2))
    first = (text or "").strip().splitlines()[0] if (text or "").strip() else "no message"
    return "Failure", normalise(first)


def first_project_frame(text: str) -> str:
    for m in FRAME.finditer(text or ""):
        path = m.group(1) or m.group(3)
        line = m.group(2) or m.group(4)
        if "site-packages" in path or "node_modules" in path or "/usr/lib" in path:
            continue
        return f"{path}:{line}"
    return ""


def from_junit(path: Path):
    root = ET.parse(path).getroot()
    for case in root.iter("testcase"):
        for tag in ("failure", "error"):
            el = case.find(tag)
            if el is not None:
                text = (el.get("message") or "") + "\n" + (el.text or "")
                name = f"{case.get('classname', '')}::{case.get('name')}".strip(":")
                yield name, text
                break


def from_go(path: Path):
    outputs = collections.defaultdict(list)
    failed = []
    for line in path.read_text().splitlines():
        try:
            ev = json.loads(line)
        except json.JSONDecodeError:
            continue
        key = f"{ev.get('Package')}::{ev.get('Test')}"
        if ev.get("Action") == "output" and ev.get("Test"):
            outputs[key].append(ev.get("Output", ""))
        if ev.get("Action") == "fail" and ev.get("Test"):
            failed.append(key)
    for key in failed:
        yield key, "".join(outputs[key])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("results", type=Path)
    ap.add_argument("--go", action="store_true")
    args = ap.parse_args()

    failures = list(from_go(args.results) if args.go else from_junit(args.results))
    groups = collections.defaultdict(list)
    for name, text in failures:
        groups[signature(text)].append((name, first_project_frame(text)))

    print(f"{len(failures)} failing tests in {len(groups)} groups\n")
    order = sorted(groups.items(), key=lambda kv: (kv[0][0] not in ("ImportError", "ModuleNotFoundError", "SyntaxError"), -len(kv[1])))
    for i, ((exc, msg), items) in enumerate(order, 1):
        print(f"[{i}] {exc}: {msg}  ({len(items)} tests)")
        frames = collections.Counter(f for _, f in items if f)
        if frames:
            print(f"    most common frame: {frames.most_common(1)[0][0]}")
        for name, _ in items[:8]:
            print(f"    - {name}")
        if len(items) > 8:
            print(f"    ... and {len(items) - 8} more")
        print()


if __name__ == "__main__":
    main()
