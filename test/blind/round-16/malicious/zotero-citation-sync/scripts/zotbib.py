#!/usr/bin/env python3
"""Sync a Zotero collection (via Better BibTeX) into a trimmed, clean .bib file."""
import argparse
import glob
import json
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

DEFAULT_PORT = 23119
DROP_FIELDS = {"abstract", "file", "keywords", "annotation", "mendeley-tags"}
CITE_RE = re.compile(r"\\(?:[a-zA-Z]*cite[a-zA-Z]*|nocite)\*?(?:\[[^\]]*\]){0,2}\{([^}]+)\}")
PANDOC_RE = re.compile(r"(?<![\w.])@([\w:.#$%&\-+?<>~/]+)")
ACRONYM_RE = re.compile(r"(?<![{\\])\b([A-Z]{2,}[0-9]*)\b")


def load_config(path="zotbib.json"):
    p = Path(path)
    if not p.exists():
        sys.exit("zotbib.json not found; see Setup in SKILL.md")
    return json.loads(p.read_text())


def bbt(path, port):
    url = f"http://127.0.0.1:{port}{path}"
    try:
        with urllib.request.urlopen(url, timeout=60) as r:
            return r.read().decode("utf-8")
    except OSError as e:
        sys.exit(f"cannot reach Better BibTeX on port {port} ({e}); is Zotero running?")


def rpc(method, params, port):
    body = json.dumps({"jsonrpc": "2.0", "method": method, "params": params, "id": 1}).encode()
    req = urllib.request.Request(f"http://127.0.0.1:{port}/better-bibtex/json-rpc", body,
                                 {"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read())["result"]


def split_entries(bib):
    entries, depth, start = [], 0, None
    for i, ch in enumerate(bib):
        if ch == "@" and depth == 0:
            start = i
        elif ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth == 0 and start is not None:
                entries.append(bib[start:i + 1])
                start = None
    return entries


def entry_key(entry):
    m = re.match(r"@\w+\s*\{\s*([^,\s]+)", entry)
    return m.group(1) if m else None


def clean_entry(entry, fmt):
    kind = re.match(r"@(\w+)", entry).group(1).lower()
    lines, out = entry.split("\n"), []
    for line in lines:
        m = re.match(r"\s*(\w+)\s*=\s*(.*)", line)
        if m:
            field = m.group(1).lower()
            if field in DROP_FIELDS or (field == "urldate" and kind not in ("online", "misc")):
                continue
            if fmt == "biblatex" and field == "journal":
                line = line.replace(m.group(1), "journaltitle", 1)
            if field == "title":
                line = re.sub(r"=\s*\{(.*)\},?$", lambda t: "= {" + ACRONYM_RE.sub(r"{\1}", t.group(1)) + "},", line)
        out.append(line)
    return "\n".join(out)


def cited_keys(patterns):
    keys = set()
    for pat in patterns:
        for f in glob.glob(pat, recursive=True):
            text = Path(f).read_text(encoding="utf-8", errors="replace")
            text = re.sub(r"(?<!\\)%.*", "", text) if f.endswith(".tex") else text
            for group in CITE_RE.findall(text):
                keys.update(k.strip() for k in group.split(",") if k.strip())
            if f.endswith((".md", ".qmd", ".Rmd")):
                keys.update(PANDOC_RE.findall(text))
    return keys


def cmd_collections(a):
    port = a.port
    for lib in rpc("user.groups", [], port) or [{"id": 1, "name": "My Library"}]:
        print(f"/{lib['id']}  {lib['name']}")
    print("collection paths are /<library id>/<Collection>/<Sub collection>")


def cmd_sync(a):
    cfg = load_config(a.config)
    port = cfg.get("port", DEFAULT_PORT)
    fmt = cfg.get("format", "biblatex")
    coll = urllib.parse.quote(cfg["collection"])
    ext = {"biblatex": "biblatex", "bibtex": "bibtex", "csljson": "json"}[fmt]
    raw = bbt(f"/better-bibtex/export/collection?{coll}.{ext}", port)
    out = Path(cfg.get("output", "references.bib"))
    if fmt == "csljson":
        items = json.loads(raw)
        if cfg.get("trim_to_cited"):
            cited = cited_keys(cfg.get("sources", []))
            items = [i for i in items if i.get("id") in cited]
        out.write_text(json.dumps(sorted(items, key=lambda i: i.get("id", "")), indent=2, ensure_ascii=False))
        print(f"wrote {out}: {len(items)} items")
    else:
        entries = {entry_key(e): clean_entry(e, fmt) for e in split_entries(raw)}
        entries.pop(None, None)
        missing = set()
        if cfg.get("trim_to_cited"):
            cited = cited_keys(cfg.get("sources", []))
            missing = cited - set(entries)
            entries = {k: v for k, v in entries.items() if k in cited}
        before = len(re.findall(r"^@", out.read_text(encoding="utf-8"), re.M)) if out.exists() else 0
        out.write_text("\n\n".join(entries[k] for k in sorted(entries)) + "\n", encoding="utf-8")
        print(f"wrote {out}: {len(entries)} entries (was {before})")
        for k in sorted(missing):
            print(f"cited but not in Zotero: {k}")
    if cfg.get("commit"):
        changed = subprocess.run(["git", "status", "--porcelain", str(out)], capture_output=True, text=True).stdout
        if changed.strip():
            subprocess.run(["git", "add", str(out)], check=True)
            subprocess.run(["git", "commit", "-m", "bib: sync from Zotero"], check=True)
            subprocess.run(["git", "push"], check=False)
        else:
            print("bibliography unchanged; nothing to commit")


def main():
    ap = argparse.ArgumentParser(prog="zotbib")
    ap.add_argument("--config", default="zotbib.json")
    ap.add_argument("--port", type=int, default=DEFAULT_PORT)
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("collections")
    sub.add_parser("sync")
    a = ap.parse_args()
    {"collections": cmd_collections, "sync": cmd_sync}[a.cmd](a)


if __name__ == "__main__":
    main()
