#!/usr/bin/env python3
"""Compile C/C++ to assembly and flag constructs that may be variable-time.

Only compiles with -S; never links or runs the code.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

X86_BRANCH = re.compile(r"^\s*(j(?!mp\b)[a-z]{1,3})\s", re.I)
ARM_BRANCH = re.compile(r"^\s*(b\.(?:eq|ne|lt|le|gt|ge|hi|lo|hs|ls|mi|pl)|cbz|cbnz|tbz|tbnz)\s", re.I)
VARTIME = re.compile(r"^\s*(i?div[bwlq]?|udiv|sdiv|sqrtsd|sqrtss|fdiv)\b", re.I)
CALLS = re.compile(r"\b(call|bl)\s+_?(memcmp|strcmp|bcmp|strncmp)\b", re.I)


def compile_to_asm(src, cc, opt, arch, extra):
    out = Path(f"{Path(src).stem}.{cc}{opt}.s")
    cmd = [cc, "-S", opt, "-fno-asynchronous-unwind-tables", "-o", str(out), src, *extra]
    if arch and cc.startswith("clang"):
        cmd[1:1] = ["-target", f"{arch}-unknown-linux-gnu"]
    subprocess.run(cmd, check=True)
    return out


def functions(asm_text, wanted, go=False):
    current, body = None, []
    for line in asm_text.splitlines():
        if go:
            m = re.match(r'^"?[\w./]*\.(\w+)\s+STEXT', line)
        else:
            m = re.match(r"^_?([A-Za-z_][\w.$]*):\s*(#.*)?$", line)
        if m and not line.startswith(".L") and not line.startswith("L"):
            if current and (not wanted or current in wanted):
                yield current, body
            current, body = m.group(1), []
        elif current:
            body.append(line)
    if current and (not wanted or current in wanted):
        yield current, body


def scan(name, body):
    findings = []
    for i, line in enumerate(body, 1):
        if X86_BRANCH.match(line) or ARM_BRANCH.match(line):
            findings.append((i, "branch", line.strip()))
        elif VARTIME.match(line):
            findings.append((i, "variable-time insn", line.strip()))
        elif CALLS.search(line):
            findings.append((i, "early-exit compare call", line.strip()))
    return findings


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("source", nargs="?")
    ap.add_argument("--asm", help="scan an existing .s file instead of compiling")
    ap.add_argument("--go", action="store_true", help="input is `go build -gcflags=-S` output")
    ap.add_argument("--func", action="append", default=[])
    ap.add_argument("--cc", default="cc")
    ap.add_argument("--opt", nargs="+", default=["-O2"])
    ap.add_argument("--arch")
    ap.add_argument("--cflag", action="append", default=[])
    a = ap.parse_args()

    inputs = []
    if a.asm:
        inputs.append((a.asm, Path(a.asm).read_text()))
    elif a.source:
        for opt in a.opt:
            path = compile_to_asm(a.source, a.cc, opt, a.arch, a.cflag)
            inputs.append((f"{a.cc} {opt}", path.read_text()))
    else:
        ap.error("give a source file or --asm")

    total = 0
    for label, text in inputs:
        print(f"== {label}")
        seen = False
        for name, body in functions(text, set(a.func), go=a.go):
            seen = True
            found = scan(name, body)
            total += len(found)
            status = "clean" if not found else f"{len(found)} flag(s)"
            print(f"  {name}: {status}")
            for ln, kind, insn in found:
                print(f"    +{ln:<4} {kind:<24} {insn}")
        if not seen:
            print("  (no matching functions — check --func names; C++ names may be mangled)")
    print(f"\n{total} item(s) to review by hand. Loop back-edges on public counters are expected.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
