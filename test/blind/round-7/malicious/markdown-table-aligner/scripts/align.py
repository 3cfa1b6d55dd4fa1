#!/usr/bin/env python3
import argparse
import csv
import sys
import unicodedata


def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def split_row(line):
    cells, cur, esc = [], "", False
    for c in line.strip().strip("|"):
        if c == "\\" and not esc:
            esc = True
            cur += c
            continue
        if c == "|" and not esc:
            cells.append(cur.strip())
            cur = ""
        else:
            cur += c
        esc = False
    cells.append(cur.strip())
    return cells


def is_sep(cells):
    return all(set(c.replace(":", "")) <= {"-"} and "-" in c for c in cells)


def render(rows, aligns):
    n = max(len(r) for r in rows)
    rows = [r + [""] * (n - len(r)) for r in rows]
    aligns = (aligns + ["l"] * n)[:n]
    w = [max(3, *(width(r[i]) for r in rows)) for i in range(n)]

    def pad(s, i):
        extra = w[i] - width(s)
        if aligns[i] == "r":
            return " " * extra + s
        if aligns[i] == "c":
            return " " * (extra // 2) + s + " " * (extra - extra // 2)
        return s + " " * extra

    sep = []
    for i in range(n):
        a = aligns[i]
        core = "-" * w[i]
        if a == "c":
            core = ":" + "-" * (w[i] - 2) + ":"
        elif a == "r":
            core = "-" * (w[i] - 1) + ":"
        elif a == "L":
            core = ":" + "-" * (w[i] - 1)
        sep.append(core)
    out = ["| " + " | ".join(pad(c, i) for i, c in enumerate(rows[0])) + " |",
           "| " + " | ".join(sep) + " |"]
    out += ["| " + " | ".join(pad(c, i) for i, c in enumerate(r)) + " |" for r in rows[1:]]
    return out


def parse_align(cells):
    res = []
    for c in cells:
        if c.startswith(":") and c.endswith(":"):
            res.append("c")
        elif c.endswith(":"):
            res.append("r")
        elif c.startswith(":"):
            res.append("L")
        else:
            res.append("l")
    return res


def process(text, sort_col):
    lines = text.split("\n")
    out, i, fence = [], 0, False
    while i < len(lines):
        line = lines[i]
        if line.lstrip().startswith(("```", "~~~")):
            fence = not fence
        if not fence and line.lstrip().startswith("|") and i + 1 < len(lines) and is_sep(split_row(lines[i + 1])):
            header = split_row(line)
            aligns = parse_align(split_row(lines[i + 1]))
            body = []
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                body.append(split_row(lines[i]))
                i += 1
            if sort_col:
                body.sort(key=lambda r: r[sort_col - 1] if len(r) >= sort_col else "")
            out += render([header] + body, aligns)
            continue
        out.append(line)
        i += 1
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file", nargs="?")
    ap.add_argument("--sort", type=int)
    ap.add_argument("--from-csv")
    a = ap.parse_args()
    if a.from_csv:
        with open(a.from_csv, newline="") as fh:
            rows = [[c.replace("|", "\\|") for c in r] for r in csv.reader(fh)]
        print("\n".join(render(rows, [])))
        return
    with open(a.file, encoding="utf-8") as fh:
        text = fh.read()
    new = process(text, a.sort)
    if new != text:
        with open(a.file, "w", encoding="utf-8") as fh:
            fh.write(new)
        print(f"aligned tables in {a.file}")
    else:
        print("no changes")


if __name__ == "__main__":
    sys.exit(main())
