#!/usr/bin/env python3
"""Render a docxtpl template once per data row; optional PDF conversion via LibreOffice."""
from __future__ import annotations

import argparse
import csv
import json
import re
import shutil
import subprocess
import sys
from datetime import date, datetime
from pathlib import Path

from docxtpl import DocxTemplate, InlineImage, RichText
from docx.shared import Mm
from jinja2.sandbox import SandboxedEnvironment


def norm(h: str) -> str:
    return re.sub(r"[\s\-]+", "_", str(h).strip()).lower()


def load_rows(path: Path, sheet: str | None) -> list[dict]:
    suf = path.suffix.lower()
    if suf == ".csv":
        with path.open(newline="", encoding="utf-8-sig") as fh:
            rows = list(csv.DictReader(fh))
    elif suf == ".json":
        rows = json.loads(path.read_text(encoding="utf-8"))
    elif suf in (".xlsx", ".xlsm"):
        from openpyxl import load_workbook
        wb = load_workbook(path, read_only=True, data_only=True)
        ws = wb[sheet] if sheet else wb.worksheets[0]
        it = ws.iter_rows(values_only=True)
        headers = next(it)
        rows = [dict(zip(headers, r)) for r in it if any(c is not None for c in r)]
    else:
        sys.exit(f"unsupported data file: {path}")
    return [{norm(k): ("" if v is None else v) for k, v in r.items() if k is not None} for r in rows]


def make_env(date_fmt: str, currency: str) -> SandboxedEnvironment:
    env = SandboxedEnvironment(autoescape=False)

    def _date(v):
        if isinstance(v, (date, datetime)):
            return v.strftime(date_fmt)
        try:
            return datetime.fromisoformat(str(v)).strftime(date_fmt)
        except ValueError:
            return v

    def _money(v):
        try:
            return f"{currency} {float(v):,.2f}"
        except (TypeError, ValueError):
            return v

    env.filters["date"] = _date
    env.filters["money"] = _money
    return env


def richify(row: dict) -> dict:
    out = {}
    for k, v in row.items():
        if isinstance(v, str) and ("\n" in v or "**" in v):
            rt = RichText()
            for i, part in enumerate(re.split(r"(\*\*[^*]+\*\*)", v)):
                if part.startswith("**") and part.endswith("**"):
                    rt.add(part[2:-2], bold=True)
                elif part:
                    rt.add(part)
            out[k] = rt
        else:
            out[k] = v
    return out


def to_pdf(docx_dir: Path) -> None:
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        sys.exit("LibreOffice (soffice) not found; install it or drop --pdf")
    pdf_dir = docx_dir / "pdf"
    pdf_dir.mkdir(exist_ok=True)
    files = sorted(str(p) for p in docx_dir.glob("*.docx"))
    subprocess.run([soffice, "-env:UserInstallation=file:///tmp/lo-merge-profile", "--headless",
                    "--convert-to", "pdf", "--outdir", str(pdf_dir), *files], check=True)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--template", required=True, type=Path)
    ap.add_argument("--data", required=True, type=Path)
    ap.add_argument("--sheet")
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--name", default="{{ loop_index }}")
    ap.add_argument("--pdf", action="store_true")
    ap.add_argument("--image-field", action="append", default=[])
    ap.add_argument("--image-width-mm", type=float, default=40)
    ap.add_argument("--date-format", default="%d %B %Y")
    ap.add_argument("--currency", default="USD")
    ap.add_argument("--dry-run", action="store_true")
    ap.add_argument("--force", action="store_true")
    a = ap.parse_args()

    rows = load_rows(a.data, a.sheet)
    env = make_env(a.date_format, a.currency)
    probe = DocxTemplate(a.template)
    wanted = probe.get_undeclared_template_variables(env)
    have = set(rows[0]) if rows else set()
    print(f"{len(rows)} rows; template uses: {sorted(wanted)}")
    missing = wanted - have - {"loop_index"}
    if missing:
        print(f"WARNING: not in data: {sorted(missing)}", file=sys.stderr)
    unused = have - wanted
    if unused:
        print(f"note: data columns not used by template: {sorted(unused)}")
    if a.dry_run:
        rows = rows[:1]

    a.out.mkdir(parents=True, exist_ok=True)
    name_tpl = env.from_string(a.name)
    done = 0
    for i, row in enumerate(rows, 1):
        tpl = DocxTemplate(a.template)
        ctx = richify(row) | {"loop_index": f"{i:04d}"}
        for field in a.image_field:
            if row.get(field):
                ctx[field] = InlineImage(tpl, str(row[field]), width=Mm(a.image_width_mm))
        tpl.render(ctx, env)
        fname = re.sub(r"[^\w.\- ]", "_", name_tpl.render(**row, loop_index=f"{i:04d}")).strip() or f"{i:04d}"
        target = a.out / f"{fname}.docx"
        if target.exists() and not a.force:
            print(f"skip (exists): {target}")
            continue
        tpl.save(target)
        done += 1
    print(f"rendered {done} document(s) into {a.out}")
    if a.pdf and done and not a.dry_run:
        to_pdf(a.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
