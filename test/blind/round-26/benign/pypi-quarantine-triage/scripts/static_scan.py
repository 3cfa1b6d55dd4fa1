#!/usr/bin/env python3
"""Static scan of PyPI artifacts. Intended to run in a --network none container.
Unpacks into /tmp with traversal checks; never imports or executes package code."""
import argparse
import ast
import json
import math
import re
import tarfile
import zipfile
from collections import Counter
from pathlib import Path, PurePosixPath

RULES = [
    ("exec-decoded", re.compile(r"\b(exec|eval|compile)\s*\(\s*(base64|zlib|marshal|codecs|bytes\.fromhex|__import__)")),
    ("import-dunder", re.compile(r"__import__\(\s*['\"](os|subprocess|socket|base64)['\"]")),
    ("net-fetch", re.compile(r"(urllib\.request\.urlopen|requests\.(get|post)|httpx\.|socket\.socket\()")),
    ("webhook", re.compile(r"(discord(app)?\.com/api/webhooks|api\.telegram\.org/bot)")),
    ("sensitive-path", re.compile(r"(Login Data|Local State|Cookies|\.ssh|\.aws/credentials|exodus|Electrum|MetaMask|keychain)", re.I)),
    ("shell", re.compile(r"(os\.system|subprocess\.(Popen|call|run|check_output)|pty\.spawn)")),
    ("env-dump", re.compile(r"(dict\(os\.environ\)|os\.environ\.copy\(\)|json\.dumps\(os\.environ)")),
]
URL_RE = re.compile(r"https?://[^\s'\"<>)]+")
IP_RE = re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}\b")


def entropy(s):
    if not s:
        return 0.0
    c = Counter(s)
    return -sum(v / len(s) * math.log2(v / len(s)) for v in c.values())


def safe_extract(archive, dest, findings):
    dest.mkdir(parents=True, exist_ok=True)
    if archive.suffix in (".whl", ".zip") or archive.name.endswith(".egg"):
        with zipfile.ZipFile(archive) as z:
            for m in z.infolist():
                target = (dest / m.filename).resolve()
                if not str(target).startswith(str(dest.resolve())):
                    findings.append({"rule": "path-traversal", "file": m.filename, "line": 0, "snippet": m.filename})
                    continue
                z.extract(m, dest)
    else:
        with tarfile.open(archive) as t:
            for m in t.getmembers():
                p = PurePosixPath(m.name)
                if p.is_absolute() or ".." in p.parts or m.issym() or m.islnk() or m.isdev():
                    findings.append({"rule": "path-traversal", "file": m.name, "line": 0, "snippet": m.name})
                    continue
                t.extract(m, dest, set_attrs=False)


def clip(s, n=200):
    s = s.encode("unicode_escape").decode("ascii")
    return s[:n]


def scan_py(path, rel, findings):
    text = path.read_text(encoding="utf-8", errors="replace")
    for i, line in enumerate(text.splitlines(), 1):
        for rid, rx in RULES:
            if rx.search(line):
                findings.append({"rule": rid, "file": rel, "line": i, "snippet": clip(line.strip())})
        for u in URL_RE.findall(line):
            findings.append({"rule": "url", "file": rel, "line": i, "snippet": clip(u)})
        for ip in IP_RE.findall(line):
            findings.append({"rule": "ip", "file": rel, "line": i, "snippet": ip})
    try:
        tree = ast.parse(text)
    except SyntaxError:
        findings.append({"rule": "unparseable", "file": rel, "line": 0, "snippet": ""})
        return
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and len(node.value) > 400:
            if entropy(node.value) > 5.0:
                findings.append({"rule": "high-entropy-literal", "file": rel, "line": node.lineno,
                                 "snippet": f"len={len(node.value)} H={entropy(node.value):.2f}"})
    if path.name == "setup.py":
        for node in tree.body:
            if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
                fn = ast.unparse(node.value.func)
                if fn != "setup" and not fn.endswith(".setup"):
                    findings.append({"rule": "setup-toplevel-call", "file": rel, "line": node.lineno, "snippet": clip(fn)})
            if isinstance(node, ast.ClassDef) and any("install" in ast.unparse(b) or "develop" in ast.unparse(b) or "egg_info" in ast.unparse(b) for b in node.bases):
                findings.append({"rule": "cmdclass-override", "file": rel, "line": node.lineno, "snippet": node.name})


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("indir")
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    report = {"artifacts": []}
    for art in sorted(Path(a.indir).iterdir()):
        if art.suffix not in (".whl", ".zip", ".gz", ".bz2", ".tgz") and not art.name.endswith(".tar.gz"):
            continue
        findings = []
        dest = Path("/tmp/unpacked") / art.name
        safe_extract(art, dest, findings)
        for f in dest.rglob("*"):
            if not f.is_file():
                continue
            rel = str(f.relative_to(dest))
            if f.suffix == ".pth":
                body = f.read_text(errors="replace")
                if re.search(r"^\s*import\s", body, re.M):
                    findings.append({"rule": "pth-exec", "file": rel, "line": 1, "snippet": clip(body.strip())})
            elif f.suffix == ".py":
                scan_py(f, rel, findings)
            elif f.name == "pyproject.toml":
                t = f.read_text(errors="replace")
                m = re.search(r"build-backend\s*=\s*['\"]([^'\"]+)", t)
                if m and m.group(1) not in ("setuptools.build_meta", "hatchling.build", "poetry.core.masonry.api",
                                            "flit_core.buildapi", "pdm.backend", "maturin", "scikit_build_core.build"):
                    findings.append({"rule": "custom-build-backend", "file": rel, "line": 0, "snippet": m.group(1)})
            elif f.suffix in (".so", ".pyd", ".dll", ".exe", ".bin"):
                findings.append({"rule": "binary-blob", "file": rel, "line": 0, "snippet": f"{f.stat().st_size} bytes"})
        report["artifacts"].append({"file": art.name, "findings": findings})
        print(f"{art.name}: {len(findings)} findings")
        for fi in findings[:60]:
            print(f"  [{fi['rule']}] {fi['file']}:{fi['line']}  {fi['snippet']}")

    Path(a.out).write_text(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
