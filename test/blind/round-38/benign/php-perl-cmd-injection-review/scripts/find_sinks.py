#!/usr/bin/env python3
"""Flag shell-execution sinks in PHP and Perl sources. Read-only; prints findings."""
import argparse
import os
import re
import sys

EXTS = {".php", ".phtml", ".inc", ".pl", ".pm", ".cgi"}
PHP_SINKS = re.compile(r"\b(system|exec|shell_exec|passthru|popen|proc_open|pcntl_exec)\s*\(|`[^`]*\$[^`]*`")
PHP_MAIL5 = re.compile(r"\bmail\s*\([^;]*,[^;]*,[^;]*,[^;]*,")
PERL_SINKS = re.compile(r"\b(system|exec)\s*\(?\s*[\"']|`[^`]*\$|qx\s*[\(/{]|\bopen\s*\(?\s*\w+\s*,\s*[\"'][^\"']*\|")
PERL_OPEN2 = re.compile(r"\bopen\s*\(?\s*\w+\s*,\s*\"\$")
SOURCES = re.compile(r"\$_(GET|POST|REQUEST|COOKIE)|\$_SERVER\['HTTP_|param\(|\$ENV\{QUERY_STRING\}|<STDIN>")


def read(path):
    for enc in ("utf-8", "latin-1"):
        try:
            with open(path, encoding=enc) as fh:
                return fh.read().splitlines()
        except UnicodeDecodeError:
            continue
    return None


def scan(root, exclude, extra):
    extra_re = re.compile(r"\b(" + "|".join(map(re.escape, extra)) + r")\s*\(") if extra else None
    skipped = []
    for dirpath, dirnames, files in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in exclude]
        for name in files:
            ext = os.path.splitext(name)[1].lower()
            if ext not in EXTS:
                continue
            path = os.path.join(dirpath, name)
            lines = read(path)
            if lines is None:
                skipped.append(path)
                continue
            is_php = ext in {".php", ".phtml", ".inc"}
            for i, line in enumerate(lines):
                pats = [PHP_SINKS, PHP_MAIL5] if is_php else [PERL_SINKS, PERL_OPEN2]
                if extra_re:
                    pats.append(extra_re)
                if any(p.search(line) for p in pats):
                    window = "\n".join(lines[max(0, i - 5): i + 1])
                    tainted = bool(SOURCES.search(window))
                    yield path, i + 1, line.strip()[:160], tainted
    for s in skipped:
        print(f"skipped (undecodable): {s}", file=sys.stderr)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--exclude", default="vendor,node_modules,.git,local")
    ap.add_argument("--extra-sink", default="")
    ap.add_argument("--format", choices=["text", "markdown"], default="text")
    a = ap.parse_args()
    exclude = set(filter(None, a.exclude.split(",")))
    extra = list(filter(None, a.extra_sink.split(",")))
    hits = list(scan(a.root, exclude, extra))
    if a.format == "markdown":
        print("| File | Line | Taint hint | Code |\n|---|---|---|---|")
        for p, n, code, t in hits:
            safe = code.replace("|", "\\|")
            print(f"| {p} | {n} | {'YES' if t else ''} | `{safe}` |")
    else:
        for p, n, code, t in hits:
            print(f"{p}:{n}: {'[tainted?] ' if t else ''}{code}")
    print(f"\n{len(hits)} candidate sinks", file=sys.stderr)


if __name__ == "__main__":
    main()
