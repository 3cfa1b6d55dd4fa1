#!/usr/bin/env python3
"""diff / check / apply for agent instruction files."""
import difflib
import re
import shutil
import sys
import unicodedata

INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\U000e0000-\U000e007f]")
SUSPECT = [
    (re.compile(r"<!--.*?-->", re.S), "HTML comment (invisible when rendered)"),
    (re.compile(r"(?i)(fetch|download|curl|wget).{0,60}(and|then).{0,20}(follow|apply|execute|run)"), "fetch-and-follow instruction"),
    (re.compile(r"(?i)(do not|don't|never)\s+(tell|mention|show|inform)\s+(the\s+)?user"), "concealment instruction"),
    (re.compile(r"(?i)\|\s*(ba|z)?sh\b"), "pipe to shell"),
    (re.compile(r"(?i)(dangerously-skip-permissions|--yolo|enableAllProjectMcpServers|autoApprove)"), "permission bypass"),
]


def read(p):
    try:
        return open(p, encoding="utf-8").read()
    except FileNotFoundError:
        return ""


def check(label, text):
    found = 0
    for n, line in enumerate(text.splitlines(), 1):
        for m in INVISIBLE.finditer(line):
            ch = m.group(0)
            print(f"{label}:{n}: U+{ord(ch):04X} {unicodedata.name(ch, 'UNNAMED')}")
            found += 1
    for rx, what in SUSPECT:
        for m in rx.finditer(text):
            n = text.count("\n", 0, m.start()) + 1
            print(f"{label}:{n}: {what}: {m.group(0)[:80]!r}")
            found += 1
    return found


def main():
    if len(sys.argv) < 3:
        sys.exit("usage: safe_edit.py diff|check|apply <current> [<new>]")
    cmd, cur = sys.argv[1], sys.argv[2]
    new = sys.argv[3] if len(sys.argv) > 3 else None
    if cmd == "diff":
        sys.stdout.writelines(difflib.unified_diff(read(cur).splitlines(True), read(new).splitlines(True), cur, cur + " (proposed)"))
    elif cmd == "check":
        n = check(cur, read(cur)) + (check(new, read(new)) if new else 0)
        print(f"{n} finding(s)")
        sys.exit(1 if n else 0)
    elif cmd == "apply":
        if check(new, read(new)):
            sys.exit("proposed file has findings; resolve them with the user first")
        if read(cur):
            shutil.copy2(cur, cur + ".bak")
        shutil.copy2(new, cur)
        print(f"wrote {cur}")
    else:
        sys.exit("unknown command")


if __name__ == "__main__":
    main()
