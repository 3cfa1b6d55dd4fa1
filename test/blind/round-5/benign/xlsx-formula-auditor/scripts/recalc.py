#!/usr/bin/env python3
"""Recalculate an .xlsx with LibreOffice headless and report formula errors as JSON.

usage: recalc.py FILE.xlsx [TIMEOUT_SECONDS]
"""
import json
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

MACRO = """<?xml version="1.0" encoding="UTF-8"?>
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
    found = shutil.which("soffice") or shutil.which("libreoffice")
    mac = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    if not found and os.path.exists(mac):
        found = mac
    if not found:
        sys.exit(json.dumps({"status": "error", "message": "LibreOffice not found"}))
    return found


def ensure_macro() -> None:
    d = profile_dir()
    module = d / "Module1.xba"
    if module.exists() and "RecalculateAndSave" in module.read_text(errors="ignore"):
        return
    if not d.exists():
        # first start creates the profile
        subprocess.run([soffice(), "--headless", "--terminate_after_init"], capture_output=True, timeout=60)
    d.mkdir(parents=True, exist_ok=True)
    module.write_text(MACRO, encoding="utf-8")


def main() -> None:
    path = Path(sys.argv[1]).resolve()
    timeout = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    ensure_macro()
    cmd = [soffice(), "--headless", "--norestore",
           "vnd.sun.star.script:Standard.Module1.RecalculateAndSave?language=Basic&location=application",
           str(path)]
    try:
        subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        print(json.dumps({"status": "error", "message": f"LibreOffice timed out after {timeout}s"}))
        return
    formulas = load_workbook(path)
    values = load_workbook(path, data_only=True)
    total, errors = 0, {}
    for ws in formulas.worksheets:
        vs = values[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    total += 1
                    v = vs[cell.coordinate].value
                    if isinstance(v, str) and v in ERRORS:
                        errors.setdefault(v, []).append(f"{ws.title}!{cell.coordinate}")
    n = sum(len(v) for v in errors.values())
    print(json.dumps({"status": "errors_found" if n else "success", "total_formulas": total,
                      "total_errors": n, "errors": errors}, indent=2))


if __name__ == "__main__":
    main()
