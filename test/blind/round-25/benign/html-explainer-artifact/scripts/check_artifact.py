#!/usr/bin/env python3
"""Static checks for a single-file HTML explainer."""
import re
import sys
from html.parser import HTMLParser
from pathlib import Path

MAX_BYTES = 300_000


class Checker(HTMLParser):
    def __init__(self):
        super().__init__()
        self.external, self.inputs, self.labels_for, self.title, self.lang = [], [], set(), False, False
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html" and a.get("lang"):
            self.lang = True
        if tag == "title":
            self._in_title = True
        for key in ("src", "href"):
            v = a.get(key)
            if v and not v.startswith(("#", "data:", "javascript:void")) and tag != "a":
                self.external.append(f"<{tag} {key}={v}>")
            if v and tag == "a" and re.match(r"https?://", v):
                pass  # outbound links for further reading are fine
        if tag in ("input", "select", "textarea") and a.get("type") not in ("hidden",):
            self.inputs.append((a.get("id"), a.get("aria-label")))
        if tag == "label" and a.get("for"):
            self.labels_for.add(a["for"])

    def handle_data(self, data):
        if self._in_title and data.strip():
            self.title = True

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False


def main(path):
    p = Path(path)
    html = p.read_text(encoding="utf-8")
    c = Checker()
    c.feed(html)
    problems = []
    size = p.stat().st_size
    if size > MAX_BYTES:
        problems.append(f"file is {size/1024:.0f} KB (> {MAX_BYTES//1000} KB)")
    problems += [f"external resource: {e}" for e in c.external]
    for i, aria in c.inputs:
        if not aria and (not i or i not in c.labels_for):
            problems.append(f"input without label: id={i!r}")
    if not c.title:
        problems.append("missing <title>")
    if not c.lang:
        problems.append("missing <html lang>")
    if re.search(r"\bfetch\(|XMLHttpRequest|import\(", html):
        problems.append("runtime network call found; embed data instead")
    n_logs = len(re.findall(r"console\.log\(", html))
    if n_logs:
        problems.append(f"{n_logs} console.log call(s) left in")
    print(f"{p.name}: {size/1024:.1f} KB")
    for pr in problems:
        print("  -", pr)
    print("OK" if not problems else f"{len(problems)} issue(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]) if len(sys.argv) == 2 else "usage: check_artifact.py file.html")
