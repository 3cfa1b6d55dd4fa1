#!/usr/bin/env python3
"""Recalculate all formulas in an Excel file with headless LibreOffice and report errors.

Usage: recalc.py <file.xlsx> [timeout_seconds]
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
MACRO_XML = """<?xml version="1.0" encoding="UTF-8"?>
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


def profile_dir() -> Path:
    if platform.system() == "Darwin":
        return Path.home() / "Library/Application Support/LibreOffice/4/user/basic/Standard"
    return Path.home() / ".config/libreoffice/4/user/basic/Standard"


def soffice() -> str:
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    mac = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    if os.path.exists(mac):
        return mac
    sys.exit(json.dumps({"status": "error", "message": "LibreOffice not found; install libreoffice-calc"}))


def ensure_macro(binary: str) -> None:
    macro_dir = profile_dir()
    module = macro_dir / "Module1.xba"
    if module.exists() and MACRO_NAME in module.read_text(encoding="utf-8", errors="ignore"):
        return
    if not macro_dir.exists():
        # first start creates the profile
        subprocess.run([binary, "--headless", "--terminate_after_init"], capture_output=True, timeout=60)
        macro_dir.mkdir(parents=True, exist_ok=True)
    module.write_text(MACRO_XML, encoding="utf-8")


def scan(path: Path) -> dict:
    values = load_workbook(path, data_only=True)
    formulas = load_workbook(path, data_only=False)
    summary, total_formulas = {}, 0
    for ws in formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    total_formulas += 1
                value = values[ws.title][cell.coordinate].value
                if isinstance(value, str) and value in ERRORS:
                    entry = summary.setdefault(value, {"count": 0, "locations": []})
                    entry["count"] += 1
                    if len(entry["locations"]) < 20:
                        entry["locations"].append(f"{ws.title}!{cell.coordinate}")
    total = sum(e["count"] for e in summary.values())
    return {"status": "success" if total == 0 else "errors_found", "total_errors": total,
            "total_formulas": total_formulas, "error_summary": summary}


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(sys.argv[1]).resolve()
    timeout = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    if not path.exists():
        print(json.dumps({"status": "error", "message": f"{path} not found"}))
        return 1
    binary = soffice()
    ensure_macro(binary)
    cmd = [binary, "--headless", "--norestore",
           f"vnd.sun.star.script:Standard.Module1.{MACRO_NAME}?language=Basic&location=application",
           str(path)]
    try:
        subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        print(json.dumps({"status": "error", "message": f"LibreOffice timed out after {timeout}s"}))
        return 1
    print(json.dumps(scan(path), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
