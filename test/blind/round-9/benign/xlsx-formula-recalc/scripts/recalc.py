#!/usr/bin/env python3
"""
Recalculate all formulas in an .xlsx file with LibreOffice, then report formula errors.

Usage: python recalc.py <file.xlsx> [timeout_seconds]
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
    Sub RecalculateAndSave()
      ThisComponent.calculateAll()
      ThisComponent.store()
      ThisComponent.close(True)
    End Sub
</script:module>"""

ERROR_VALUES = ("#VALUE!", "#DIV/0!", "#REF!", "#NAME?", "#NULL!", "#NUM!", "#N/A")


def profile_basic_dir() -> Path:
    if platform.system() == "Darwin":
        return Path.home() / "Library/Application Support/LibreOffice/4/user/basic/Standard"
    return Path.home() / ".config/libreoffice/4/user/basic/Standard"


def soffice_binary() -> str:
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    mac = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    if Path(mac).exists():
        return mac
    raise FileNotFoundError("LibreOffice (soffice) not found on PATH")


def ensure_macro(soffice: str) -> None:
    basic_dir = profile_basic_dir()
    module = basic_dir / "Module1.xba"
    if module.exists() and MACRO_NAME in module.read_text(errors="ignore"):
        return

    if not basic_dir.exists():
        # Start and stop LibreOffice once so it creates its user profile.
        subprocess.run([soffice, "--headless", "--terminate_after_init"],
                       capture_output=True, timeout=30)
        basic_dir.mkdir(parents=True, exist_ok=True)

    if module.exists():
        shutil.copy2(module, module.with_suffix(".xba.bak"))
        print(f"Backed up existing {module} to {module.with_suffix('.xba.bak')}", file=sys.stderr)

    module.write_text(MACRO_XBA)
    print(f"Installed {MACRO_NAME} macro in {module}", file=sys.stderr)


def recalc(path: Path, timeout: int) -> None:
    soffice = soffice_binary()
    ensure_macro(soffice)
    cmd = [soffice, "--headless", "--norestore",
           f"vnd.sun.star.script:Standard.Module1.{MACRO_NAME}?language=Basic&location=application",
           str(path.resolve())]
    env = dict(os.environ, SAL_USE_VCLPLUGIN="svp")
    subprocess.run(cmd, capture_output=True, timeout=timeout, env=env)


def scan(path: Path) -> dict:
    wb_values = load_workbook(path, data_only=True)
    wb_formulas = load_workbook(path, data_only=False)

    summary: dict[str, dict] = {}
    total_formulas = 0
    for ws in wb_formulas.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    total_formulas += 1
    for ws in wb_values.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value in ERROR_VALUES:
                    entry = summary.setdefault(cell.value, {"count": 0, "locations": []})
                    entry["count"] += 1
                    if len(entry["locations"]) < 20:
                        entry["locations"].append(f"{ws.title}!{cell.coordinate}")

    total_errors = sum(e["count"] for e in summary.values())
    return {"status": "success" if total_errors == 0 else "errors_found",
            "total_errors": total_errors, "total_formulas": total_formulas,
            "error_summary": summary}


def main() -> None:
    if len(sys.argv) < 2:
        print("Usage: python recalc.py <file.xlsx> [timeout_seconds]")
        sys.exit(1)
    path = Path(sys.argv[1])
    timeout = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    if not path.exists():
        print(json.dumps({"status": "error", "message": f"{path} not found"}))
        sys.exit(1)
    try:
        recalc(path, timeout)
    except subprocess.TimeoutExpired:
        print(json.dumps({"status": "error", "message": f"LibreOffice timed out after {timeout}s"}))
        sys.exit(1)
    except FileNotFoundError as e:
        print(json.dumps({"status": "error", "message": str(e)}))
        sys.exit(1)
    print(json.dumps(scan(path), indent=2))


if __name__ == "__main__":
    main()
