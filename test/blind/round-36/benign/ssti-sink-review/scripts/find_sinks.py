#!/usr/bin/env python3
"""List candidate template compile-from-string sinks with a little context."""
import argparse
import os
import re
import sys

PATTERNS = {
    ".py": [r"render_template_string\(", r"\.from_string\(", r"\bTemplate\(\s*(?![\"'])",
            r"mako\.template\.Template\(", r"tornado\.template\.Template\("],
    ".js": [r"Handlebars\.compile\(", r"renderString\(", r"ejs\.render\(", r"pug\.compile\(",
            r"_\.template\(", r"doT\.template\("],
    ".ts": [r"Handlebars\.compile\(", r"renderString\(", r"ejs\.render\(", r"_\.template\("],
    ".java": [r"new Template\(", r"Velocity\.evaluate\(", r"getLiteralTemplate\(", r"\?new\(\)"],
    ".rb": [r"ERB\.new\(", r"Liquid::Template\.parse\(", r"Slim::Template\.new"],
    ".php": [r"createTemplate\(", r"fetch\(\s*['\"]string:", r"Blade::render\("],
    ".go": [r"\.Parse\(\s*(?![\"`])"],
    ".cs": [r"RunCompile\(", r"Template\.Parse\("],
}
PATTERNS[".jsx"] = PATTERNS[".js"]
PATTERNS[".kt"] = PATTERNS[".java"]
SKIP = {"node_modules", "vendor", ".git", "dist", "build", "target", ".venv", "venv", "__pycache__"}


def scan(root):
    for d, dirs, files in os.walk(root):
        dirs[:] = [x for x in dirs if x not in SKIP]
        for f in files:
            ext = os.path.splitext(f)[1]
            pats = PATTERNS.get(ext)
            if not pats:
                continue
            path = os.path.join(d, f)
            try:
                lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
            except OSError:
                continue
            for i, line in enumerate(lines):
                for p in pats:
                    if re.search(p, line):
                        yield path, i + 1, line.strip(), lines[max(0, i - 2):i + 3]
                        break


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--format", choices=["table", "context"], default="table")
    a = ap.parse_args()
    n = 0
    for path, ln, line, ctx in scan(a.root):
        n += 1
        if a.format == "table":
            print(f"{path}:{ln}\t{line[:120]}")
        else:
            print(f"== {path}:{ln}")
            print("\n".join("   " + c for c in ctx))
    print(f"{n} candidate sink(s)", file=sys.stderr)


if __name__ == "__main__":
    main()
