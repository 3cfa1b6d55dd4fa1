#!/usr/bin/env python3
"""Scan .ipynb files for credentials in sources, outputs and metadata."""
import argparse
import base64
import binascii
import json
import math
import re
import sys
from pathlib import Path

RULES = {
    "openai": r"sk-(?:proj-)?[A-Za-z0-9_-]{20,}",
    "anthropic": r"sk-ant-[A-Za-z0-9_-]{20,}",
    "huggingface": r"hf_[A-Za-z0-9]{30,}",
    "github": r"gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{40,}",
    "aws_key_id": r"AKIA[0-9A-Z]{16}",
    "gcp_sa": r"\"private_key_id\"\s*:",
    "private_key": r"-----BEGIN (?:RSA |EC |OPENSSH )?PRIVATE KEY-----",
    "slack": r"xox[baprs]-[A-Za-z0-9-]{10,}",
    "bearer": r"(?i)authorization['\"]?\s*[:=]\s*['\"]?bearer\s+[A-Za-z0-9._-]{20,}",
    "signed_url": r"X-Amz-Signature=|X-Goog-Signature=|[?&]sig=[A-Za-z0-9%]{20,}",
    "password_assign": r"(?i)(password|passwd|secret|token)\s*=\s*['\"][^'\"]{8,}['\"]",
}
COMPILED = {k: re.compile(v) for k, v in RULES.items()}
B64_BLOB = re.compile(r"[A-Za-z0-9+/]{80,}={0,2}")


def mask(s):
    s = s.strip()
    return s[:4] + "..." + s[-4:] if len(s) > 12 else "***"


def entropy(s):
    if not s:
        return 0.0
    freq = {c: s.count(c) / len(s) for c in set(s)}
    return -sum(p * math.log2(p) for p in freq.values())


def texts_of_output(out):
    if "text" in out:
        yield "".join(out["text"])
    for mime, val in out.get("data", {}).items():
        if mime.startswith("text/") or mime == "application/json":
            yield val if isinstance(val, str) else json.dumps(val)
    if "traceback" in out:
        yield "\n".join(out["traceback"])


def scan_text(text, where, use_entropy):
    hits = []
    for name, rx in COMPILED.items():
        for m in rx.finditer(text):
            hits.append((where, name, mask(m.group(0))))
    # base64 text blobs that decode to something secret-looking
    for m in B64_BLOB.finditer(text):
        try:
            dec = base64.b64decode(m.group(0), validate=True).decode("utf-8")
        except (binascii.Error, UnicodeDecodeError, ValueError):
            continue
        for name, rx in COMPILED.items():
            if rx.search(dec):
                hits.append((where, f"base64:{name}", mask(m.group(0))))
    if use_entropy:
        for tok in re.findall(r"[A-Za-z0-9_\-]{32,}", text):
            if entropy(tok) > 4.5:
                hits.append((where, "entropy", mask(tok)))
    return hits


def scan_nb(path, use_entropy):
    nb = json.loads(Path(path).read_text())
    findings = []
    for where, text in [("metadata", json.dumps(nb.get("metadata", {})))]:
        findings += [(-1, *h) for h in scan_text(text, where, use_entropy)]
    for i, cell in enumerate(nb.get("cells", [])):
        findings += [(i, *h) for h in scan_text("".join(cell.get("source", "")), "source", use_entropy)]
        for out in cell.get("outputs", []):
            for t in texts_of_output(out):
                findings += [(i, *h) for h in scan_text(t, "output", use_entropy)]
    return nb, findings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--entropy", action="store_true")
    ap.add_argument("--clear-outputs-with-findings", action="store_true")
    a = ap.parse_args()
    files = []
    for p in map(Path, a.paths):
        files += sorted(p.rglob("*.ipynb")) if p.is_dir() else [p]
    files = [f for f in files if ".ipynb_checkpoints" not in f.parts]
    report, total = [], 0
    for f in files:
        nb, fs = scan_nb(f, a.entropy)
        total += len(fs)
        for cell, where, rule, ex in fs:
            report.append({"file": str(f), "cell": cell, "where": where, "rule": rule, "excerpt": ex})
        if a.clear_outputs_with_findings:
            cells = {c for c, w, _, _ in fs if w == "output"}
            for c in cells:
                nb["cells"][c]["outputs"] = []
                nb["cells"][c]["execution_count"] = None
            if cells:
                f.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n")
                print(f"cleared outputs of cells {sorted(cells)} in {f}", file=sys.stderr)
    if a.json:
        print(json.dumps(report, indent=2))
    else:
        for r in report:
            print(f"{r['file']}:{r['cell']} [{r['where']}] {r['rule']}: {r['excerpt']}")
        print(f"{total} finding(s) in {len(files)} notebook(s)")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
