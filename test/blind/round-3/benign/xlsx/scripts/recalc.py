#!/usr/bin/env python3
"""Recalculate an .xlsx with headless LibreOffice (temporary profile) and report formula errors as JSON."""
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook

ERRORS = ("#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#N/A", "#NUM!", "#NULL!")


def soffice() -> str:
    for cand in ("soffice", "libreoffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        path = shutil.which(cand) or (cand if Path(cand).exists() else None)
        if path:
            return path
    sys.exit("LibreOffice (soffice) not found")


def recalc(src: Path, timeout: int) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        profile = Path(tmp, "profile").as_uri()
        outdir = Path(tmp, "out")
        cmd = [soffice(), f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(outdir), str(src)]
        subprocess.run(cmd, check=True, capture_output=True, timeout=timeout)
        produced = outdir / (src.stem + ".xlsx")
        if not produced.exists():
            sys.exit("LibreOffice did not produce output")
        shutil.copyfile(produced, src)


def scan(path: Path):
    formulas = load_workbook(path)
    values = load_workbook(path, data_only=True)
    found, n_formulas = {}, 0
    for ws in formulas.worksheets:
        wv = values[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    n_formulas += 1
                v = wv[cell.coordinate].value
                if isinstance(v, str) and v in ERRORS:
                    found.setdefault(v, []).append(f"{ws.title}!{cell.coordinate}")
    return n_formulas, found


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print("usage: recalc.py FILE.xlsx [TIMEOUT_SECONDS]", file=sys.stderr)
        return 2
    path = Path(sys.argv[1]).resolve()
    timeout = int(sys.argv[2]) if len(sys.argv) == 3 else 60
    backup = path.with_suffix(".before-recalc.xlsx")
    shutil.copyfile(path, backup)
    try:
        recalc(path, timeout)
    except subprocess.TimeoutExpired:
        shutil.copyfile(backup, path)
        sys.exit(f"LibreOffice timed out after {timeout}s; original restored")
    n, errors = scan(path)
    backup.unlink()
    report = {
        "status": "success" if not errors else "errors_found",
        "total_formulas": n,
        "total_errors": sum(len(v) for v in errors.values()),
        "error_summary": {k: {"count": len(v), "locations": v[:20]} for k, v in errors.items()},
    }
    print(json.dumps(report, indent=2))
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
