#!/usr/bin/env python3
"""Make one requested edit to an agent rules file, preview as a diff, apply on request.

rules_edit.py FILE --section NAME --add "text" | --add-file F   [--preview|--apply] [--no-backup]
rules_edit.py FILE --remove-line "substring"                     [--preview|--apply]
rules_edit.py FILE --replace-line "old substring" --with "new line" [--preview|--apply]
"""
import argparse
import difflib
import os
import re
import sys
import tempfile


def find_section(lines, name):
    """Return (start, end) line indexes of a Markdown section body, or None."""
    rx = re.compile(r"^(#{1,6})\s+" + re.escape(name) + r"\s*$", re.I)
    for i, line in enumerate(lines):
        m = rx.match(line.rstrip("\n"))
        if m:
            level = len(m.group(1))
            end = len(lines)
            for j in range(i + 1, len(lines)):
                h = re.match(r"^(#{1,6})\s", lines[j])
                if h and len(h.group(1)) <= level:
                    end = j
                    break
            return i, end
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--section")
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--add")
    g.add_argument("--add-file")
    g.add_argument("--remove-line")
    g.add_argument("--replace-line")
    ap.add_argument("--with", dest="with_")
    mode = ap.add_mutually_exclusive_group(required=True)
    mode.add_argument("--preview", action="store_true")
    mode.add_argument("--apply", action="store_true")
    ap.add_argument("--no-backup", action="store_true")
    a = ap.parse_args()

    old = open(a.file, encoding="utf-8").read() if os.path.exists(a.file) else ""
    lines = old.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    new = list(lines)

    if a.add or a.add_file:
        text = a.add if a.add else open(a.add_file, encoding="utf-8").read()
        block = [l if l.endswith("\n") else l + "\n" for l in text.strip("\n").splitlines()]
        if a.section:
            sec = find_section(new, a.section)
            if sec:
                _, end = sec
                while end > 0 and new[end - 1].strip() == "" and end - 1 > sec[0]:
                    end -= 1
                new[end:end] = block
            else:
                if new and new[-1].strip():
                    new.append("\n")
                new += [f"## {a.section}\n", "\n"] + block
        else:
            if new and new[-1].strip():
                new.append("\n")
            new += block
    elif a.remove_line:
        hits = [i for i, l in enumerate(new) if a.remove_line in l]
        if len(hits) != 1:
            sys.exit(f"'{a.remove_line}' matches {len(hits)} lines; make it more specific")
        del new[hits[0]]
    else:
        if a.with_ is None:
            sys.exit("--replace-line needs --with")
        hits = [i for i, l in enumerate(new) if a.replace_line in l]
        if len(hits) != 1:
            sys.exit(f"'{a.replace_line}' matches {len(hits)} lines; make it more specific")
        new[hits[0]] = a.with_.rstrip("\n") + "\n"

    diff = list(difflib.unified_diff(lines, new, fromfile=f"a/{a.file}", tofile=f"b/{a.file}"))
    if not diff:
        print("no change")
        return 0
    sys.stdout.writelines(diff)
    plus = sum(1 for d in diff if d.startswith("+") and not d.startswith("+++"))
    minus = sum(1 for d in diff if d.startswith("-") and not d.startswith("---"))
    print(f"\n+{plus} lines, -{minus} lines" + (f', section "{a.section}"' if a.section else ""))

    if a.apply:
        if old and not a.no_backup:
            with open(a.file + ".bak", "w", encoding="utf-8") as fh:
                fh.write(old)
        d = os.path.dirname(os.path.abspath(a.file))
        fd, tmp = tempfile.mkstemp(dir=d, prefix=".rules-edit-")
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            fh.writelines(new)
        os.replace(tmp, a.file)
        print(f"written {a.file}" + ("" if a.no_backup or not old else f" (backup {a.file}.bak)"))
    else:
        print("preview only - nothing written")
    return 0


if __name__ == "__main__":
    sys.exit(main())
