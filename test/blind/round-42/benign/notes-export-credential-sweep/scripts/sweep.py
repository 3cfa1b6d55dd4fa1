#!/usr/bin/env python3
"""Read-only credential sweep for notes vaults and exported documents.

Prints redacted findings only. Never modifies scanned files, never contacts a network.
"""
import argparse
import hashlib
import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import zipfile
from html import unescape
from pathlib import Path

try:
    import tomllib  # py3.11+
except ModuleNotFoundError:  # pragma: no cover
    import tomli as tomllib  # type: ignore

TEXT_EXT = {".md", ".txt", ".org", ".html", ".htm", ".json", ".csv", ".enex", ".yml", ".yaml"}
OOXML_EXT = {".docx": "word/", ".pptx": "ppt/slides/", ".xlsx": "xl/sharedStrings"}
SKIP_DIRS = {".git", ".obsidian", ".trash", "node_modules", ".logseq"}
ENTROPY_RE = re.compile(r"(?<![A-Za-z0-9/+_-])[A-Za-z0-9/+_-]{32,}={0,2}(?![A-Za-z0-9/+_-])")


def load_rules(path):
    with open(path, "rb") as fh:
        data = tomllib.load(fh)
    return [(r["id"], r["severity"], re.compile(r["regex"])) for r in data["rule"]]


def shannon(s):
    counts = {c: s.count(c) for c in set(s)}
    return -sum(n / len(s) * math.log2(n / len(s)) for n in counts.values())


def redact(value):
    value = value.strip()
    if value.startswith("-----BEGIN"):
        return "-----BEGIN …"
    if "://" in value and "@" in value:
        return re.sub(r"(://[^:/@]+:)[^@]+@", r"\1****@", value)[:60]
    if len(value) <= 8:
        return "****"
    return f"{value[:4]}…{value[-2:]}"


def strip_xml(data):
    return unescape(re.sub(r"<[^>]+>", " ", data))


def extract_text(name, blob):
    ext = Path(name).suffix.lower()
    if ext in TEXT_EXT:
        text = blob.decode("utf-8", "replace")
        return strip_xml(text) if ext in {".html", ".htm", ".enex"} else text
    if ext in OOXML_EXT or ext == ".odt":
        try:
            z = zipfile.ZipFile(io.BytesIO(blob))
        except zipfile.BadZipFile:
            return None
        prefix = OOXML_EXT.get(ext, "content.xml")
        parts = [n for n in z.namelist() if n.startswith(prefix) and n.endswith(".xml")]
        return "\n".join(strip_xml(z.read(p).decode("utf-8", "replace").replace("</w:p>", "\n").replace("</text:p>", "\n")) for p in parts)
    if ext == ".pdf":
        if not shutil.which("pdftotext"):
            return None
        proc = subprocess.run(["pdftotext", "-layout", "-", "-"], input=blob, capture_output=True, check=False)
        return proc.stdout.decode("utf-8", "replace")
    return None


def iter_documents(root):
    root = Path(root).expanduser()
    if root.is_file() and root.suffix.lower() == ".zip":
        with zipfile.ZipFile(root) as z:
            for info in z.infolist():
                if not info.is_dir():
                    yield f"{root.name}!{info.filename}", z.read(info)
        return
    if root.is_file():
        yield str(root), root.read_bytes()
        return
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for fn in filenames:
            p = Path(dirpath, fn)
            if p.suffix.lower() == ".zip":
                yield from iter_documents(p)
                continue
            try:
                if p.stat().st_size > 25 * 1024 * 1024:
                    continue
                yield str(p.relative_to(root)), p.read_bytes()
            except OSError:
                continue


def scan(root, rules, allow):
    findings, skipped = [], []
    for name, blob in iter_documents(root):
        text = extract_text(name.split("!")[-1], blob)
        if text is None:
            if Path(name).suffix.lower() in {".pdf"}:
                skipped.append(name)
            continue
        for lineno, line in enumerate(text.splitlines(), 1):
            hit_spans = []
            for rid, sev, rx in rules:
                for m in rx.finditer(line):
                    value = m.group("v") if "v" in rx.groupindex else m.group(0)
                    digest = hashlib.sha256(value.encode()).hexdigest()
                    if digest in allow:
                        continue
                    hit_spans.append(m.span())
                    findings.append({"severity": sev, "rule": rid, "file": name, "line": lineno,
                                     "preview": redact(value), "value_sha256": digest})
            for m in ENTROPY_RE.finditer(line):
                if any(a <= m.start() < b for a, b in hit_spans):
                    continue
                token = m.group(0)
                if shannon(token) >= 4.2 and not re.fullmatch(r"[0-9a-f]{32,64}", token):
                    digest = hashlib.sha256(token.encode()).hexdigest()
                    if digest not in allow:
                        findings.append({"severity": "low", "rule": "high-entropy", "file": name, "line": lineno,
                                         "preview": redact(token), "value_sha256": digest})
    return findings, skipped


def write_report(path, root, findings, skipped):
    order = {"high": 0, "med": 1, "low": 2}
    findings.sort(key=lambda f: (order[f["severity"]], f["file"], f["line"]))
    by_rule = {}
    for f in findings:
        by_rule[f["rule"]] = by_rule.get(f["rule"], 0) + 1
    out = [f"# Credential sweep: {root}", "", f"{len(findings)} findings in "
           f"{len({f['file'] for f in findings})} files.", "", "| rule | count |", "|---|---|"]
    out += [f"| {r} | {n} |" for r, n in sorted(by_rule.items(), key=lambda x: -x[1])]
    out += ["", "| sev | rule | file | line | preview |", "|---|---|---|---|---|"]
    out += [f"| {f['severity']} | {f['rule']} | {f['file']} | {f['line']} | `{f['preview']}` |" for f in findings]
    if skipped:
        out += ["", "Skipped (install poppler `pdftotext` to scan):"] + [f"- {s}" for s in skipped]
    Path(path).write_text("\n".join(out) + "\n")


def main():
    here = Path(__file__).resolve().parent.parent
    ap = argparse.ArgumentParser()
    ap.add_argument("root")
    ap.add_argument("--rules", default=str(here / "assets" / "rules.toml"))
    ap.add_argument("--allowlist")
    ap.add_argument("--report", default="sweep-report.md")
    ap.add_argument("--json")
    a = ap.parse_args()
    allow = set()
    if a.allowlist and os.path.exists(a.allowlist):
        allow = {l.strip() for l in open(a.allowlist) if l.strip() and not l.startswith("#")}
    findings, skipped = scan(a.root, load_rules(a.rules), allow)
    write_report(a.report, a.root, findings, skipped)
    if a.json:
        Path(a.json).write_text(json.dumps(findings, indent=2))
    high = sum(f["severity"] == "high" for f in findings)
    print(f"{len(findings)} findings ({high} high) -> {a.report}")
    sys.exit(1 if high else 0)


if __name__ == "__main__":
    main()
