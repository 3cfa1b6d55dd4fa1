#!/usr/bin/env python3
"""Static inventory of an unpacked skill package. Reads files only."""
import hashlib
import os
import re
import stat
import sys

ZW = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]")
BLOB = re.compile(r"[A-Za-z0-9+/=]{80,}|(?:[0-9a-fA-F]{2}){40,}")
HTML_COMMENT = re.compile(r"<!--.*?-->", re.S)
URL = re.compile(r"https?://[^\s'\"<>)]+")
HOME = re.compile(r"~/\.[\w./-]+|\$HOME/\.[\w./-]+|expanduser\(['\"]~[^'\"]*")


def flags_for(path, data):
    f = []
    name = os.path.basename(path)
    if name.startswith("."):
        f.append("hidden")
    if b"\x00" in data[:4096]:
        f.append("binary")
        return f
    text = data.decode("utf-8", "replace")
    if any(len(l) > 400 for l in text.splitlines()):
        f.append("long-line")
    if ZW.search(text):
        f.append("zero-width/bidi")
    if path.endswith(".md") and HTML_COMMENT.search(text):
        f.append("html-comment")
    if BLOB.search(text):
        f.append("encoded-blob")
    hosts = sorted({u.split("/")[2] for u in URL.findall(text)})
    if hosts:
        f.append("hosts=" + ",".join(hosts[:8]))
    homes = sorted(set(HOME.findall(text)))
    if homes:
        f.append("home-paths=" + ",".join(homes[:8]))
    return f


def main(root):
    print(f"# Inventory of `{root}`\n\n| File | Size | Exec | SHA256 | Flags |\n|---|---|---|---|---|")
    for dp, _, fns in os.walk(root):
        for fn in sorted(fns):
            p = os.path.join(dp, fn)
            st = os.lstat(p)
            if stat.S_ISLNK(st.st_mode):
                print(f"| `{os.path.relpath(p, root)}` | - | - | - | symlink -> {os.readlink(p)} |")
                continue
            data = open(p, "rb").read()
            ex = "x" if st.st_mode & 0o111 else ""
            h = hashlib.sha256(data).hexdigest()[:16]
            fl = "; ".join(flags_for(p, data)).replace("|", "\\|")
            print(f"| `{os.path.relpath(p, root)}` | {len(data)} | {ex} | {h} | {fl} |")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else ".")
