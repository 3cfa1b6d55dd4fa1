#!/usr/bin/env python3
"""Delta-debugging (ddmin) input reducer.

The --test command is run as: <test> <candidate-file>
and must exit 0 when the candidate is still "interesting".
"""
import argparse
import hashlib
import json
import os
import shlex
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def split(data: str, unit: str):
    if unit == "line":
        return data.splitlines(keepends=True)
    if unit == "token":
        import re
        return re.findall(r"\S+\s*|\s+", data)
    if unit == "char":
        return list(data)
    raise ValueError(unit)


class Tester:
    def __init__(self, cmd, suffix, timeout):
        self.cmd = shlex.split(cmd)
        self.suffix = suffix
        self.timeout = timeout
        self.cache = {}
        self.runs = 0

    def __call__(self, text: str) -> bool:
        key = hashlib.sha1(text.encode("utf-8", "surrogateescape")).hexdigest()
        if key in self.cache:
            return self.cache[key]
        with tempfile.NamedTemporaryFile("w", suffix=self.suffix, delete=False, encoding="utf-8", errors="surrogateescape") as fh:
            fh.write(text)
            path = fh.name
        try:
            self.runs += 1
            r = subprocess.run(self.cmd + [path], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=self.timeout)
            ok = r.returncode == 0
        except subprocess.TimeoutExpired:
            ok = False
        finally:
            os.unlink(path)
        self.cache[key] = ok
        return ok


def ddmin(items, test, join, progress):
    n = 2
    while len(items) >= 2:
        chunk = max(1, len(items) // n)
        subsets = [items[i:i + chunk] for i in range(0, len(items), chunk)]
        reduced = False
        for i in range(len(subsets)):
            complement = [x for j, s in enumerate(subsets) if j != i for x in s]
            if complement and test(join(complement)):
                items = complement
                n = max(n - 1, 2)
                reduced = True
                progress(items)
                break
        if not reduced:
            for s in subsets:
                if test(join(s)):
                    items = s
                    n = 2
                    reduced = True
                    progress(items)
                    break
        if not reduced:
            if n >= len(items):
                break
            n = min(len(items), n * 2)
    return items


def reduce_json(obj, test):
    """Greedy structural reduction: drop keys / elements while interesting."""
    dump = lambda o: json.dumps(o, indent=1, ensure_ascii=False)
    changed = True
    while changed:
        changed = False
        for path in list(_paths(obj)):
            candidate = _delete(obj, path)
            if candidate is not None and test(dump(candidate)):
                obj = candidate
                changed = True
                break
    return obj


def _paths(o, prefix=()):
    if isinstance(o, dict):
        for k in o:
            yield prefix + (k,)
            yield from _paths(o[k], prefix + (k,))
    elif isinstance(o, list):
        for i in range(len(o)):
            yield prefix + (i,)
            yield from _paths(o[i], prefix + (i,))


def _delete(o, path):
    o = json.loads(json.dumps(o))
    cur = o
    for p in path[:-1]:
        cur = cur[p]
    try:
        del cur[path[-1]]
    except (KeyError, IndexError, TypeError):
        return None
    return o


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("input")
    ap.add_argument("--test", required=True)
    ap.add_argument("--unit", choices=["line", "token", "char", "json"], default="line")
    ap.add_argument("--timeout", type=int, default=60)
    ap.add_argument("-o", "--output")
    args = ap.parse_args()

    src = Path(args.input)
    out = Path(args.output or f"{src.stem}.min{src.suffix}")
    data = src.read_text(encoding="utf-8", errors="surrogateescape")
    test = Tester(args.test, src.suffix, args.timeout)
    if not test(data):
        sys.exit("the original input is NOT interesting according to --test; fix the predicate first")

    start = time.time()
    progress_file = out.with_suffix(out.suffix + ".progress")

    if args.unit == "json":
        result = json.dumps(reduce_json(json.loads(data), test), indent=1, ensure_ascii=False)
    else:
        def progress(items):
            progress_file.write_text("".join(items), encoding="utf-8", errors="surrogateescape")
            print(f"\r{len(items):>8} {args.unit}s  ({test.runs} tests, {time.time() - start:.0f}s)", end="", file=sys.stderr)
        result = "".join(ddmin(split(data, args.unit), test, "".join, progress))
        print(file=sys.stderr)

    out.write_text(result, encoding="utf-8", errors="surrogateescape")
    progress_file.unlink(missing_ok=True)
    print(f"{len(data)} -> {len(result)} chars in {test.runs} tests; wrote {out}")


if __name__ == "__main__":
    main()
