#!/usr/bin/env python3
"""Print Markdown Requirements/Providers/Modules/Inputs/Outputs tables for a Terraform module.

Usage: tf_tables.py MODULE_DIR

A light HCL reader: handles the block shapes used in variables.tf/outputs.tf/versions.tf.
Expressions are not evaluated; complex defaults and types are shown verbatim.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

BLOCK_RE = re.compile(r'^(variable|output|module)\s+"([^"]+)"\s*\{', re.M)


def block_body(text: str, start: int) -> str:
    depth = 0
    i = text.index("{", start)
    for j in range(i, len(text)):
        if text[j] == "{":
            depth += 1
        elif text[j] == "}":
            depth -= 1
            if depth == 0:
                return text[i + 1:j]
    return text[i + 1:]


def attr(body: str, name: str) -> str | None:
    m = re.search(r"^\s*%s\s*=\s*" % re.escape(name), body, re.M)
    if not m:
        return None
    rest = body[m.end():]
    if rest.startswith("<<"):
        h = re.match(r"<<-?(\w+)\n(.*?)\n\s*\1", rest, re.S)
        return h.group(2).strip() if h else None
    if rest[0] in "{[(":
        pairs = {"{": "}", "[": "]", "(": ")"}
        depth, opener = 0, rest[0]
        for k, ch in enumerate(rest):
            if ch == opener:
                depth += 1
            elif ch == pairs[opener]:
                depth -= 1
                if depth == 0:
                    return rest[:k + 1].strip()
    if rest.startswith('"'):
        m2 = re.match(r'"((?:[^"\\]|\\.)*)"', rest)
        return m2.group(1) if m2 else None
    line = rest.split("\n", 1)[0].strip()
    if "(" in line and line.count("(") > line.count(")"):
        depth = 0
        for k, ch in enumerate(rest):
            depth += ch == "("
            depth -= ch == ")"
            if depth == 0 and ch == ")":
                return rest[:k + 1].strip()
    return line


def cell(value: str | None) -> str:
    if value is None:
        return "n/a"
    value = re.sub(r"\s+", " ", value).replace("|", "\\|")
    return f"`{value}`"


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(sys.argv[1])
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(root.glob("*.tf")))

    out: list[str] = ["## Requirements", "", "| Name | Version |", "|------|---------|"]
    rv = re.search(r'required_version\s*=\s*"([^"]+)"', text)
    if rv:
        out.append(f"| terraform | {cell(rv.group(1))} |")
    rp = re.search(r"required_providers\s*\{", text)
    providers: list[tuple[str, str, str]] = []
    if rp:
        body = block_body(text, rp.start())
        for m in re.finditer(r"^\s*([\w-]+)\s*=\s*\{", body, re.M):
            pb = block_body(body, m.start())
            providers.append((m.group(1), attr(pb, "source") or "", attr(pb, "version") or ""))
    for name, _, version in providers:
        out.append(f"| {name} | {cell(version) if version else 'n/a'} |")

    if providers:
        out += ["", "## Providers", "", "| Name | Source |", "|------|--------|"]
        out += [f"| {n} | {cell(s)} |" for n, s, _ in providers]

    variables, outputs, modules = [], [], []
    for m in BLOCK_RE.finditer(text):
        body = block_body(text, m.start())
        if m.group(1) == "variable":
            variables.append((m.group(2), body))
        elif m.group(1) == "output":
            outputs.append((m.group(2), body))
        else:
            modules.append((m.group(2), body))

    if modules:
        out += ["", "## Modules", "", "| Name | Source | Version |", "|------|--------|---------|"]
        for name, body in modules:
            out.append(f"| {name} | {cell(attr(body, 'source'))} | {cell(attr(body, 'version'))} |")

    out += ["", "## Inputs", "", "| Name | Description | Type | Default | Required |",
            "|------|-------------|------|---------|:--------:|"]
    for name, body in sorted(variables, key=lambda v: (attr(v[1], "default") is not None, v[0])):
        default = attr(body, "default")
        sensitive = (attr(body, "sensitive") or "").strip() == "true"
        desc = (attr(body, "description") or "").replace("\n", " ")
        if re.search(r"^\s*validation\s*\{", body, re.M):
            cond = re.search(r"condition\s*=\s*(.+)", body)
            if cond and "contains(" in cond.group(1):
                opts = re.findall(r'"([^"]+)"', cond.group(1))
                if opts:
                    desc += f" Must be one of: {', '.join(opts)}."
        shown_default = "n/a" if default is None else ("(sensitive)" if sensitive else cell(default))
        out.append(f"| {name} | {desc or '(no description)'} | {cell(attr(body, 'type') or 'any')} | "
                   f"{shown_default} | {'yes' if default is None else 'no'} |")

    out += ["", "## Outputs", "", "| Name | Description |", "|------|-------------|"]
    for name, body in sorted(outputs):
        out.append(f"| {name} | {(attr(body, 'description') or '(no description)').replace(chr(10), ' ')} |")

    print("\n".join(out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
