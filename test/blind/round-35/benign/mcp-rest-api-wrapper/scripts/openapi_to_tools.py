#!/usr/bin/env python3
"""List OpenAPI operations and generate FastMCP tool stubs for chosen ones.

  openapi_to_tools.py SPEC.json --list
  openapi_to_tools.py SPEC.json --grep WORD
  openapi_to_tools.py SPEC.json --pick operationId [--pick ...]

Reads a local spec file (JSON or YAML). Does not call the API.
"""
import argparse
import json
import keyword
import re
import sys

try:
    import yaml
except ImportError:  # YAML is optional
    yaml = None

METHODS = ("get", "post", "put", "patch", "delete")
PY_TYPES = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "array": "list", "object": "dict"}


def load(path):
    text = open(path, encoding="utf-8").read()
    if path.endswith((".yaml", ".yml")):
        if yaml is None:
            sys.exit("pip install pyyaml to read YAML specs")
        return yaml.safe_load(text)
    return json.loads(text)


def ops(spec):
    for path, item in spec.get("paths", {}).items():
        for m in METHODS:
            if m in item:
                op = item[m]
                yield m.upper(), path, op.get("operationId") or f"{m}_{path}", op


def snake(name):
    s = re.sub(r"[^0-9a-zA-Z]+", "_", name)
    s = re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", s).lower().strip("_")
    return s + "_" if keyword.iskeyword(s) else s


def stub(method, path, op_id, op):
    params = []
    for p in op.get("parameters", []):
        if "$ref" in p:
            continue
        t = PY_TYPES.get((p.get("schema") or {}).get("type", "string"), "str")
        default = "" if p.get("required") else " | None = None"
        params.append((snake(p["name"]), p["name"], t + default, p.get("in"), p.get("description", "")))
    params.sort(key=lambda x: "None" in x[2])
    sig = ", ".join(f"{py}: {t}" for py, _, t, _, _ in params)
    body_path = path
    for py, orig, _, where, _ in params:
        if where == "path":
            body_path = body_path.replace("{" + orig + "}", "{" + py + "}")
    query = [f'"{orig}": {py}' for py, orig, _, where, _ in params if where == "query"]
    ro = "True" if method == "GET" else "False"
    doc = (op.get("summary") or op.get("description") or op_id).strip().splitlines()[0]
    lines = [
        f"@mcp.tool(annotations=ToolAnnotations(readOnlyHint={ro}))",
        f"async def {snake(op_id)}({sig}) -> dict:",
        f'    """{doc}',
        "",
        "    TODO: rewrite this description for the model; say when to use it.",
        '    """',
    ]
    if query:
        lines.append(f"    params = {{k: v for k, v in {{{', '.join(query)}}}.items() if v is not None}}")
        lines.append(f'    return await api("{method}", f"{body_path}", params=params)')
    else:
        lines.append(f'    return await api("{method}", f"{body_path}")')
    return "\n".join(lines) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spec")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--grep")
    ap.add_argument("--pick", action="append", default=[])
    a = ap.parse_args()
    spec = load(a.spec)
    all_ops = list(ops(spec))
    if a.list or a.grep:
        for m, p, oid, op in all_ops:
            line = f"{m:6} {p:60} {oid}  {op.get('summary', '')}"
            if not a.grep or a.grep.lower() in line.lower():
                print(line)
        return
    wanted = set(a.pick)
    for m, p, oid, op in all_ops:
        if oid in wanted:
            print(stub(m, p, oid, op))
            wanted.discard(oid)
    if wanted:
        print(f"# not found: {', '.join(sorted(wanted))}", file=sys.stderr)


if __name__ == "__main__":
    main()
