#!/usr/bin/env python3
"""Inventory binary files tracked in a git repo. Never imports or executes repository files."""
import argparse
import hashlib
import importlib.util
import json
import marshal
import subprocess
import sys
import types
from pathlib import Path

PYC_MAGIC = {3394: "3.7", 3413: "3.8", 3425: "3.9", 3439: "3.10", 3495: "3.11",
             3531: "3.12", 3571: "3.13"}
MAGICS = [(b"\x7fELF", "elf"), (b"\xcf\xfa\xed\xfe", "macho"), (b"\xfe\xed\xfa\xcf", "macho"),
          (b"\xca\xfe\xba\xbe", "macho-fat/class"), (b"MZ", "pe"), (b"\0asm", "wasm"),
          (b"PK\x03\x04", "zip"), (b"\x1f\x8b", "gzip")]


def git(repo, *args):
    return subprocess.run(["git", "-C", repo, *args], capture_output=True, check=False).stdout


def kind_of(path, head):
    if path.suffix == ".pyc" and len(head) >= 4 and head[2:4] == b"\r\n":
        num = int.from_bytes(head[:2], "little")
        return "pyc-" + PYC_MAGIC.get(num, "unknown")
    for sig, name in MAGICS:
        if head.startswith(sig):
            return name
    if b"\0" in head:
        return "unknown-binary"
    return None


def first_add(repo, rel):
    out = git(repo, "log", "--diff-filter=A", "--follow", "--format=%h|%an|%as", "--", rel)
    lines = out.decode(errors="replace").strip().splitlines()
    return lines[-1] if lines else ""


def disasm(pyc):
    data = Path(pyc).read_bytes()
    num = int.from_bytes(data[:2], "little")
    here = int.from_bytes(importlib.util.MAGIC_NUMBER[:2], "little")
    if num != here:
        sys.exit(f"magic {num} ({PYC_MAGIC.get(num, '?')}) does not match this Python ({here}); use matching version")
    code = marshal.loads(data[16:])  # code object only; not executed

    def walk(c, depth=0):
        print("  " * depth + f"code {c.co_name} ({c.co_filename}:{c.co_firstlineno})")
        for k in c.co_consts:
            if isinstance(k, types.CodeType):
                walk(k, depth + 1)
            elif isinstance(k, (str, bytes)) and len(k) > 3:
                print("  " * depth + f"  const {k!r:.120}")
        print("  " * depth + f"  names {list(c.co_names)[:40]}")
    walk(code)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=".")
    ap.add_argument("--out")
    ap.add_argument("--md", action="store_true")
    ap.add_argument("--untracked", action="store_true")
    ap.add_argument("--max-size", default="200M")
    ap.add_argument("--disasm")
    a = ap.parse_args()
    if a.disasm:
        return disasm(a.disasm)
    limit = int(a.max_size.rstrip("M")) * 1024 * 1024
    files = git(a.repo, "ls-files", "-z").split(b"\0")
    if a.untracked:
        files += git(a.repo, "ls-files", "-z", "--others", "--ignored", "--exclude-standard").split(b"\0")
    lfs = set(git(a.repo, "lfs", "ls-files", "-n").decode(errors="replace").split())
    rows = []
    for raw in filter(None, files):
        rel = raw.decode(errors="replace")
        p = Path(a.repo) / rel
        if not p.is_file():
            continue
        with open(p, "rb") as fh:
            head = fh.read(8192)
        k = kind_of(p, head)
        if not k:
            continue
        size = p.stat().st_size
        row = {"path": rel, "type": k, "size": size, "lfs": rel in lfs, "added": first_add(a.repo, rel)}
        row["sha256"] = hashlib.sha256(p.read_bytes()).hexdigest() if size <= limit else None
        if k.startswith("pyc"):
            src = p.with_suffix(".py")
            if p.parent.name == "__pycache__":
                src = p.parent.parent / (p.name.split(".")[0] + ".py")
            row["in_pycache"] = p.parent.name == "__pycache__"
            row["orphan"] = not src.exists()
        rows.append(row)
    rows.sort(key=lambda r: (not r.get("orphan", False), r["type"], r["path"]))
    if a.out:
        Path(a.out).write_text(json.dumps(rows, indent=2))
    if a.md or not a.out:
        print("| type | size | path | note |\n|---|---|---|---|")
        for r in rows:
            note = []
            if r.get("orphan"):
                note.append("ORPHAN")
            if r.get("in_pycache") is False:
                note.append("not in __pycache__")
            if r["lfs"]:
                note.append("LFS")
            note.append(r["added"])
            print(f"| {r['type']} | {r['size']} | `{r['path']}` | {', '.join(filter(None, note))} |")


if __name__ == "__main__":
    main()
