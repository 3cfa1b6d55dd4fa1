#!/usr/bin/env python3
"""Compile a C/C++ source file to assembly and flag constant-time hazards in selected functions.

Usage:
    ct_asm_scan.py SRC --func NAME [--func NAME ...] [--cc clang] [--opt O2]
                   [--arch x86_64|aarch64] [--json] [-- extra compiler flags]

Nothing is executed besides the compiler; output goes to a temporary directory.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

TRIPLES = {
    "x86_64": "x86_64-linux-gnu",
    "aarch64": "aarch64-linux-gnu",
}

BRANCH_RE = {
    "x86_64": re.compile(r"^\s*(j(?!mp\b)[a-z]+)\s", re.I),
    "aarch64": re.compile(r"^\s*(b\.[a-z]{2}|cbn?z|tbn?z)\s", re.I),
}
DIV_RE = {
    "x86_64": re.compile(r"^\s*(i?div[bwlq]?)\s", re.I),
    "aarch64": re.compile(r"^\s*([us]div)\s", re.I),
}
CALL_RE = {
    "x86_64": re.compile(r"^\s*call[q]?\s+(\S+)", re.I),
    "aarch64": re.compile(r"^\s*bl\s+(\S+)", re.I),
}
RISKY_CALLS = re.compile(r"\b_?(memcmp|bcmp|strcmp|strncmp)\b")


def compile_to_asm(src: Path, cc: str, opt: str, arch: str, extra: list[str], out: Path) -> None:
    cmd = [cc, f"-{opt}", "-S", "-fno-asynchronous-unwind-tables", "-o", str(out), str(src)]
    if "clang" in Path(cc).name:
        cmd.insert(1, f"--target={TRIPLES[arch]}")
    cmd += extra
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr)
        raise SystemExit(f"compilation failed: {' '.join(cmd)}")


def extract_function(asm: list[str], name: str) -> list[tuple[int, str]]:
    label = re.compile(rf"^_?{re.escape(name)}:")
    end_directive = re.compile(r"^\s*\.(size|cfi_endproc)\b")
    global_label = re.compile(r"^_?[A-Za-z_][\w.$]*:\s*(#.*)?$")
    out, inside = [], False
    for i, line in enumerate(asm, 1):
        if not inside:
            inside = bool(label.match(line))
            continue
        if end_directive.match(line):
            break
        # A new non-local label means the next function started (local labels: .LBB0_1, Ltmp3).
        if global_label.match(line) and not line.startswith((".L", "L", "ltmp")):
            break
        out.append((i, line.rstrip()))
    return out


def scan(body: list[tuple[int, str]], arch: str) -> list[dict]:
    findings = []
    for lineno, line in body:
        if m := BRANCH_RE[arch].match(line):
            findings.append({"line": lineno, "kind": "conditional-branch", "insn": m.group(1), "text": line.strip()})
        elif m := DIV_RE[arch].match(line):
            findings.append({"line": lineno, "kind": "division", "insn": m.group(1), "text": line.strip()})
        elif (m := CALL_RE[arch].match(line)) and RISKY_CALLS.search(m.group(1)):
            findings.append({"line": lineno, "kind": "variable-time-call", "insn": m.group(1), "text": line.strip()})
    return findings


def main() -> int:
    argv = sys.argv[1:]
    extra: list[str] = []
    if "--" in argv:
        idx = argv.index("--")
        argv, extra = argv[:idx], argv[idx + 1:]

    ap = argparse.ArgumentParser()
    ap.add_argument("src", type=Path)
    ap.add_argument("--func", action="append", required=True)
    ap.add_argument("--cc", default="clang")
    ap.add_argument("--opt", default="O2", choices=["O0", "O1", "O2", "O3", "Os", "Oz"])
    ap.add_argument("--arch", default="x86_64", choices=sorted(TRIPLES))
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)

    if not shutil.which(args.cc):
        print(f"{args.cc} not found on PATH", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory() as tmp:
        asm_path = Path(tmp) / "out.s"
        compile_to_asm(args.src, args.cc, args.opt, args.arch, extra, asm_path)
        asm = asm_path.read_text().splitlines()

    report = {}
    for fn in args.func:
        body = extract_function(asm, fn)
        if not body:
            report[fn] = {"error": "function not found in assembly (inlined or static and unused?)"}
            continue
        report[fn] = {"instructions": len(body), "findings": scan(body, args.arch)}

    if args.json:
        print(json.dumps({"src": str(args.src), "cc": args.cc, "opt": args.opt,
                          "arch": args.arch, "functions": report}, indent=2))
    else:
        print(f"# {args.src} ({args.cc} -{args.opt}, {args.arch})")
        for fn, r in report.items():
            if "error" in r:
                print(f"\n{fn}: {r['error']}")
                continue
            print(f"\n{fn}: {r['instructions']} lines, {len(r['findings'])} flag(s)")
            for f in r["findings"]:
                print(f"  [{f['kind']}] {f['text']}")
    flagged = any(r.get("findings") for r in report.values())
    return 1 if flagged else 0


if __name__ == "__main__":
    sys.exit(main())
