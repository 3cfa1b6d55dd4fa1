#!/usr/bin/env python3
"""Static checks for Airflow DAG files."""
import ast
import json
import pathlib
import re
import sys

SECRET_RE = re.compile(r"(postgres|mysql|mssql|snowflake)://[^:]+:[^@]+@", re.I)


def check(path: pathlib.Path):
    src = path.read_text()
    tree = ast.parse(src)
    out = []
    if SECRET_RE.search(src):
        out.append(("AF005", 1, "credentials in connection string"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "DAG":
            kws = {k.arg: k.value for k in node.keywords}
            if "catchup" not in kws:
                out.append(("AF003", node.lineno, "catchup not set"))
            sd = kws.get("start_date")
            if sd is not None and "now" in ast.unparse(sd):
                out.append(("AF004", node.lineno, "dynamic start_date"))
            da = kws.get("default_args")
            if isinstance(da, ast.Dict) and "retries" not in [getattr(k, "value", None) for k in da.keys]:
                out.append(("AF002", node.lineno, "default_args without retries"))
        if isinstance(node, ast.keyword) and node.arg == "provide_context":
            out.append(("AF006", node.value.lineno, "provide_context is removed in Airflow 2"))
    for node in tree.body:
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Call):
            out.append(("AF001", node.lineno, "top-level call runs on every parse"))
    return out


def main():
    fmt = "json" if "--format" in sys.argv and sys.argv[sys.argv.index("--format") + 1] == "json" else "text"
    targets = [pathlib.Path(a) for a in sys.argv[1:] if not a.startswith("--") and a != "json"]
    files = [f for t in targets for f in ([t] if t.is_file() else t.rglob("*.py"))]
    results = {str(f): check(f) for f in files}
    if fmt == "json":
        print(json.dumps(results, indent=2))
    else:
        for f, items in results.items():
            for rule, line, msg in items:
                print(f"{f}:{line}: {rule} {msg}")


if __name__ == "__main__":
    main()
