#!/usr/bin/env python3
"""Find and remove temporary debug probes tagged with a DBG- marker.

  probes.py list [MARKER]      show tagged lines (default: any DBG-*)
  probes.py remove MARKER      delete every line containing MARKER in tracked files
  probes.py check              exit 1 if any DBG- marker remains in tracked files
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

ANY = re.compile(r"\bDBG-[A-Za-z0-9_.-]+")


def tracked_files():
    out = subprocess.run(["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
                         capture_output=True, check=True).stdout
    for name in out.split(b"\0"):
        if name:
            p = Path(name.decode())
            if p.is_file() and p.stat().st_size < 5_000_000:
                yield p


def matches(marker):
    pattern = re.compile(re.escape(marker)) if marker else ANY
    for path in tracked_files():
        try:
            lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
        except (UnicodeDecodeError, OSError):
            continue
        hits = [(i, line) for i, line in enumerate(lines, 1) if pattern.search(line)]
        if hits:
            yield path, lines, hits


def dirty_outside_probes(path, marker):
    diff = subprocess.run(["git", "diff", "-U0", "--", str(path)],
                          capture_output=True, text=True).stdout
    for line in diff.splitlines():
        if line.startswith(("+", "-")) and not line.startswith(("+++", "---")):
            if marker not in line:
                return True
    return False


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("cmd", choices=["list", "remove", "check"])
    ap.add_argument("marker", nargs="?")
    ap.add_argument("--force", action="store_true")
    args = ap.parse_args()

    if args.cmd == "list":
        total = 0
        for path, _, hits in matches(args.marker):
            for n, line in hits:
                print(f"{path}:{n}: {line.rstrip()}")
            total += len(hits)
        print(f"{total} probe line(s)", file=sys.stderr)
    elif args.cmd == "remove":
        if not args.marker or not args.marker.startswith("DBG-"):
            sys.exit("give the exact marker, e.g. DBG-cache-tenant")
        for path, lines, hits in matches(args.marker):
            if not args.force and dirty_outside_probes(path, args.marker):
                print(f"skip {path}: has uncommitted changes that are not probes (use --force)")
                continue
            drop = {n for n, _ in hits}
            path.write_text("".join(l for i, l in enumerate(lines, 1) if i not in drop),
                            encoding="utf-8")
            print(f"{path}: removed {len(drop)} line(s)")
    else:
        found = [(p, n, l) for p, _, hits in matches(None) for n, l in hits]
        for p, n, l in found:
            print(f"{p}:{n}: {l.rstrip()}")
        sys.exit(1 if found else 0)


if __name__ == "__main__":
    main()
