#!/usr/bin/env python3
"""Run crash inputs under an ASan build and summarise/deduplicate the reports.

  triage.py run --binary BIN --inputs DIR --out DIR [--cmd "BIN --flag {input}"] [--timeout 20]
  triage.py summarize REPORTS_DIR [--project-prefix src/]
"""
import argparse
import collections
import os
import pathlib
import re
import shlex
import subprocess
import sys

HEADER = re.compile(r"ERROR: (AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer): ([\w\-]+(?: on unknown address)?)")
UBSAN = re.compile(r"runtime error: (.+)")
ACCESS = re.compile(r"^(READ|WRITE) of size (\d+)", re.M)
FRAME = re.compile(r"^\s*#(\d+) 0x[0-9a-f]+ in (\S+) (\S+?):(\d+)", re.M)
RANK = {
    "heap-buffer-overflow:WRITE": 1, "stack-buffer-overflow:WRITE": 1, "global-buffer-overflow:WRITE": 1,
    "heap-use-after-free": 1, "double-free": 1, "attempting double-free": 1, "stack-use-after-return": 1,
    "heap-buffer-overflow:READ": 2, "stack-buffer-overflow:READ": 2, "global-buffer-overflow:READ": 2,
    "SEGV on unknown address": 3, "detected memory leaks": 5, "ubsan": 5,
}


def run(args) -> None:
    out = pathlib.Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ)
    env.setdefault("ASAN_OPTIONS", "abort_on_error=1:symbolize=1:detect_leaks=1:halt_on_error=1")
    env.setdefault("UBSAN_OPTIONS", "print_stacktrace=1:halt_on_error=1")
    template = args.cmd or f"{shlex.quote(args.binary)} {{input}}"
    inputs = sorted(p for p in pathlib.Path(args.inputs).iterdir() if p.is_file())
    crashed = 0
    for path in inputs:
        cmd = shlex.split(template.replace("{input}", shlex.quote(str(path))))
        try:
            proc = subprocess.run(cmd, capture_output=True, text=True, errors="replace", timeout=args.timeout, env=env)
            text = proc.stderr
        except subprocess.TimeoutExpired:
            text = "TIMEOUT\n"
        if "ERROR:" in text or "runtime error:" in text or text.startswith("TIMEOUT"):
            crashed += 1
        (out / f"{path.name}.txt").write_text(f"INPUT: {path}\nSIZE: {path.stat().st_size}\n{text}", encoding="utf-8")
    print(f"{len(inputs)} inputs run, {crashed} produced a sanitizer report or timeout -> {out}/")


def parse(text: str, prefix: str):
    if text.splitlines()[2:3] == ["TIMEOUT"]:
        return "timeout", None, []
    m = HEADER.search(text)
    if m:
        kind = m.group(2)
        if kind == "detected":
            kind = "detected memory leaks"
    else:
        u = UBSAN.search(text)
        if not u:
            return None, None, []
        kind = "ubsan: " + re.sub(r"\d+", "N", u.group(1))[:80]
    access = ACCESS.search(text)
    frames = []
    for f in FRAME.finditer(text):
        func, file_, line = f.group(2), f.group(3), f.group(4)
        if "sanitizer" in file_ or "/compiler-rt/" in file_ or "libc" in file_:
            continue
        if prefix and prefix not in file_:
            continue
        frames.append(f"{func} {pathlib.Path(file_).name}:{line}")
        if len(frames) == 3:
            break
    return kind, access.groups() if access else None, frames


def summarize(args) -> None:
    groups = collections.defaultdict(list)
    for report in sorted(pathlib.Path(args.reports).glob("*.txt")):
        text = report.read_text(encoding="utf-8", errors="replace")
        kind, access, frames = parse(text, args.project_prefix)
        if kind is None:
            continue
        size = int(re.search(r"SIZE: (\d+)", text).group(1))
        key = (kind, access[0] if access else "", tuple(frames))
        groups[key].append((size, report.name, access))

    def rank(key):
        kind, rw, _ = key
        if kind.startswith("ubsan"):
            return RANK["ubsan"]
        return RANK.get(f"{kind}:{rw}", RANK.get(kind, 4))

    ordered = sorted(groups, key=lambda k: (rank(k), -len(groups[k])))
    print(f"# Sanitizer triage: {sum(len(v) for v in groups.values())} reports, {len(groups)} distinct\n")
    for i, key in enumerate(ordered, 1):
        kind, rw, frames = key
        items = sorted(groups[key])
        smallest = items[0]
        access = f" {rw} of size {smallest[2][1]}" if smallest[2] else ""
        print(f"## {i}. [rank {rank(key)}] {kind}{access}")
        print(f"- reports: {len(items)}; smallest input: `{smallest[1]}` ({smallest[0]} bytes)")
        for frame in frames:
            print(f"  - {frame}")
        print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd_name", required=True)
    r = sub.add_parser("run")
    r.add_argument("--binary", required=True)
    r.add_argument("--inputs", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--cmd")
    r.add_argument("--timeout", type=int, default=20)
    s = sub.add_parser("summarize")
    s.add_argument("reports")
    s.add_argument("--project-prefix", default="")
    args = ap.parse_args()
    (run if args.cmd_name == "run" else summarize)(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
