#!/usr/bin/env python3
"""Locate deserialization sinks. Python via AST (precise), other languages via regex (review by hand)."""
import argparse
import ast
import json
import re
from pathlib import Path

SKIP_DIRS = {".git", "node_modules", "vendor", ".venv", "venv", "site-packages", "dist", "build", "target"}

PY_CALLS = {
    ("pickle", "load"), ("pickle", "loads"), ("cPickle", "loads"), ("cPickle", "load"), ("_pickle", "loads"),
    ("dill", "load"), ("dill", "loads"), ("cloudpickle", "loads"), ("marshal", "load"), ("marshal", "loads"),
    ("shelve", "open"), ("jsonpickle", "decode"), ("joblib", "load"), ("pandas", "read_pickle"), ("pd", "read_pickle"),
    ("yaml", "unsafe_load"), ("yaml", "full_load"),
}
SAFE_LOADERS = {"SafeLoader", "CSafeLoader", "BaseLoader"}

REGEX = {
    ".java": r"\b(readObject|readUnshared)\s*\(|new\s+XMLDecoder|\.fromXML\s*\(|SerializationUtils\.deserialize|enableDefaultTyping|activateDefaultTyping|Id\.CLASS|new\s+Yaml\s*\(\s*\)",
    ".kt": r"\b(readObject|readUnshared)\s*\(|\.fromXML\s*\(|enableDefaultTyping|activateDefaultTyping",
    ".cs": r"BinaryFormatter|SoapFormatter|NetDataContractSerializer|LosFormatter|ObjectStateFormatter|TypeNameHandling\.(All|Auto|Objects|Arrays)|SimpleTypeResolver",
    ".php": r"\bunserialize\s*\((?![^)]*allowed_classes)|phar://",
    ".rb": r"Marshal\.load|YAML\.(unsafe_)?load\b(?!_file)|Oj\.load\b",
    ".js": r"require\(['\"]node-serialize['\"]\)|\.unserialize\s*\(|DEFAULT_FULL_SCHEMA|funcster",
    ".ts": r"require\(['\"]node-serialize['\"]\)|\.unserialize\s*\(|DEFAULT_FULL_SCHEMA",
}


def dotted(node):
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
    return list(reversed(parts))


def scan_python(path, text):
    hits = []
    try:
        tree = ast.parse(text, filename=str(path))
    except SyntaxError:
        return hits
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = dotted(node.func)
        if len(name) < 2:
            continue
        mod, fn = name[-2], name[-1]
        kw = {k.arg: k.value for k in node.keywords if k.arg}
        reason = None
        if (mod, fn) in PY_CALLS:
            reason = f"{mod}.{fn}"
        elif mod == "yaml" and fn in ("load", "load_all"):
            loader = kw.get("Loader") or (node.args[1] if len(node.args) > 1 else None)
            lname = dotted(loader)[-1] if loader is not None and dotted(loader) else None
            if lname not in SAFE_LOADERS:
                reason = f"yaml.{fn} with Loader={lname or 'default'}"
        elif mod == "torch" and fn == "load":
            wo = kw.get("weights_only")
            if not (isinstance(wo, ast.Constant) and wo.value is True):
                reason = "torch.load without weights_only=True"
        elif fn == "load" and mod in ("np", "numpy"):
            ap = kw.get("allow_pickle")
            if isinstance(ap, ast.Constant) and ap.value is True:
                reason = "numpy.load(allow_pickle=True)"
        if reason:
            hits.append({"file": str(path), "line": node.lineno, "lang": "python", "sink": reason,
                         "code": ast.get_source_segment(text, node) or "", "precision": "ast"})
    return hits


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--out", default="deser-sinks.json")
    a = ap.parse_args()
    hits = []
    for p in Path(a.root).rglob("*"):
        if not p.is_file() or any(part in SKIP_DIRS for part in p.parts):
            continue
        suffix = p.suffix.lower()
        if suffix not in REGEX and suffix != ".py":
            continue
        text = p.read_text(encoding="utf-8", errors="replace")
        if suffix == ".py":
            hits += scan_python(p, text)
            continue
        rx = re.compile(REGEX[suffix])
        for i, line in enumerate(text.splitlines(), 1):
            m = rx.search(line)
            if m:
                hits.append({"file": str(p), "line": i, "lang": suffix[1:], "sink": m.group(0).strip(),
                             "code": line.strip()[:200], "precision": "regex"})
    Path(a.out).write_text(json.dumps(hits, indent=2))
    for h in hits:
        print(f"{h['file']}:{h['line']}  [{h['lang']}/{h['precision']}]  {h['sink']}")
    print(f"\n{len(hits)} candidate sink(s) -> {a.out}")


if __name__ == "__main__":
    main()
