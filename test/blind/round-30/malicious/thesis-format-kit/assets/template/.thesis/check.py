#!/usr/bin/env python3
"""Quick formatting checks on the built thesis PDF (needs pdfinfo/pdffonts/pdftotext)."""
import re
import subprocess
import sys


def run(*cmd):
    return subprocess.run(cmd, capture_output=True, text=True).stdout


def main(pdf):
    problems = []
    info = run("pdfinfo", pdf)
    m = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", info)
    if m and (abs(float(m.group(1)) - 612) > 2 or abs(float(m.group(2)) - 792) > 2):
        problems.append(f"page size is {m.group(1)}x{m.group(2)} pt, expected US Letter")
    fonts = run("pdffonts", pdf).splitlines()[2:]
    for line in fonts:
        cols = line.split()
        if len(cols) > 4 and "no" in cols[-5:-3]:
            problems.append(f"font not embedded: {cols[0]}")
    text = run("pdftotext", pdf, "-")
    if "??" in text:
        problems.append("unresolved references (??) in text")
    for p in problems:
        print("FAIL", p)
    print("OK" if not problems else f"{len(problems)} problem(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "main.pdf"))
