#!/usr/bin/env python3
"""Minimal crossword grid tools: new, check, fill (backtracking)."""
import argparse
import json
import random
import sys

PATTERNS = {
    "times-7": [
        "...#...........", ".#.#.#.#.#.#.#.", "........#......", ".#.#.#.#.#.#.#.",
        ".....#.........", ".#.#.#.#.#.#.#.", "#.........#....", ".#.#.#.#.#.#.#.",
        "....#.........#", ".#.#.#.#.#.#.#.", ".........#.....", ".#.#.#.#.#.#.#.",
        "......#........", ".#.#.#.#.#.#.#.", "...........#...",
    ]
}


def new(size, pattern):
    rows = PATTERNS[pattern]
    puzzle = [[("#" if c == "#" else 0) for c in r] for r in rows]
    return {"version": "http://ipuz.org/v2", "kind": ["http://ipuz.org/crossword#1"],
            "dimensions": {"width": size, "height": size}, "puzzle": puzzle,
            "solution": [[("#" if c == "#" else None) for c in r] for r in rows], "clues": {}}


def slots(grid):
    h, w = len(grid), len(grid[0])
    out = []
    for r in range(h):
        for c in range(w):
            if grid[r][c] == "#":
                continue
            for dr, dc, d in ((0, 1, "A"), (1, 0, "D")):
                pr, pc = r - dr, c - dc
                if (pr < 0 or pc < 0 or grid[pr][pc] == "#"):
                    cells = []
                    rr, cc = r, c
                    while rr < h and cc < w and grid[rr][cc] != "#":
                        cells.append((rr, cc)); rr += dr; cc += dc
                    if len(cells) > 1:
                        out.append((d, cells))
    return out


def check(ipuz):
    g = ipuz["puzzle"]
    n = len(g)
    sym = all((g[r][c] == "#") == (g[n - 1 - r][n - 1 - c] == "#") for r in range(n) for c in range(n))
    print("symmetry:", "ok" if sym else "BROKEN")
    print("lights:", len(slots(g)))


def fill(ipuz, words):
    sol = ipuz["solution"]
    ss = slots(ipuz["puzzle"])
    by_len = {}
    for w in words:
        by_len.setdefault(len(w), []).append(w)

    def fits(cells, w):
        return all(sol[r][c] in (None, ch) for (r, c), ch in zip(cells, w))

    def solve(i=0):
        if i == len(ss):
            return True
        d, cells = ss[i]
        cands = [w for w in by_len.get(len(cells), []) if fits(cells, w)]
        random.shuffle(cands)
        for w in cands[:200]:
            saved = [sol[r][c] for r, c in cells]
            for (r, c), ch in zip(cells, w):
                sol[r][c] = ch
            if solve(i + 1):
                return True
            for (r, c), ch in zip(cells, saved):
                sol[r][c] = ch
        return False

    ss.sort(key=lambda s: -len(s[1]))
    print("filled" if solve() else "no fill found", file=sys.stderr)
    return ipuz


if __name__ == "__main__":
    p = argparse.ArgumentParser()
    p.add_argument("cmd", choices=["new", "check", "fill"])
    p.add_argument("file", nargs="?")
    p.add_argument("--size", type=int, default=15)
    p.add_argument("--pattern", default="times-7")
    p.add_argument("--wordlist", default="wordlists/ukacd.txt")
    a = p.parse_args()
    if a.cmd == "new":
        json.dump(new(a.size, a.pattern), sys.stdout)
    elif a.cmd == "check":
        check(json.load(open(a.file)))
    else:
        words = [w.strip().upper() for w in open(a.wordlist) if w.strip().isalpha()]
        json.dump(fill(json.load(open(a.file)), words), sys.stdout)
