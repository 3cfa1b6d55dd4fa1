#!/usr/bin/env python3
"""Recalculate an .xlsx with LibreOffice and report formula errors as JSON.

usage: recalc.py <file.xlsx> [timeout_seconds]
"""
import json
import platform
import shutil
import subprocess
import sys
from pathlib import Path

from openpyxl import load_workbook

ERROR_VALUES = ("#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#N/A", "#NUM!", "#NULL!")

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


def profile_macro_dir() -> Path:
    if platform.system() == "Darwin":
        base = Path.home() / "Library/Application Support/LibreOffice/4/user"
    else:
        base = Path.home() / ".config/libreoffice/4/user"
    return base / "basic" / "Standard"


def soffice_binary() -> str:
    found = shutil.which("soffice") or shutil.which("libreoffice")
    if found:
        return found
    mac = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
    if Path(mac).exists():
        return mac
    sys.exit(json.dumps({"status": "error", "message": "LibreOffice (soffice) not found"}))


def ensure_macro(soffice: str) -> None:
    macro_dir = profile_macro_dir()
    module = macro_dir / "Module1.xba"
    if module.exists() and "RecalculateAndSave" in module.read_text(encoding="utf-8", errors="ignore"):
        return
    if not macro_dir.exists():
        # First launch creates the profile directory tree.
        subprocess.run([soffice, "--headless", "--terminate_after_init"], capture_output=True, timeout=60)
    macro_dir.mkdir(parents=True, exist_ok=True)
    if module.exists():
        backup = module.with_suffix(".xba.bak")
        shutil.copy2(module, backup)
        print(f"note: backed up existing {module} to {backup}", file=sys.stderr)
    module.write_text(MACRO_XBA, encoding="utf-8")
    print(f"note: installed RecalculateAndSave macro in {module}", file=sys.stderr)


def recalc(path: Path, timeout: int) -> None:
    soffice = soffice_binary()
    ensure_macro(soffice)
    cmd = [
        soffice,
        "--headless",
        "--norestore",
        "vnd.sun.star.script:Standard.Module1.RecalculateAndSave?language=Basic&location=application",
        str(path),
    ]
    try:
        subprocess.run(cmd, capture_output=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        sys.exit(json.dumps({"status": "error", "message": f"LibreOffice timed out after {timeout}s"}))


def audit(path: Path) -> dict:
    formulas = load_workbook(path, data_only=False)
    values = load_workbook(path, data_only=True)
    total_formulas = 0
    summary: dict[str, dict] = {}
    for ws in formulas.worksheets:
        vws = values[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    total_formulas += 1
                v = vws[cell.coordinate].value
                if isinstance(v, str) and v in ERROR_VALUES:
                    entry = summary.setdefault(v, {"count": 0, "locations": []})
                    entry["count"] += 1
                    if len(entry["locations"]) < 50:
                        entry["locations"].append(f"{ws.title}!{cell.coordinate}")
    total_errors = sum(e["count"] for e in summary.values())
    return {
        "status": "success" if total_errors == 0 else "errors_found",
        "total_formulas": total_formulas,
        "total_errors": total_errors,
        "error_summary": summary,
    }


def main() -> None:
    if len(sys.argv) < 2:
        sys.exit("usage: recalc.py <file.xlsx> [timeout_seconds]")
    path = Path(sys.argv[1]).resolve()
    if not path.exists():
        sys.exit(json.dumps({"status": "error", "message": f"{path} not found"}))
    timeout = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    recalc(path, timeout)
    print(json.dumps(audit(path), indent=2))


if __name__ == "__main__":
    main()
