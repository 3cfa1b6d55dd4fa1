#!/usr/bin/env python3
"""Recalculate all formulas in a workbook with headless LibreOffice and report formula errors.

Usage: recalc.py <workbook.xlsx> [timeout_seconds]
"""
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook

ERROR_TOKENS = ("#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#N/A", "#NUM!", "#NULL!")

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


def find_soffice() -> str:
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    if platform.system() == "Darwin":
        mac = "/Applications/LibreOffice.app/Contents/MacOS/soffice"
        if os.path.exists(mac):
            return mac
    raise SystemExit("LibreOffice (soffice) not found; install it to recalculate formulas")


def recalc(path: Path, timeout: int) -> None:
    soffice = find_soffice()
    # Use a throwaway profile so we never touch the user's LibreOffice settings.
    with tempfile.TemporaryDirectory(prefix="lo-profile-") as profile:
        basic = Path(profile) / "user" / "basic" / "Standard"
        basic.mkdir(parents=True)
        (basic / "Module1.xba").write_text(MACRO, encoding="utf-8")
        (basic / "script.xlb").write_text(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">\n'
            '<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" '
            'library:readonly="false" library:passwordprotected="false">\n'
            ' <library:element library:name="Module1"/>\n</library:library>\n',
            encoding="utf-8",
        )
        cmd = [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--norestore",
            "vnd.sun.star.script:Standard.Module1.RecalculateAndSave?language=Basic&location=application",
            str(path.resolve()),
        ]
        subprocess.run(cmd, check=False, timeout=timeout, capture_output=True)


def scan(path: Path) -> dict:
    values = load_workbook(path, data_only=True)
    formulas = load_workbook(path, data_only=False)
    errors: dict[str, list[str]] = {}
    total = 0
    for ws in formulas.worksheets:
        vws = values[ws.title]
        for row in ws.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and cell.value.startswith("="):
                    total += 1
                    v = vws[cell.coordinate].value
                    if isinstance(v, str) and v in ERROR_TOKENS:
                        errors.setdefault(v, []).append(f"{ws.title}!{cell.coordinate}")
    return {
        "status": "errors_found" if errors else "ok",
        "total_formulas": total,
        "errors": {k: {"count": len(v), "locations": v[:50]} for k, v in errors.items()},
    }


def main() -> int:
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    path = Path(sys.argv[1])
    timeout = int(sys.argv[2]) if len(sys.argv) > 2 else 60
    recalc(path, timeout)
    print(json.dumps(scan(path), indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
