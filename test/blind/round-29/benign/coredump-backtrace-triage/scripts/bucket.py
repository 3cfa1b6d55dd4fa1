#!/usr/bin/env python3
"""Group gdb/lldb backtrace files by crash signature (signal + top meaningful frames)."""
from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

FRAME = re.compile(r"^#(\d+)\s+(?:0x[0-9a-f]+ in )?(?P<fn>[^\s(]+)\s*\(.*?\)(?: at (?P<file>[^:\s]+))?", re.M)
LLDB_FRAME = re.compile(r"frame #(\d+): 0x[0-9a-f]+ \S+`(?P<fn>[^\s(+]+)[^\n]*?(?: at (?P<file>[^:\s]+))?", re.M)
SIGNAL = re.compile(r"(SIG[A-Z]+)|signal (\d+)|stop reason = (\S+)")
SKIP = re.compile(r"^(abort|raise|__GI_|__assert|__libc_|__pthread_kill|pthread_kill|gsignal|std::terminate|"
                  r"__sanitizer|__asan|__ubsan|_start|__cxa_|__gnu_cxx::__verbose_terminate_handler)")


def crashing_thread(text: str) -> str:
    # gdb prints "Thread N (...)" blocks; the first block after "Program terminated" is the crashing one.
    parts = re.split(r"\nThread \d+ ", text)
    return parts[1] if len(parts) > 1 else text


def signature(text: str, top: int = 3) -> tuple[str, tuple[str, ...]]:
    sig = SIGNAL.search(text)
    signal = next((g for g in sig.groups() if g), "?") if sig else "?"
    thread = crashing_thread(text)
    frames = [(m.group("fn"), Path(m.group("file")).name if m.group("file") else "")
              for m in list(FRAME.finditer(thread)) or list(LLDB_FRAME.finditer(thread))]
    meaningful = [f"{fn} ({file})" if file else fn for fn, file in frames if not SKIP.match(fn) and fn != "??"]
    return signal, tuple(meaningful[:top]) or ("<no symbolised frames>",)


def main() -> int:
    if len(sys.argv) != 2:
        sys.exit("usage: bucket.py BT_DIR")
    buckets: dict[tuple, list[Path]] = defaultdict(list)
    for p in sorted(Path(sys.argv[1]).glob("*.txt")):
        buckets[signature(p.read_text(errors="replace"))].append(p)

    print(f"# Crash buckets ({sum(len(v) for v in buckets.values())} cores, {len(buckets)} buckets)\n")
    for i, ((signal, frames), files) in enumerate(sorted(buckets.items(), key=lambda kv: -len(kv[1])), 1):
        print(f"## {i}. {signal} — {len(files)} core(s)\n")
        for f in frames:
            print(f"- `{f}`")
        print(f"\nexample: `{files[0]}`\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
