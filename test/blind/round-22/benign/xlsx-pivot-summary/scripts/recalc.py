#!/usr/bin/env python3
"""Recalculate all formulas in a workbook with headless LibreOffice and report errors as JSON.

usage: recalc.py workbook.xlsx [timeout_seconds]
"""
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from openpyxl import load_workbook

ERRORS = ("#REF!", "#DIV/0!", "#VALUE!", "#NAME?", "#N/A", "#NUM!", "#NULL!")

# LibreOffice Basic module. It lives only in the temporary profile created below.
MACRO = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE script:module PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "module.dtd">
<script:module xmlns:script="http://openoffice.org/2000/script" script:name="Module1" script:language="StarBasic">
Sub RecalcAndSave
  ThisComponent.calculateAll()
  ThisComponent.store()
  ThisComponent.close(True)
End Sub
</script:module>
"""
SCRIPT_XLB = """<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE library:library PUBLIC "-//OpenOffice.org//DTD OfficeDocument 1.0//EN" "library.dtd">
<library:library xmlns:library="http://openoffice.org/2000/library" library:name="Standard" library:readonly="false" library:passwordprotected="false">
 <library:element library:name="Module1"/>
</library:library>
"""


def soffice_binary():
    for name in ("soffice", "libreoffice"):
        path = shutil.which(name)
        if path:
            return path
    mac = Path("/Applications/LibreOffice.app/Contents/MacOS/soffice")
    if mac.exists():
        return str(mac)
    sys.exit("LibreOffice not found; install libreoffice-calc")


def recalc(path, timeout):
    profile = Path(tempfile.mkdtemp(prefix="lo-recalc-"))
    basic = profile / "user" / "basic" / "Standard"
    basic.mkdir(parents=True)
    (basic / "Module1.xba").write_text(MACRO, encoding="utf-8")
    (basic / "script.xlb").write_text(SCRIPT_XLB, encoding="utf-8")
    cmd = [
        soffice_binary(),
        f"-env:UserInstallation=file://{profile}",
        "--headless", "--norestore",
        "vnd.sun.star.script:Standard.Module1.RecalcAndSave?language=Basic&location=application",
        str(Path(path).resolve()),
    ]
    try:
        subprocess.run(cmd, check=True, timeout=timeout, capture_output=True)
    finally:
        shutil.rmtree(profile, ignore_errors=True)


def scan(path):
    formulas = 0
    wb_f = load_workbook(path)
    for ws in wb_f.worksheets:
        for row in ws.iter_rows():
            formulas += sum(1 for c in row if isinstance(c.value, str) and c.value.startswith("="))
    found = {}
    wb_v = load_workbook(path, data_only=True)
    for ws in wb_v.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if isinstance(c.value, str) and c.value in ERRORS:
                    found.setdefault(c.value, []).append(f"{ws.title}!{c.coordinate}")
    return formulas, found


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    timeout = int(sys.argv[2]) if len(sys.argv) > 2 else 120
    recalc(path, timeout)
    formulas, errors = scan(path)
    print(json.dumps({"status": "errors" if errors else "ok",
                      "formulas": formulas, "errors": errors}, indent=1))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
