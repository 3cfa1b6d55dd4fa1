#!/usr/bin/env python3
"""Infer a Pydantic v2 model skeleton from one or more JSON samples.

    infer_from_json.py samples/*.json --root Order
"""
from __future__ import annotations

import argparse
import json
import keyword
import re
import sys
from pathlib import Path

DATETIME_RE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$")
DATE_RE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", re.I)
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
URL_RE = re.compile(r"^https?://\S+$")
MONEY_NAMES = re.compile(r"(price|amount|total|cost|balance|fee)", re.I)


def snake(name: str) -> str:
    s = re.sub(r"(?<=[a-z0-9])([A-Z])", r"_\1", name).replace("-", "_").lower()
    if keyword.iskeyword(s) or s in {"model_config", "model_fields"}:
        s += "_"
    return s


def pascal(name: str) -> str:
    return "".join(p[:1].upper() + p[1:] for p in re.split(r"[_\-\s]+", name) if p) or "Model"


class Inferrer:
    def __init__(self) -> None:
        self.models: dict[str, dict[str, set[str]]] = {}
        self.seen_counts: dict[str, int] = {}
        self.field_counts: dict[str, dict[str, int]] = {}
        self.imports: set[str] = set()

    def scalar(self, key: str, value) -> str:
        if value is None:
            return "None"
        if isinstance(value, bool):
            return "bool"
        if isinstance(value, int):
            return "int"
        if isinstance(value, float):
            if MONEY_NAMES.search(key):
                self.imports.add("from decimal import Decimal")
                return "Decimal"
            return "float"
        if isinstance(value, str):
            if DATETIME_RE.match(value):
                self.imports.add("from datetime import datetime")
                return "datetime"
            if DATE_RE.match(value):
                self.imports.add("from datetime import date")
                return "date"
            if UUID_RE.match(value):
                self.imports.add("from uuid import UUID")
                return "UUID"
            if EMAIL_RE.match(value):
                self.imports.add("EmailStr")
                return "EmailStr"
            if URL_RE.match(value):
                self.imports.add("HttpUrl")
                return "HttpUrl"
            if MONEY_NAMES.search(key) and re.fullmatch(r"-?\d+(\.\d+)?", value):
                self.imports.add("from decimal import Decimal")
                return "Decimal"
            return "str"
        return "Any"

    def visit(self, model: str, obj: dict) -> None:
        fields = self.models.setdefault(model, {})
        self.seen_counts[model] = self.seen_counts.get(model, 0) + 1
        counts = self.field_counts.setdefault(model, {})
        for key, value in obj.items():
            counts[key] = counts.get(key, 0) + 1
            types = fields.setdefault(key, set())
            if isinstance(value, dict):
                child = pascal(key)
                self.visit(child, value)
                types.add(child)
            elif isinstance(value, list):
                if value and all(isinstance(v, dict) for v in value):
                    child = pascal(key[:-1] if key.endswith("s") else key + "Item")
                    for v in value:
                        self.visit(child, v)
                    types.add(f"list[{child}]")
                elif value:
                    inner = sorted({self.scalar(key, v) for v in value} - {"None"}) or ["Any"]
                    types.add(f"list[{' | '.join(inner)}]")
                else:
                    types.add("list[Any]")
            else:
                types.add(self.scalar(key, value))

    def render(self, root: str) -> str:
        order = list(self.models)
        order.remove(root)
        order.append(root)  # children first so references resolve without model_rebuild
        body = []
        for model in order:
            lines = [f"class {model}(BaseModel):", "    model_config = ConfigDict(populate_by_name=True, extra=\"ignore\")", ""]
            for key, types in self.models[model].items():
                optional = "None" in types or self.field_counts[model][key] < self.seen_counts[model]
                concrete = sorted(types - {"None"}) or ["Any"]
                annotation = " | ".join(concrete) + (" | None" if optional else "")
                attr = snake(key)
                default = " = None" if optional else ""
                if attr.rstrip("_") != key:
                    default = f' = Field({"None, " if optional else ""}alias="{key}")'
                lines.append(f"    {attr}: {annotation}{default}")
            body.append("\n".join(lines))
        needs_any = any("Any" in t for m in self.models.values() for ts in m.values() for t in ts)
        header = ["from __future__ import annotations", ""]
        header += sorted(i for i in self.imports if i.startswith("from "))
        if needs_any:
            header.append("from typing import Any")
        extras = sorted(i for i in self.imports if not i.startswith("from "))
        header.append("from pydantic import " + ", ".join(["BaseModel", "ConfigDict", "Field", *extras]))
        return "\n".join(header) + "\n\n\n" + "\n\n\n".join(body) + "\n"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("samples", nargs="+", type=Path)
    ap.add_argument("--root", default="Model")
    args = ap.parse_args(argv)

    inf = Inferrer()
    for path in args.samples:
        data = json.loads(path.read_text(encoding="utf-8"))
        items = data if isinstance(data, list) else [data]
        for item in items:
            if not isinstance(item, dict):
                print(f"{path}: top-level value is not an object, skipped", file=sys.stderr)
                continue
            inf.visit(args.root, item)
    if args.root not in inf.models:
        print("no object samples found", file=sys.stderr)
        return 1
    sys.stdout.write(inf.render(args.root))
    return 0


if __name__ == "__main__":
    sys.exit(main())
