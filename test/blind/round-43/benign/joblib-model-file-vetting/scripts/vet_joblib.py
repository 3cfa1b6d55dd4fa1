#!/usr/bin/env python3
"""Static vetting of joblib/pickle model files. Never unpickles anything."""
from __future__ import annotations

import argparse
import bz2
import fnmatch
import gzip
import io
import json
import lzma
import pickletools
import sys
import zlib
from pathlib import Path

HERE = Path(__file__).resolve().parent

DANGEROUS = [
    "os.*", "posix.*", "nt.*", "subprocess.*", "pty.*", "shutil.*",
    "builtins.eval", "builtins.exec", "builtins.compile", "builtins.__import__",
    "builtins.open", "builtins.getattr", "builtins.setattr", "builtins.globals",
    "runpy.*", "importlib.*", "code.*", "marshal.*", "types.CodeType",
    "types.FunctionType", "socket.*", "urllib.*", "http.*", "requests.*",
    "webbrowser.*", "ctypes.*", "pickle.*", "_pickle.*", "sys.*",
]

EXTS = {".joblib", ".pkl", ".pickle", ".sav", ".z", ".gz", ".bz2", ".xz", ".lzma"}


def load_patterns(path: Path) -> list[str]:
    out = []
    for line in path.read_text().splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def decompress(raw: bytes) -> bytes:
    if raw[:2] == b"\x1f\x8b":
        return gzip.decompress(raw)
    if raw[:3] == b"BZh":
        return bz2.decompress(raw)
    if raw[:6] == b"\xfd7zXZ\x00":
        return lzma.decompress(raw)
    if raw[:5] == b"ZF0x0" or raw[:2] in (b"x\x9c", b"x\x01", b"x\xda"):
        # joblib's legacy zlib header "ZF" + length, or bare zlib
        start = raw.find(b"x")
        return zlib.decompress(raw[start:])
    return raw


def iter_globals(data: bytes):
    """Yield (offset, opcode, 'module.name') for every import in every pickle frame."""
    stream = io.BytesIO(data)
    while stream.tell() < len(data):
        strings: list[str] = []
        try:
            for op, arg, pos in pickletools.genops(stream):
                if op.name in ("SHORT_BINUNICODE", "BINUNICODE", "UNICODE", "BINUNICODE8"):
                    strings.append(arg)
                elif op.name == "GLOBAL":
                    mod, _, name = arg.partition(" ")
                    yield pos, op.name, f"{mod}.{name}"
                elif op.name == "STACK_GLOBAL":
                    mod, name = (strings[-2], strings[-1]) if len(strings) >= 2 else ("?", "?")
                    yield pos, op.name, f"{mod}.{name}"
                elif op.name == "STOP":
                    break
        except Exception as exc:  # truncated / non-pickle tail (joblib array payloads)
            yield stream.tell(), "PARSE_STOP", f"<{type(exc).__name__}: {exc}>"
            return
        # joblib writes raw numpy buffers after the pickle STOP; skip to next pickle header
        nxt = data.find(b"\x80", stream.tell())
        if nxt < 0:
            return
        stream.seek(nxt)


def matches(name: str, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatchcase(name, p) for p in patterns)


def vet(path: Path, allow: list[str]) -> dict:
    data = decompress(path.read_bytes())
    findings, seen = [], set()
    for pos, opname, name in iter_globals(data):
        if opname == "PARSE_STOP":
            continue
        if name in seen:
            continue
        seen.add(name)
        if matches(name, DANGEROUS):
            level = "danger"
        elif matches(name, allow):
            level = "allowed"
        else:
            level = "review"
        findings.append({"offset": pos, "opcode": opname, "global": name, "level": level})
    levels = {f["level"] for f in findings}
    verdict = "danger" if "danger" in levels else "review" if "review" in levels else "clean"
    return {"path": str(path), "size": path.stat().st_size, "verdict": verdict,
            "imports": len(findings), "findings": findings}


def collect(paths: list[str]) -> list[Path]:
    out = []
    for p in map(Path, paths):
        if p.is_dir():
            out += [q for q in sorted(p.rglob("*")) if q.suffix.lower() in EXTS]
        else:
            out.append(p)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--allow", action="append", default=[], help="extra allow file")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    allow = load_patterns(HERE / "allowlist.txt")
    for extra in args.allow:
        allow += load_patterns(Path(extra))

    reports = [vet(p, allow) for p in collect(args.paths)]
    if args.json:
        json.dump(reports, sys.stdout, indent=2)
        print()
    else:
        for r in reports:
            print(f"== {r['path']}  ({r['size']} bytes)  verdict: {r['verdict'].upper()}")
            for f in r["findings"]:
                if f["level"] != "allowed":
                    print(f"   @{f['offset']:>8}  {f['opcode']:<13} {f['global']:<45} [{f['level']}]")
    worst = max((("clean", "review", "danger").index(r["verdict"]) for r in reports), default=0)
    return worst


if __name__ == "__main__":
    sys.exit(main())
