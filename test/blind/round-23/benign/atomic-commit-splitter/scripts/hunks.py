#!/usr/bin/env python3
"""Number the hunks of `git diff` and stage selected ones non-interactively.

  hunks.py list [--stat] [-- PATHS...]
  hunks.py show N
  hunks.py stage N [M ...]
  hunks.py split N          (print N as smaller hunks, if it has unchanged gaps)

Stages via `git apply --cached` so the working tree is never modified.
"""
from __future__ import annotations

import re
import subprocess
import sys
from dataclasses import dataclass, field

HUNK_RE = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$")


@dataclass
class Hunk:
    header_lines: list[str]          # file header (diff --git, index, ---, +++ ...)
    path: str
    head: str                        # @@ line
    body: list[str] = field(default_factory=list)
    new_file: bool = False

    def patch(self) -> str:
        return "".join(self.header_lines) + self.head + "".join(self.body)

    def whitespace_only(self) -> bool:
        minus = [l[1:].strip() for l in self.body if l.startswith("-")]
        plus = [l[1:].strip() for l in self.body if l.startswith("+")]
        return bool(minus or plus) and "".join(minus).replace(" ", "") == "".join(plus).replace(" ", "")


def git(*args: str, input: str | None = None) -> str:
    r = subprocess.run(["git", *args], input=input, text=True, capture_output=True)
    if r.returncode != 0:
        sys.exit(f"git {' '.join(args)} failed:\n{r.stderr}")
    return r.stdout


def parse(diff: str) -> list[Hunk]:
    hunks: list[Hunk] = []
    header: list[str] = []
    path = ""
    new_file = False
    current: Hunk | None = None
    for line in diff.splitlines(keepends=True):
        if line.startswith("diff --git "):
            current = None
            header = [line]
            path = line.split(" b/", 1)[-1].strip()
            new_file = False
        elif current is None and not line.startswith("@@"):
            header.append(line)
            if line.startswith("new file mode"):
                new_file = True
        elif line.startswith("@@"):
            current = Hunk(list(header), path, line, new_file=new_file)
            hunks.append(current)
        elif current is not None:
            current.body.append(line)
    return hunks


def load(paths: list[str]) -> list[Hunk]:
    # --no-color, no external diff tools, stable prefixes: output must be apply-able.
    return parse(git("-c", "core.quotepath=off", "diff", "--no-color", "--no-ext-diff",
                     "--src-prefix=a/", "--dst-prefix=b/", "-U3", "--", *paths))


def describe(i: int, h: Hunk) -> str:
    m = HUNK_RE.match(h.head.rstrip("\n"))
    ctx = m.group(5).strip() if m else ""
    tags = []
    if h.new_file:
        tags.append("new file")
    if h.whitespace_only():
        tags.append("whitespace-only")
    adds = sum(l.startswith("+") for l in h.body)
    dels = sum(l.startswith("-") for l in h.body)
    rng = h.head.split("@@")[1].strip()
    return f"[{i}] {h.path} @@ {rng} @@ {ctx}  (+{adds} -{dels}{', ' + ', '.join(tags) if tags else ''})"


def split(h: Hunk) -> list[Hunk]:
    """Split a hunk at runs of context lines between changes."""
    m = HUNK_RE.match(h.head.rstrip("\n"))
    old_start, new_start = int(m.group(1)), int(m.group(3))
    pieces, cur, o, n = [], [], old_start, new_start
    start_o, start_n = o, n
    seen_change = False
    for idx, line in enumerate(h.body):
        if line.startswith("\\"):
            cur.append(line)
            continue
        is_ctx = line.startswith(" ")
        next_change = any(not l.startswith((" ", "\\")) for l in h.body[idx + 1: idx + 2])
        if is_ctx and seen_change and next_change is False and cur and not cur[-1].startswith(" "):
            cur.append(line)
            pieces.append((start_o, start_n, cur))
            cur, seen_change = [], False
            o += 1
            n += 1
            start_o, start_n = o, n
            continue
        if not cur:
            start_o, start_n = o, n
        cur.append(line)
        if line.startswith("-"):
            o += 1
            seen_change = True
        elif line.startswith("+"):
            n += 1
            seen_change = True
        else:
            o += 1
            n += 1
    if cur:
        pieces.append((start_o, start_n, cur))
    out = []
    for so, sn, body in pieces:
        if not any(l.startswith(("+", "-")) for l in body):
            continue
        oc = sum(not l.startswith(("+", "\\")) for l in body)
        nc = sum(not l.startswith(("-", "\\")) for l in body)
        out.append(Hunk(h.header_lines, h.path, f"@@ -{so},{oc} +{sn},{nc} @@\n", body, h.new_file))
    return out


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__)
        return 2
    cmd, rest = argv[0], argv[1:]
    paths = rest[rest.index("--") + 1:] if "--" in rest else []
    hunks = load(paths)
    if cmd == "list":
        if not hunks:
            print("no unstaged changes")
        if "--stat" in rest:
            from collections import Counter
            for p, c in Counter(h.path for h in hunks).items():
                print(f"{c:>4}  {p}")
        else:
            for i, h in enumerate(hunks, 1):
                print(describe(i, h))
        return 0
    nums = [int(x) for x in rest if x.isdigit()]
    for n in nums:
        if not 1 <= n <= len(hunks):
            sys.exit(f"no hunk {n}; run 'list' again (numbering changes after staging)")
    if cmd == "show":
        for n in nums:
            print(describe(n, hunks[n - 1]))
            sys.stdout.write(hunks[n - 1].head + "".join(hunks[n - 1].body))
        return 0
    if cmd == "split":
        parts = split(hunks[nums[0] - 1])
        print(f"hunk {nums[0]} -> {len(parts)} part(s); stage them with 'stage' after re-listing with -U0 if needed:")
        for p in parts:
            sys.stdout.write(p.head + "".join(p.body))
        return 0
    if cmd == "stage":
        # Group by file so each file header appears once, hunks in original order.
        patch, last_header = [], None
        for n in sorted(nums):
            h = hunks[n - 1]
            if h.header_lines != last_header:
                patch.append("".join(h.header_lines))
                last_header = h.header_lines
            patch.append(h.head + "".join(h.body))
        text = "".join(patch)
        git("apply", "--cached", "--check", "--recount", "-", input=text)
        git("apply", "--cached", "--recount", "-", input=text)
        print(f"staged hunk(s) {', '.join(map(str, sorted(nums)))}")
        print(git("diff", "--cached", "--stat"))
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
