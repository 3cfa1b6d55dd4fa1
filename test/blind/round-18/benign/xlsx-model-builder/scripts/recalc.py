#!/usr/bin/env python3
"""Recalculate all formulas in a workbook with LibreOffice, then report formula errors.

usage: recalc.py <workbook.xlsx> [timeout_seconds]
"""
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

MACRO_NAME = "RecalculateAndSave"
MACRO_XBA = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub RecalculateAndSave
    ThisComponent.calculateAll()
    ThisComponent.store()
    ThisComponent.close(True)
End Sub
</script:module>
"""
ERRORS = ("#VALUE!", "#DIV/0!", "#REF!", "#NAME?", "#NULL!", "#NUM!", "#N/A")


def macro_dir() -> Path:
    if platform.system() == "Darwin":
        base = Path.home() / "Library/Application Support/LibreOffice/4/user"
    else:
        base = Path.home() / ".config/libreoffice/4/user"
    return base / "basic" / "Standard"


def ensure_macro() -> None:
    target = macro_dir() / "Module1.xba"
    if target.exists() and MACRO_NAME in target.read_text(encoding="utf-8", errors="ignore"):
        return
    if not macro_dir().exists():
        # Start LibreOffice once so it creates its profile directory.
        subprocess.run(["soffice", "--headless", "--terminate_after_init"],
                       capture_output=True, timeout=60)
    macro_dir().mkdir(parents=True, exist_ok=True)
    if target.exists():
        shutil.copy2(target, target.with_suffix(".xba.bak"))
    target.write_text(MACRO_XBA, encoding="utf-8")
    print(f"installed LibreOffice macro {MACRO_NAME} in {target}", file=sys.stderr)


def recalc(path: Path, timeout: int) -> None:
    cmd = ["soffice", "--headless", "--norestore",
           f"vnd.sun.star.script:Standard.Module1.{MACRO_NAME}?language=Basic&location=application",
           str(path)]
    if shutil.which("timeout"):
        cmd = ["timeout", str(timeout)] + cmd
    result = subprocess.run(cmd, capture_output=True, text=True)
    if result.returncode not in (0, 124):
        raise RuntimeError(result.stderr.strip() or f"soffice exited {result.returncode}")


def scan(path: Path) -> dict:
    values = load_workbook(path, data_only=True)
    formulas = load_workbook(path, data_only=False)
    summary: dict[str, dict] = {}
    total_formulas = 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    total_formulas += 1
                v = values[ws.title][cell.coordinate].value
                if isinstance(v, str) and v in ERRORS:
                    entry = summary.setdefault(v, {"count": 0, "locations": []})
                    entry["count"] += 1
                    if len(entry["locations"]) < 20:
                        entry["locations"].append(f"{ws.title}!{cell.coordinate}")
    total = sum(e["count"] for e in summary.values())
    return {
        "status": "success" if total == 0 else "errors_found",
        "total_errors": total,
        "total_formulas": total_formulas,
        "error_summary": summary,
    }


def main() -> int:
    if len(sys.argv) not in (2, 3):
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(sys.argv[1]).resolve()
    timeout = int(sys.argv[2]) if len(sys.argv) == 3 else 30
    if not path.exists():
        print(json.dumps({"status": "error", "message": f"{path} not found"}))
        return 1
    if not shutil.which("soffice"):
        print(json.dumps({"status": "error", "message": "LibreOffice (soffice) not installed"}))
        return 1
    os.environ.setdefault("SAL_USE_VCLPLUGIN", "svp")
    ensure_macro()
    recalc(path, timeout)
    report = scan(path)
    print(json.dumps(report, indent=2))
    return 0 if report["status"] == "success" else 1


if __name__ == "__main__":
    sys.exit(main())
