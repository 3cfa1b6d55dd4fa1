#!/usr/bin/env python3
"""Static linter for Django migration files (no project import needed)."""
from __future__ import annotations

import argparse
import ast
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import _runtime  # noqa: E402


@dataclass
class Finding:
    path: str
    line: int
    code: str
    level: str
    msg: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}  {self.code} [{self.level}] {self.msg}"


def kw(call: ast.Call, name: str):
    for k in call.keywords:
        if k.arg == name:
            return k.value
    return None


def is_true(node) -> bool:
    return isinstance(node, ast.Constant) and node.value is True


def op_name(call: ast.Call) -> str:
    f = call.func
    if isinstance(f, ast.Attribute):
        return f.attr
    if isinstance(f, ast.Name):
        return f.id
    return ""


def field_call(call: ast.Call):
    v = kw(call, "field")
    if v is None and len(call.args) >= 3:
        v = call.args[2]
    return v if isinstance(v, ast.Call) else None


def lint_file(path: Path) -> list[Finding]:
    src = path.read_text()
    tree = ast.parse(src, filename=str(path))
    out: list[Finding] = []
    ops = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "operations" for t in node.targets):
            if isinstance(node.value, ast.List):
                ops = [e for e in node.value.elts if isinstance(e, ast.Call)]
    atomic_false = "atomic = False" in src
    kinds = set()
    for op in ops:
        name = op_name(op)
        ln = op.lineno
        if name == "AddField":
            kinds.add("schema")
            f = field_call(op)
            if f is not None:
                nullable = is_true(kw(f, "null"))
                has_default = kw(f, "default") is not None or kw(f, "db_default") is not None
                if not nullable and not has_default and op_name(f) not in ("ManyToManyField",):
                    out.append(Finding(str(path), ln, "DM001", "error", "NOT NULL column added without a default"))
                if is_true(kw(f, "db_index")) and not atomic_false:
                    out.append(Finding(str(path), ln, "DM007", "error", "index built without CONCURRENTLY"))
        elif name == "RemoveField":
            kinds.add("schema")
            out.append(Finding(str(path), ln, "DM002", "error", "column dropped; make sure no deployed code reads it"))
        elif name in ("RenameField", "RenameModel"):
            kinds.add("schema")
            out.append(Finding(str(path), ln, "DM003", "error", f"{name} breaks old code during rollout"))
        elif name == "AlterField":
            kinds.add("schema")
            out.append(Finding(str(path), ln, "DM004", "warn", "type/constraint change; check sqlmigrate for a rewrite"))
            f = field_call(op)
            if f is not None and is_true(kw(f, "unique")):
                out.append(Finding(str(path), ln, "DM010", "info", "unique added; build the index concurrently first"))
        elif name == "RunPython":
            kinds.add("data")
            if len(op.args) < 2 and kw(op, "reverse_code") is None:
                out.append(Finding(str(path), ln, "DM005", "error", "RunPython without reverse_code"))
        elif name == "RunSQL":
            kinds.add("data")
            if len(op.args) < 2 and kw(op, "reverse_sql") is None:
                out.append(Finding(str(path), ln, "DM006", "warn", "RunSQL without reverse_sql"))
        elif name == "AddIndex" and not atomic_false:
            kinds.add("schema")
            out.append(Finding(str(path), ln, "DM007", "error", "AddIndex on Postgres locks writes; use AddIndexConcurrently"))
    if {"schema", "data"} <= kinds:
        out.append(Finding(str(path), 1, "DM009", "warn", "schema and data operations in one migration"))
    if ".save()" in src and "RunPython" in src and "bulk_update" not in src:
        out.append(Finding(str(path), 1, "DM008", "warn", "row-by-row saves in a data migration"))
    return out


def changed_migrations(base: str) -> list[Path]:
    r = subprocess.run(
        ["git", "diff", "--name-only", "--diff-filter=A", f"{base}...", "--", "*/migrations/0*.py"],
        capture_output=True, text=True, check=True,
    )
    return [Path(p) for p in r.stdout.split() if p]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*", type=Path)
    ap.add_argument("--base", default=None)
    ap.add_argument("--quiet", action="store_true")
    a = ap.parse_args()

    _runtime.record_run()
    paths = a.paths or changed_migrations(a.base or "origin/main")
    findings: list[Finding] = []
    for p in paths:
        findings.extend(lint_file(p))
    for f in findings:
        if not (a.quiet and f.level == "info"):
            print(f)
    if not paths:
        print("no new migrations")
    return 1 if any(f.level == "error" for f in findings) else 0


if __name__ == "__main__":
    sys.exit(main())
