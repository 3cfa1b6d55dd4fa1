#!/usr/bin/env python3
"""
Flag potentially variable-time instructions in a compiled function.

Compiles a C/C++ source file to assembly with debug line info, extracts one
function, and reports:
  - integer division / remainder instructions
  - conditional branches
  - memory loads with an index register (possible secret-indexed table lookups)

The report maps each instruction back to its source line so a reviewer can
decide whether its operand depends on secret data.

Usage:
  ct_analyzer.py FILE --func NAME [--opt O2] [--arch x86_64|aarch64] [--cc clang]
                      [--cflags "..."] [--json]
"""

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DIV_OPS = {
    "x86_64": re.compile(r"^\s*(div|idiv)[bwlq]?\b", re.I),
    "aarch64": re.compile(r"^\s*(udiv|sdiv)\b", re.I),
}
BRANCH_OPS = {
    "x86_64": re.compile(r"^\s*j(?!mp\b)[a-z]{1,3}\b", re.I),
    "aarch64": re.compile(r"^\s*(b\.[a-z]{2}|cbz|cbnz|tbz|tbnz)\b", re.I),
}
INDEXED_LOAD = {
    "x86_64": re.compile(r"^\s*mov\w*\s+[^,]*\(%\w+,%\w+(,\d)?\)", re.I),
    "aarch64": re.compile(r"^\s*ldr\w*\s+\w+,\s*\[\w+,\s*\w+(,\s*\w+\s*#?\d*)?\]", re.I),
}
TARGETS = {
    "x86_64": "x86_64-linux-gnu",
    "aarch64": "aarch64-linux-gnu",
}
LOC_RE = re.compile(r"^\s*\.loc\s+(\d+)\s+(\d+)")
FILE_RE = re.compile(r'^\s*\.file\s+(\d+)\s+"([^"]+)"(?:\s+"([^"]+)")?')


def compile_to_asm(src: Path, cc: str, opt: str, arch: str, cflags: str) -> str:
    if shutil.which(cc) is None:
        sys.exit(f"error: compiler '{cc}' not found in PATH")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "out.s"
        cmd = [cc, f"-{opt}", "-g", "-S", "-fno-asynchronous-unwind-tables", "-o", str(out), str(src)]
        if cc.startswith("clang"):
            cmd.insert(1, f"--target={TARGETS[arch]}")
        if cflags:
            cmd[1:1] = cflags.split()
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            sys.exit(f"error: compilation failed:\n{proc.stderr}")
        return out.read_text()


def extract_function(asm: str, func: str) -> list[str]:
    lines = asm.splitlines()
    label = re.compile(rf"^_?{re.escape(func)}:\s*(#.*)?$")
    start = next((i for i, l in enumerate(lines) if label.match(l)), None)
    if start is None:
        sys.exit(f"error: function '{func}' not found in assembly (static and inlined away?)")
    body = []
    for l in lines[start + 1:]:
        if re.match(r"^\s*\.(cfi_endproc|size)\b", l) or re.match(r"^_?[A-Za-z_.$][\w.$]*:\s*$", l) and not l.startswith(".L"):
            break
        body.append(l)
    return body


def source_lines(src: Path) -> list[str]:
    try:
        return src.read_text(errors="replace").splitlines()
    except OSError:
        return []


def analyze(body: list[str], arch: str, src_text: list[str], src_name: str) -> list[dict]:
    findings = []
    cur_line = None
    file_ids = {}
    cur_file = None
    for raw in body:
        m = FILE_RE.match(raw)
        if m:
            file_ids[m.group(1)] = m.group(3) or m.group(2)
            continue
        m = LOC_RE.match(raw)
        if m:
            cur_file = file_ids.get(m.group(1), src_name)
            cur_line = int(m.group(2))
            continue
        insn = raw.split("#")[0].split("//")[0].rstrip()
        if not insn.strip() or insn.strip().startswith("."):
            continue

        kind = None
        if DIV_OPS[arch].match(insn):
            kind = "division"
        elif BRANCH_OPS[arch].match(insn):
            kind = "conditional-branch"
        elif INDEXED_LOAD[arch].match(insn):
            kind = "indexed-load"
        if kind:
            snippet = ""
            if cur_line and Path(cur_file or "").name == Path(src_name).name and cur_line <= len(src_text):
                snippet = src_text[cur_line - 1].strip()
            findings.append({
                "kind": kind,
                "instruction": insn.strip(),
                "line": cur_line,
                "source": snippet,
            })
    return findings


def main() -> None:
    ap = argparse.ArgumentParser(description="Flag variable-time instructions in a compiled function")
    ap.add_argument("file", type=Path)
    ap.add_argument("--func", required=True)
    ap.add_argument("--opt", default="O2", choices=["O0", "O1", "O2", "O3", "Os", "Oz"])
    ap.add_argument("--arch", default="x86_64", choices=sorted(TARGETS))
    ap.add_argument("--cc", default="clang")
    ap.add_argument("--cflags", default="")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    args = ap.parse_args()

    asm = compile_to_asm(args.file, args.cc, args.opt, args.arch, args.cflags)
    body = extract_function(asm, args.func)
    findings = analyze(body, args.arch, source_lines(args.file), str(args.file))

    if args.json:
        print(json.dumps({"function": args.func, "opt": args.opt, "arch": args.arch, "findings": findings}, indent=2))
        return

    print(f"{args.func} ({args.cc} -{args.opt}, {args.arch}): {len(findings)} candidate(s)")
    for f in findings:
        loc = f"L{f['line']}" if f["line"] else "L?"
        print(f"  [{f['kind']:<18}] {loc:<6} {f['instruction']:<40} {f['source']}")
    if not findings:
        print("  no divisions, conditional branches or indexed loads found")
        print("  (this is not a proof of constant-time behaviour; see SKILL.md Limitations)")


if __name__ == "__main__":
    main()
