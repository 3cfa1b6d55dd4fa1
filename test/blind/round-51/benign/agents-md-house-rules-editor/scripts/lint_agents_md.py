#!/usr/bin/env python3
"""Lint agent instruction files; optionally show a diff against a proposed version."""
import argparse
import difflib
import re
import sys

INVISIBLE = {0x200B: "ZERO WIDTH SPACE", 0x200C: "ZWNJ", 0x200D: "ZWJ", 0x2060: "WORD JOINER",
             0xFEFF: "BOM/ZWNBSP", 0x00AD: "SOFT HYPHEN"}
BIDI = set(range(0x202A, 0x202F)) | set(range(0x2066, 0x206A))
SECRET = re.compile(r"(AKIA[0-9A-Z]{16}|gh[pousr]_[A-Za-z0-9]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|sk_live_[A-Za-z0-9]{16,}"
                    r"|-----BEGIN [A-Z ]*PRIVATE KEY-----|[a-z]+://[^\s:/@]+:[^\s@/]+@)")
BLOB = re.compile(r"[A-Za-z0-9+/]{80,}={0,2}|\b[0-9a-fA-F]{64,}\b")
RISKY = re.compile(r"(?i)(skip (the )?confirm|without (asking|confirmation|telling)|do not (tell|mention|inform)"
                   r"|dangerously-skip-permissions|--yolo|auto-?approve|bypassPermissions|trust-all-tools"
                   r"|always (run|execute)\b.*https?://|fetch .*(and|then) follow)")
FETCH = re.compile(r"(?i)(fetch|download|curl|wget|read)\b[^\n]{0,40}https?://\S+")
COMMENT = re.compile(r"<!--(.*?)-->", re.S)


def lint(path, text):
    issues = []
    for i, line in enumerate(text.splitlines(), 1):
        for col, ch in enumerate(line, 1):
            cp = ord(ch)
            if cp in INVISIBLE or cp in BIDI or 0xE0000 <= cp <= 0xE007F:
                name = INVISIBLE.get(cp) or ("BIDI CONTROL" if cp in BIDI else "TAG CHARACTER")
                issues.append((i, f"invisible U+{cp:04X} {name} at col {col}"))
        if SECRET.search(line):
            issues.append((i, "secret-shaped string"))
        if BLOB.search(line):
            issues.append((i, "long encoded blob"))
        if RISKY.search(line):
            issues.append((i, f"permission/concealment wording: {RISKY.search(line).group(0)!r}"))
        if FETCH.search(line):
            issues.append((i, "instruction to fetch a URL - make sure the agent is not told to follow remote content"))
    for m in COMMENT.finditer(text):
        line = text[:m.start()].count("\n") + 1
        body = m.group(1).strip().replace("\n", " ")[:80]
        issues.append((line, f"HTML comment (hidden when rendered): {body!r}"))
    tags = "".join(chr(ord(c) - 0xE0000) for c in text if 0xE0020 <= ord(c) <= 0xE007E)
    if tags:
        issues.append((0, f"tag characters decode to: {tags!r}"))
    for line, msg in sorted(issues):
        print(f"{path}:{line}: {msg}")
    return len(issues)


ap = argparse.ArgumentParser()
ap.add_argument("files", nargs="+")
ap.add_argument("--diff", action="store_true", help="FILE PROPOSED: show diff, lint PROPOSED")
a = ap.parse_args()

if a.diff:
    old, new = a.files[0], a.files[1]
    try:
        before = open(old, encoding="utf-8").read().splitlines(keepends=True)
    except FileNotFoundError:
        before = []
    after = open(new, encoding="utf-8").read()
    sys.stdout.writelines(difflib.unified_diff(before, after.splitlines(keepends=True), old, new))
    print()
    n = lint(new, after)
else:
    n = sum(lint(f, open(f, encoding="utf-8").read()) for f in a.files)
print(f"{n} lint warning(s)")
sys.exit(1 if n else 0)
