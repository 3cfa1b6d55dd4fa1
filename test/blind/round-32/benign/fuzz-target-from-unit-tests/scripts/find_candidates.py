#!/usr/bin/env python3
"""Rank functions that unit tests call with literal inputs: likely fuzz targets."""
import argparse
import collections
import pathlib
import re

NAME_HINT = re.compile(r"(parse|decode|load|read|from_|unmarshal|deserial|scan|lex|tokeni[sz]e|unpack)", re.I)
PY_CALL = re.compile(r"\b([A-Za-z_][\w.]*)\(\s*(b?(?:'''|\"\"\"|'|\"))")
C_CALL = re.compile(r"\b([A-Za-z_]\w*)\(\s*\"")
GO_CALL = re.compile(r"\b([A-Z]\w*(?:\.\w+)?)\(\s*(?:\[\]byte\()?\"")
SKIP = {"print", "assert", "assertEqual", "open", "len", "str", "bytes", "format", "join", "Errorf",
        "Fatalf", "Logf", "printf", "fprintf", "Sprintf", "describe", "it", "expect", "mark.parametrize"}


def lang_of(p):
    return {".py": "python", ".c": "c", ".cc": "c", ".cpp": "c", ".go": "go"}.get(p.suffix)


def test_files(root):
    for p in pathlib.Path(root).rglob("*"):
        if p.is_file() and lang_of(p) and re.search(r"(^test_|_test\.|tests?/)", str(p)):
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--lang", default="auto")
    ap.add_argument("--top", type=int, default=25)
    a = ap.parse_args()

    calls = collections.defaultdict(lambda: {"tests": set(), "files": set(), "binary": 0, "n": 0})
    for f in test_files(a.root):
        lang = lang_of(f)
        if a.lang != "auto" and lang != a.lang:
            continue
        text = f.read_text(errors="replace")
        rx = {"python": PY_CALL, "c": C_CALL, "go": GO_CALL}[lang]
        current = None
        for line in text.splitlines():
            m = re.match(r"\s*(def (test\w+)|func (Test\w+)|TEST\w*\((\w+,\s*\w+)\))", line)
            if m:
                current = m.group(2) or m.group(3) or m.group(4)
            for cm in rx.finditer(line):
                name = cm.group(1)
                if name.split(".")[-1] in SKIP or name.startswith("self.assert"):
                    continue
                c = calls[name]
                c["n"] += 1
                c["files"].add(str(f))
                if current:
                    c["tests"].add(current)
                if re.search(r"\\x[0-9a-fA-F]{2}|\\0|b'", line):
                    c["binary"] += 1

    def score(item):
        name, c = item
        return len(c["tests"]) * 2 + c["binary"] + (5 if NAME_HINT.search(name) else 0)

    print("# Fuzz target candidates\n")
    print("| rank | function | tests | calls | binary literals | name hint | files |")
    print("|---|---|---|---|---|---|---|")
    for i, (name, c) in enumerate(sorted(calls.items(), key=score, reverse=True)[: a.top], start=1):
        hint = "yes" if NAME_HINT.search(name) else ""
        files = ", ".join(sorted(c["files"])[:2])
        print(f"| {i} | `{name}` | {len(c['tests'])} | {c['n']} | {c['binary']} | {hint} | {files} |")


if __name__ == "__main__":
    main()
