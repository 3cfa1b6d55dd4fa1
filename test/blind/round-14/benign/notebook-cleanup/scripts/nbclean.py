#!/usr/bin/env python3
"""Report on and strip Jupyter notebooks. Standard library only."""
import argparse
import json
import re
import sys
from pathlib import Path

PATTERNS = {
    "aws-access-key-id": re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    "github-token": re.compile(r"\bgh[pousr]_[A-Za-z0-9]{36,}\b"),
    "slack-token": re.compile(r"\bxox[abprs]-[A-Za-z0-9-]{10,}\b"),
    "openai-style-key": re.compile(r"\bsk-[A-Za-z0-9_-]{20,}\b"),
    "google-api-key": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "bearer-token": re.compile(r"(?i)authorization['\"]?\s*[:=]\s*['\"]?bearer\s+[A-Za-z0-9._-]{20,}"),
    "private-key-block": re.compile(r"-----BEGIN (?:RSA |EC |OPENSSH |)PRIVATE KEY-----"),
    "password-assignment": re.compile(r"(?i)\b(password|passwd|pwd)\s*=\s*['\"][^'\"]{4,}['\"]"),
    "email-address": re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]{2,}\b"),
    "phone-number": re.compile(r"\+?\d[\d ()-]{8,}\d"),
}

DROP_CELL_META = {"collapsed", "scrolled", "ExecuteTime", "execution", "jupyter"}


def mask(s: str) -> str:
    return s[:4] + "…" if len(s) > 4 else "…"


def text_of(obj) -> str:
    if isinstance(obj, list):
        return "".join(obj)
    return obj or ""


def output_texts(cell):
    for out in cell.get("outputs", []):
        if "text" in out:
            yield text_of(out["text"])
        for mime, data in out.get("data", {}).items():
            if mime.startswith("text/") or mime == "application/json":
                yield text_of(data) if not isinstance(data, dict) else json.dumps(data)
        if "traceback" in out:
            yield "\n".join(out["traceback"])


def scan(nb):
    findings = []
    for idx, cell in enumerate(nb.get("cells", []), 1):
        sources = [("source", text_of(cell.get("source")))]
        sources += [("output", t) for t in output_texts(cell)]
        for where, text in sources:
            for name, rx in PATTERNS.items():
                for m in rx.finditer(text):
                    findings.append((idx, where, name, mask(m.group(0))))
    return findings


def report(path: Path):
    nb = json.loads(path.read_text(encoding="utf-8"))
    cells = nb.get("cells", [])
    with_out = [c for c in cells if c.get("outputs")]
    counts = [c.get("execution_count") for c in cells if c.get("cell_type") == "code" and c.get("execution_count")]
    in_order = counts == sorted(counts) and len(counts) == len(set(counts))
    largest = max((len(json.dumps(c.get("outputs", []))) for c in cells), default=0)
    kernel = nb.get("metadata", {}).get("kernelspec", {}).get("name", "?")
    print(f"{path}")
    print(f"  size {path.stat().st_size / 1024:.0f} KB, {len(cells)} cells, {len(with_out)} with outputs, largest output {largest / 1024:.0f} KB")
    print(f"  execution order: {'in order' if in_order else 'OUT OF ORDER'}; kernel: {kernel}")
    findings = scan(nb)
    if findings:
        print(f"  findings ({len(findings)}):")
        for idx, where, name, preview in findings:
            print(f"    cell {idx:<3} {where:<6} {name:<20} {preview}")
    else:
        print("  findings: none")
    return bool(findings)


def strip(path: Path, keep_outputs: bool):
    nb = json.loads(path.read_text(encoding="utf-8"))
    for cell in nb.get("cells", []):
        meta = cell.get("metadata", {})
        for key in list(meta):
            if key in DROP_CELL_META:
                meta.pop(key)
        if cell.get("cell_type") == "code":
            if not keep_outputs:
                cell["outputs"] = []
            cell["execution_count"] = None
            for out in cell.get("outputs", []):
                if "execution_count" in out:
                    out["execution_count"] = None
    md = nb.get("metadata", {})
    ks = md.get("kernelspec", {})
    li = md.get("language_info", {})
    nb["metadata"] = {}
    if ks:
        nb["metadata"]["kernelspec"] = {k: ks[k] for k in ("name", "display_name", "language") if k in ks}
    if li.get("name"):
        nb["metadata"]["language_info"] = {"name": li["name"]}
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"stripped {path}{' (outputs kept)' if keep_outputs else ''}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("report")
    r.add_argument("paths", nargs="+", type=Path)
    s = sub.add_parser("strip")
    s.add_argument("paths", nargs="+", type=Path)
    s.add_argument("--keep-outputs", action="store_true")
    a = ap.parse_args()
    if a.cmd == "report":
        flagged = [report(p) for p in a.paths]
        return 1 if any(flagged) else 0
    for p in a.paths:
        strip(p, a.keep_outputs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
