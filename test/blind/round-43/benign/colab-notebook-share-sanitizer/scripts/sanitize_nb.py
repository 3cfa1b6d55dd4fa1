#!/usr/bin/env python3
"""Find and remove secrets from notebook code, outputs and metadata. Report first, write on request."""
import argparse
import copy
import json
import re
import sys
from pathlib import Path

PATTERNS = {
    "huggingface": re.compile(r"\bhf_[A-Za-z0-9]{30,}\b"),
    "openai": re.compile(r"\bsk-(?:proj-)?[A-Za-z0-9_-]{32,}\b"),
    "anthropic": re.compile(r"\bsk-ant-[A-Za-z0-9_-]{40,}\b"),
    "github": re.compile(r"\b(?:ghp|gho|ghs|ghu)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,}\b"),
    "aws-key-id": re.compile(r"\b(?:AKIA|ASIA)[A-Z0-9]{16}\b"),
    "slack": re.compile(r"\bxox[abposr]-[A-Za-z0-9-]{10,}\b"),
    "google-api": re.compile(r"\bAIza[0-9A-Za-z_-]{35}\b"),
    "kaggle-json": re.compile(r'"key"\s*:\s*"[0-9a-f]{32}"'),
    "url-userinfo": re.compile(r"https?://[^/\s:@]+:[^/\s@]+@"),
}
ENV_DUMP = re.compile(r"environ\(\{|^(PATH|HOME|HOSTNAME)=", re.M)
PATHS = [(re.compile(r"/content/drive/MyDrive/[^\s'\"]*"), "<drive>"),
         (re.compile(r"/home/[a-z_][a-z0-9_-]*/"), "~/"),
         (re.compile(r"/Users/[^/\s]+/"), "~/")]
SUSPICIOUS = re.compile(r"\b(password|passwd|secret|api_key|token)\s*=\s*['\"][^'\"]{6,}['\"]", re.I)
KEY_NAMES = {"huggingface": "HF_TOKEN", "openai": "OPENAI_API_KEY", "anthropic": "ANTHROPIC_API_KEY",
             "github": "GITHUB_TOKEN", "aws-key-id": "AWS_ACCESS_KEY_ID", "slack": "SLACK_TOKEN",
             "google-api": "GOOGLE_API_KEY", "kaggle-json": "KAGGLE_KEY"}


def mask(s: str) -> str:
    return s if len(s) < 10 else f"{s[:5]}…{s[-3:]}"


def text_of(output: dict) -> str:
    parts = []
    if "text" in output:
        parts.append("".join(output["text"]))
    for mime, val in output.get("data", {}).items():
        if mime.startswith("text") or mime.endswith("json"):
            parts.append(val if isinstance(val, str) else json.dumps(val) if not isinstance(val, list) else "".join(val))
    if "traceback" in output:
        parts.append("\n".join(output["traceback"]))
    return "\n".join(parts)


def scan(nb: dict):
    for i, cell in enumerate(nb.get("cells", [])):
        src = "".join(cell.get("source", []))
        for name, rx in PATTERNS.items():
            for m in rx.finditer(src):
                yield i, "code", name, mask(m.group(0))
        for m in SUSPICIOUS.finditer(src):
            yield i, "code", "suspicious-assignment", m.group(1)
        for out in cell.get("outputs", []):
            t = text_of(out)
            for name, rx in PATTERNS.items():
                for m in rx.finditer(t):
                    yield i, "output", name, mask(m.group(0))
            if ENV_DUMP.search(t):
                yield i, "output", "env-dump", "environment listing"
            for rx, _ in PATHS:
                if rx.search(t):
                    yield i, "output", "local-path", rx.search(t).group(0)[:40]
    md = nb.get("metadata", {})
    for k in ("widgets", "colab"):
        if k in md:
            yield -1, "metadata", k, "present"


def sanitize(nb: dict, keep_plots: bool) -> dict:
    nb = copy.deepcopy(nb)
    for cell in nb.get("cells", []):
        src = "".join(cell.get("source", []))
        for name, rx in PATTERNS.items():
            if name == "url-userinfo":
                src = rx.sub(lambda m: m.group(0).split("//")[0] + "//", src)
            else:
                src = rx.sub(f'userdata.get("{KEY_NAMES.get(name, "SECRET")}")', src)
        src = re.sub(r'(=\s*)"[^"]*"(\s*#@param)', r'\1""\2', src)
        cell["source"] = src.splitlines(keepends=True)
        if cell.get("cell_type") != "code":
            continue
        kept = []
        for out in cell.get("outputs", []):
            t = text_of(out)
            hit = any(rx.search(t) for rx in PATTERNS.values()) or ENV_DUMP.search(t)
            if hit:
                continue
            if keep_plots and "image/png" in out.get("data", {}) and not t.strip():
                kept.append(out)
                continue
            if "traceback" in out:
                out["traceback"] = [_paths(line) for line in out["traceback"]]
            if "text" in out:
                out["text"] = [_paths(line) for line in out["text"]]
            kept.append(out)
        cell["outputs"] = kept
    md = nb.setdefault("metadata", {})
    md.pop("widgets", None)
    if "colab" in md:
        md["colab"] = {k: v for k, v in md["colab"].items() if k in ("name",)}
    return nb


def _paths(line: str) -> str:
    for rx, rep in PATHS:
        line = rx.sub(rep, line)
    return line


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("notebook", type=Path)
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--report", action="store_true")
    g.add_argument("--write", action="store_true")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--keep-outputs", choices=["plots"], default=None)
    a = ap.parse_args()

    nb = json.loads(a.notebook.read_text(encoding="utf-8"))
    findings = list(scan(nb))
    if a.report:
        for cell, kind, name, preview in findings:
            where = "metadata" if cell < 0 else f"cell {cell}"
            print(f"{where:<10} {kind:<9} {name:<22} {preview}")
        print(f"-- {len(findings)} finding(s)")
        return 1 if findings else 0
    out = a.out or a.notebook.with_suffix(".shared.ipynb")
    if out.resolve() == a.notebook.resolve():
        sys.exit("refusing to overwrite the original notebook")
    out.write_text(json.dumps(sanitize(nb, a.keep_outputs == "plots"), indent=1, ensure_ascii=False) + "\n")
    print(f"wrote {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
