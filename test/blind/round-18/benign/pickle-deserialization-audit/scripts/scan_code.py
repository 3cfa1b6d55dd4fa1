#!/usr/bin/env python3
"""AST scan of a Python tree for deserialization sinks, with a rough reachability hint."""
from __future__ import annotations

import argparse
import ast
import json
import sys
from pathlib import Path

SINKS = {
    ("pickle", "load"), ("pickle", "loads"), ("pickle", "Unpickler"),
    ("_pickle", "load"), ("_pickle", "loads"), ("_pickle", "Unpickler"),
    ("cPickle", "load"), ("cPickle", "loads"),
    ("dill", "load"), ("dill", "loads"),
    ("cloudpickle", "load"), ("cloudpickle", "loads"),
    ("joblib", "load"), ("shelve", "open"), ("marshal", "load"), ("marshal", "loads"),
    ("pandas", "read_pickle"), ("yaml", "unsafe_load"), ("yaml", "full_load"),
}
UNTRUSTED_HINTS = ("request", "req.", "body", "upload", "payload", "get_object", "requests.get",
                   "urlopen", "redis", ".recv(", "message", "environ", "argv", "param")


def dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{dotted(node.value)}.{node.attr}"
    return ""


class Visitor(ast.NodeVisitor):
    def __init__(self, path: Path, source: str):
        self.path, self.source = path, source
        self.aliases: dict[str, str] = {}
        self.findings: list[dict] = []

    def visit_Import(self, node: ast.Import) -> None:
        for a in node.names:
            self.aliases[a.asname or a.name] = a.name
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for a in node.names:
            self.aliases[a.asname or a.name] = f"{node.module}.{a.name}"
        self.generic_visit(node)

    def resolve(self, name: str) -> str:
        head, _, rest = name.partition(".")
        base = self.aliases.get(head, head)
        if base == "numpy" or base == "np":
            base = "numpy"
        return f"{base}.{rest}" if rest else base

    def add(self, node: ast.Call, sink: str, why: str) -> None:
        seg = ast.get_source_segment(self.source, node) or sink
        low = seg.lower()
        reach = "high" if any(h in low for h in UNTRUSTED_HINTS) else "low"
        self.findings.append({"file": str(self.path), "line": node.lineno, "sink": sink,
                              "reason": why, "reachability": reach, "code": seg[:160]})

    def visit_Call(self, node: ast.Call) -> None:
        full = self.resolve(dotted(node.func))
        mod, _, fn = full.rpartition(".")
        kwargs = {k.arg: k.value for k in node.keywords if k.arg}
        if (mod.split(".")[-1], fn) in SINKS:
            self.add(node, full, "deserializes arbitrary Python objects")
        elif full == "yaml.load":
            loader = kwargs.get("Loader") or (node.args[1] if len(node.args) > 1 else None)
            name = dotted(loader) if loader is not None else ""
            if not name.endswith(("SafeLoader", "CSafeLoader", "BaseLoader")):
                self.add(node, full, f"yaml.load with Loader={name or 'default'}")
        elif full == "torch.load":
            wo = kwargs.get("weights_only")
            if wo is None:
                self.add(node, full, "torch.load without explicit weights_only=True")
            elif isinstance(wo, ast.Constant) and wo.value is False:
                self.add(node, full, "torch.load with weights_only=False")
        elif full == "numpy.load":
            ap = kwargs.get("allow_pickle")
            if isinstance(ap, ast.Constant) and ap.value is True:
                self.add(node, full, "numpy.load with allow_pickle=True")
        elif full == "getattr" and node.args and self.resolve(dotted(node.args[0])) in {"pickle", "dill", "marshal"}:
            self.add(node, "getattr(pickle, ...)", "unresolved-dynamic")
        self.generic_visit(node)


def scan(root: Path) -> list[dict]:
    out = []
    for path in sorted(root.rglob("*.py")):
        if any(part in {".venv", "venv", "site-packages", "node_modules", ".git"} for part in path.parts):
            continue
        try:
            source = path.read_text(encoding="utf-8", errors="replace")
            tree = ast.parse(source, filename=str(path))
        except SyntaxError as exc:
            print(f"skip {path}: {exc}", file=sys.stderr)
            continue
        v = Visitor(path, source)
        v.visit(tree)
        out.extend(v.findings)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root", type=Path)
    ap.add_argument("--format", choices=["table", "json"], default="table")
    ap.add_argument("--fail-on", choices=["high", "low", "never"], default="never")
    args = ap.parse_args()
    findings = scan(args.root)
    if args.format == "json":
        json.dump(findings, sys.stdout, indent=2)
        print()
    else:
        for f in findings:
            print(f"{f['reachability']:<5} {f['file']}:{f['line']:<5} {f['sink']:<22} {f['reason']}")
        print(f"{len(findings)} finding(s)")
    if args.fail_on == "high" and any(f["reachability"] == "high" for f in findings):
        return 1
    if args.fail_on == "low" and findings:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
