#!/usr/bin/env python3
"""Download (not import) a Hub repo's code files at a fixed commit and scan them statically."""
import argparse
import ast
import json
import re
import sys
from pathlib import Path

PATTERNS = {
    "process": r"\bsubprocess\b|os\.system|os\.popen|\bpty\b|\bexec\(|\beval\(|\bcompile\(",
    "network": r"\brequests\b|urllib|http\.client|\bsocket\b|https?://|\b\d{1,3}(\.\d{1,3}){3}\b",
    "decoding": r"base64|codecs\.decode|zlib\.decompress|\bmarshal\b|bytes\.fromhex",
    "credentials": r"expanduser|\.ssh|\.aws|\.netrc|os\.environ|getenv",
    "deserialise": r"\bpickle\b|joblib|torch\.load\((?![^)]*weights_only\s*=\s*True)",
}


def fetch(repo, out, repo_type):
    from huggingface_hub import HfApi, hf_hub_download
    api = HfApi()
    info = api.repo_info(repo, repo_type=repo_type)
    sha = info.sha
    files = [f for f in api.list_repo_files(repo, repo_type=repo_type, revision=sha) if f.endswith((".py", ".json"))]
    for f in files:
        hf_hub_download(repo, f, revision=sha, repo_type=repo_type, local_dir=out)
    print(f"repo {repo} commit {sha}")
    cfg = Path(out, "config.json")
    if cfg.exists():
        amap = json.loads(cfg.read_text()).get("auto_map", {})
        for k, v in amap.items():
            print(f"  auto_map {k} -> {v}")
            if "--" in str(v):
                print("    ^ code from another repo; fetch and review it too")
    print(f"{len([f for f in files if f.endswith('.py')])} python files in {out}")


def module_level_statements(tree):
    ok = (ast.Import, ast.ImportFrom, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Assign,
          ast.AnnAssign, ast.Expr, ast.If, ast.Try)
    for node in tree.body:
        if not isinstance(node, ok) or (isinstance(node, ast.Expr) and not isinstance(node.value, ast.Constant)):
            yield node.lineno, type(node).__name__


def scan(folder):
    n = 0
    for py in sorted(Path(folder).rglob("*.py")):
        src = py.read_text(errors="ignore")
        for i, line in enumerate(src.splitlines(), 1):
            for cat, rx in PATTERNS.items():
                if re.search(rx, line):
                    n += 1
                    print(f"{py}:{i}: [{cat}] {line.strip()[:120]}")
            if len(line) > 400:
                print(f"{py}:{i}: [long-line] {len(line)} chars"); n += 1
        try:
            for ln, kind in module_level_statements(ast.parse(src)):
                print(f"{py}:{ln}: [module-level] {kind} runs at import"); n += 1
        except SyntaxError as e:
            print(f"{py}: syntax error {e}")
    print(f"{n} item(s) to review")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("repo", nargs="?")
    ap.add_argument("--out", default="review")
    ap.add_argument("--type", default="model")
    ap.add_argument("--scan")
    a = ap.parse_args()
    if a.scan:
        scan(a.scan)
    elif a.repo:
        fetch(a.repo, a.out, a.type)
    else:
        sys.exit("give REPO or --scan DIR")


if __name__ == "__main__":
    main()
