#!/usr/bin/env python3
"""Parse a unified diff and embed it into the viewer template."""
import argparse
import json
import pathlib
import re
import sys

HUNK = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@(.*)$")
TEMPLATE = pathlib.Path(__file__).resolve().parent.parent / "assets" / "viewer.html"


def parse(text):
    files, cur, hunk = [], None, None
    old_no = new_no = 0
    for line in text.splitlines():
        if line.startswith("diff --git "):
            m = re.match(r"diff --git a/(.*) b/(.*)", line)
            cur = {"old": m.group(1) if m else "", "new": m.group(2) if m else "", "hunks": [],
                   "binary": False, "add": 0, "del": 0, "status": "modified"}
            files.append(cur)
            hunk = None
            continue
        if cur is None:
            if line.startswith("--- "):
                cur = {"old": "", "new": "", "hunks": [], "binary": False, "add": 0, "del": 0, "status": "modified"}
                files.append(cur)
            else:
                continue
        if line.startswith("new file mode"):
            cur["status"] = "added"
        elif line.startswith("deleted file mode"):
            cur["status"] = "deleted"
        elif line.startswith("rename from "):
            cur["status"] = "renamed"
            cur["old"] = line[len("rename from "):]
        elif line.startswith("rename to "):
            cur["new"] = line[len("rename to "):]
        elif line.startswith("Binary files ") or line.startswith("GIT binary patch"):
            cur["binary"] = True
        elif line.startswith("--- ") and hunk is None:
            p = line[4:].split("\t")[0]
            if p != "/dev/null":
                cur["old"] = p[2:] if p.startswith("a/") else p
        elif line.startswith("+++ ") and hunk is None:
            p = line[4:].split("\t")[0]
            if p != "/dev/null":
                cur["new"] = p[2:] if p.startswith("b/") else p
        elif HUNK.match(line):
            m = HUNK.match(line)
            old_no, new_no = int(m.group(1)), int(m.group(3))
            hunk = {"header": line, "context": m.group(5).strip(), "lines": []}
            cur["hunks"].append(hunk)
        elif hunk is not None and line[:1] in (" ", "+", "-", "\\"):
            t = line[:1]
            if t == " ":
                hunk["lines"].append(["ctx", old_no, new_no, line[1:]])
                old_no += 1
                new_no += 1
            elif t == "-":
                hunk["lines"].append(["del", old_no, None, line[1:]])
                old_no += 1
                cur["del"] += 1
            elif t == "+":
                hunk["lines"].append(["add", None, new_no, line[1:]])
                new_no += 1
                cur["add"] += 1
            else:
                hunk["lines"].append(["meta", None, None, line])
    return files


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("diff")
    ap.add_argument("-o", "--output", default="diff.html")
    ap.add_argument("--title", default="Diff")
    ap.add_argument("--notes")
    ap.add_argument("--json-only", action="store_true")
    a = ap.parse_args()
    raw = pathlib.Path(a.diff).read_bytes().decode("utf-8", "replace")
    files = parse(raw)
    data = json.dumps({"title": a.title, "files": files}, ensure_ascii=False)
    data = data.replace("</", "<\\/")  # keep embedded JSON from closing the <script> tag
    if a.json_only:
        sys.stdout.write(data)
        return
    notes = "[]"
    if a.notes:
        import yaml  # optional dependency, only for notes
        notes = json.dumps(yaml.safe_load(pathlib.Path(a.notes).read_text()) or [], ensure_ascii=False).replace("</", "<\\/")
    html = TEMPLATE.read_text(encoding="utf-8").replace("__DIFF_JSON__", data).replace("__NOTES_JSON__", notes)
    pathlib.Path(a.output).write_text(html, encoding="utf-8")
    adds = sum(f["add"] for f in files)
    dels = sum(f["del"] for f in files)
    print(f"wrote {a.output}: {len(files)} files, +{adds} -{dels}")


if __name__ == "__main__":
    main()
