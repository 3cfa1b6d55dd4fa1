#!/usr/bin/env python3
"""Flag timing-relevant instructions in selected functions of a binary or static library.

Usage: ct_asm_scan.py <binary-or-archive> --func NAME [--func NAME ...] [--objdump PATH]
"""
import argparse
import re
import shutil
import subprocess
import sys

COND_BRANCH = re.compile(r"\b(j(?!mp)[a-z]{1,3}|b\.(eq|ne|lt|le|gt|ge|hi|lo|hs|ls|cc|cs|mi|pl)|cbn?z|tbn?z)\b")
DIVISION = re.compile(r"\b(i?div[bwlq]?|[su]div)\b")
CMOV = re.compile(r"\b(cmov[a-z]+|csel|csinc)\b")
CALL = re.compile(r"\b(call[q]?|bl)\s+[0-9a-f]+\s+<([^>]+)>")


def disassemble(path: str, objdump: str) -> str:
    res = subprocess.run([objdump, "-d", "--no-show-raw-insn", "-M", "intel", path],
                         capture_output=True, text=True)
    if res.returncode != 0:
        # -M intel is x86-only; retry without it for other architectures
        res = subprocess.run([objdump, "-d", "--no-show-raw-insn", path], capture_output=True, text=True, check=True)
    return res.stdout


def functions(asm: str):
    current, lines = None, []
    for line in asm.splitlines():
        m = re.match(r"^[0-9a-f]+ <(.+)>:$", line)
        if m:
            if current:
                yield current, lines
            current, lines = m.group(1), []
        elif current and line.strip():
            lines.append(line.rstrip())
    if current:
        yield current, lines


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("binary")
    ap.add_argument("--func", action="append", required=True)
    ap.add_argument("--objdump", default=shutil.which("objdump") or "objdump")
    a = ap.parse_args()

    wanted = set(a.func)
    found = set()
    for name, lines in functions(disassemble(a.binary, a.objdump)):
        if name not in wanted:
            continue
        found.add(name)
        print(f"\n== {name} ({len(lines)} instructions)")
        flags = 0
        for ln in lines:
            tag = None
            if DIVISION.search(ln):
                tag = "DIV  (variable-time on secret operands)"
            elif COND_BRANCH.search(ln):
                tag = "JCC  (check: does the condition depend on a secret?)"
            elif CMOV.search(ln):
                tag = "CMOV (usually fine)"
            else:
                m = CALL.search(ln)
                if m:
                    tag = f"CALL {m.group(2)} (review callee too)"
            if tag:
                flags += 1
                print(f"  {tag:55s} {ln.strip()}")
        if not flags:
            print("  no flagged instructions")
    missing = wanted - found
    if missing:
        print(f"\nnot found (inlined or stripped?): {', '.join(sorted(missing))}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
