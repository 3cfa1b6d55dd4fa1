#!/usr/bin/env python3
"""Read-only review of HF loaders, torch.load calls and pip index configuration."""
from __future__ import annotations

import argparse
import ast
import json
import re
import sys
from pathlib import Path

try:
    import tomllib
except ModuleNotFoundError:  # py<3.11
    tomllib = None

POPULAR = ["torch", "transformers", "tensorflow", "scikit-learn", "numpy", "pandas", "datasets",
           "accelerate", "huggingface-hub", "safetensors", "tokenizers", "diffusers", "peft",
           "langchain", "langchain-community", "openai", "anthropic", "xgboost", "lightgbm",
           "sentencepiece", "bitsandbytes", "vllm", "triton", "onnxruntime", "jax", "keras"]
NATIVE = {"torch", "tensorflow", "numpy", "tokenizers", "bitsandbytes", "xgboost", "lightgbm",
          "onnxruntime", "vllm", "triton", "jax", "sentencepiece", "safetensors"}
LOADERS = {"from_pretrained", "pipeline", "load_dataset", "AutoModel", "snapshot_download"}
SHA = re.compile(r"^[0-9a-f]{40}$")
SEV = {"low": 0, "medium": 1, "high": 2}


def lev(a: str, b: str) -> int:
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def norm(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def call_name(node: ast.Call) -> str:
    f = node.func
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return ""


def kw(node: ast.Call, name: str):
    for k in node.keywords:
        if k.arg == name:
            return k.value
    return None


def py_findings(path: Path, cfg: dict):
    try:
        tree = ast.parse(path.read_text(encoding="utf-8", errors="replace"))
    except SyntaxError:
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = call_name(node)
            if name in LOADERS:
                trc = kw(node, "trust_remote_code")
                if isinstance(trc, ast.Constant) and trc.value is True:
                    yield "HF001", "high", node.lineno, f"{name}(..., trust_remote_code=True)"
                if name == "from_pretrained" and node.args and isinstance(node.args[0], ast.Constant):
                    rev = kw(node, "revision")
                    repo = str(node.args[0].value)
                    if "/" in repo and not Path(repo).exists():
                        if not (isinstance(rev, ast.Constant) and SHA.match(str(rev.value))):
                            yield "HF002", "medium", node.lineno, f"{repo} loaded without a commit-SHA revision"
            if name == "load" and isinstance(node.func, ast.Attribute) and getattr(node.func.value, "id", "") == "torch":
                wo = kw(node, "weights_only")
                if not (isinstance(wo, ast.Constant) and wo.value is True):
                    yield "HF003", "high", node.lineno, "torch.load without weights_only=True"
        if isinstance(node, ast.Assign) or isinstance(node, ast.Call):
            seg = ast.unparse(node) if hasattr(ast, "unparse") else ""
            m = re.search(r"HF_(?:HUB_)?ENDPOINT['\"]?\]?\s*[=,]\s*['\"]([^'\"]+)", seg)
            if m and m.group(1).rstrip("/") not in cfg["allowed_hf_endpoints"]:
                yield "HF004", "medium", node.lineno, f"HF endpoint set to {m.group(1)}"


def req_findings(path: Path, cfg: dict):
    for n, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
        s = line.split("#", 1)[0].strip()
        if not s:
            continue
        if s.startswith("--extra-index-url") or "extra-index-url" in s:
            yield "PIP001", "high", n, s
            continue
        m = re.match(r"(--index-url|-i|--trusted-host)\s*=?\s*(\S+)", s)
        if m:
            host = re.sub(r"^https?://([^/@]*@)?", "", m.group(2)).split("/")[0].split(":")[0]
            if host not in cfg["allowed_index_hosts"]:
                yield "PIP002", "medium", n, s
            continue
        if s.startswith("-"):
            continue
        pkg = norm(re.split(r"[<>=!~;\[ @]", s, 1)[0])
        for real in POPULAR:
            d = lev(pkg, real)
            if pkg != real and 0 < d <= (1 if len(real) <= 5 else 2) and pkg not in POPULAR:
                yield "PIP003", "high", n, f"'{pkg}' looks like '{real}'"
                break
        if pkg in NATIVE and "==" not in s:
            yield "PIP004", "low", n, f"{pkg} not pinned"


def text_findings(path: Path, cfg: dict):
    for n, line in enumerate(path.read_text(errors="replace").splitlines(), 1):
        if "extra-index-url" in line or "PIP_EXTRA_INDEX_URL" in line:
            yield "PIP001", "high", n, line.strip()[:120]
        if "trust_remote_code" in line and "true" in line.lower():
            yield "HF001", "high", n, line.strip()[:120]


def load_cfg(root: Path) -> dict:
    cfg = {"allowed_index_hosts": ["pypi.org", "files.pythonhosted.org"],
           "allowed_hf_endpoints": ["https://huggingface.co"]}
    p = root / ".ml-supply-chain.toml"
    if p.exists() and tomllib:
        cfg.update(tomllib.loads(p.read_text()))
    return cfg


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root", type=Path)
    ap.add_argument("--format", choices=["md", "json"], default="md")
    ap.add_argument("--fail-on", choices=list(SEV), default=None)
    a = ap.parse_args()
    root = a.root.resolve()
    cfg = load_cfg(root)
    results = []
    skip = {".git", ".venv", "venv", "node_modules", "site-packages", "__pycache__"}
    for p in sorted(root.rglob("*")):
        if any(part in skip for part in p.parts) or not p.is_file():
            continue
        rel = p.relative_to(root)
        if p.suffix == ".py":
            gen = py_findings(p, cfg)
        elif re.match(r"requirements.*\.(txt|in)$", p.name) or p.name in ("pip.conf", "pip.ini", "constraints.txt"):
            gen = req_findings(p, cfg)
        elif p.name in ("Dockerfile", "pyproject.toml", "setup.cfg", ".gitlab-ci.yml") or (p.suffix in (".yml", ".yaml") and ".github" in p.parts):
            gen = text_findings(p, cfg)
        else:
            continue
        for cid, sev, line, msg in gen:
            results.append({"id": cid, "severity": sev, "file": str(rel), "line": line, "detail": msg})

    if a.format == "json":
        print(json.dumps(results, indent=2))
    else:
        print(f"# ML loader & dependency review: {root.name}\n")
        if not results:
            print("No findings.")
        print("| Sev | ID | Location | Detail |\n|---|---|---|---|")
        for r in sorted(results, key=lambda r: -SEV[r["severity"]]):
            print(f"| {r['severity']} | {r['id']} | `{r['file']}:{r['line']}` | {r['detail']} |")
    if a.fail_on and any(SEV[r["severity"]] >= SEV[a.fail_on] for r in results):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
