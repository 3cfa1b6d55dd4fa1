#!/usr/bin/env python3
"""Summarise olevba JSON output into a short Markdown triage note."""
import json
import re
import sys
from pathlib import Path

EXEC_WORDS = {"shell", "wscript.shell", "shellexecute", "run", "create", "callbyname", "exec",
              "urldownloadtofilea", "msxml2.xmlhttp", "winhttp", "adodb.stream", "savetofile",
              "powershell", "mshta", "regsvr32", "rundll32", "certutil"}
URL = re.compile(r"(?:https?|hxxps?)://[^\s\"')]+", re.I)


def defang(s):
    return re.sub(r"^http", "hxxp", s, flags=re.I).replace(".", "[.]")


def main():
    out = Path(sys.argv[1])
    sha = (out / "sha256.txt").read_text().split()[0]
    try:
        records = json.loads((out / "olevba.json").read_text() or "[]")
    except json.JSONDecodeError:
        records = []
    autoexec, suspicious, iocs, macros = set(), set(), set(), 0
    for rec in records:
        if rec.get("type") not in ("OLE", "OpenXML", "Text", "MHTML", "SLK", "PPT", "FlatOPC_XML"):
            continue
        macros += len(rec.get("macros") or [])
        for a in rec.get("analysis") or []:
            kw = a.get("keyword", "")
            if a.get("type") == "AutoExec":
                autoexec.add(kw)
            elif a.get("type") == "Suspicious":
                suspicious.add(kw)
            elif a.get("type") in ("IOC", "Base64 String", "Hex String", "Dridex string", "VBA string"):
                for u in URL.findall(a.get("description", "") + " " + kw):
                    iocs.add(u)
                if a.get("type") == "IOC":
                    iocs.add(kw)
    source = (out / "macros.vba").read_text(errors="replace") if (out / "macros.vba").exists() else ""
    iocs.update(URL.findall(source))
    remote = (out / "remote_template.txt").read_text().strip() if (out / "remote_template.txt").exists() else ""
    xlm = (out / "xlm.txt").read_text(errors="replace") if (out / "xlm.txt").exists() else ""
    xlm_exec = sorted(set(re.findall(r"=(EXEC|CALL|REGISTER|FORMULA)\(", xlm, re.I)))

    launches = {k for k in suspicious if k.lower() in EXEC_WORDS}
    if autoexec and (launches or iocs) or xlm_exec:
        verdict = "Malicious (high confidence)"
    elif macros or remote or suspicious:
        verdict = "Suspicious"
    else:
        verdict = "No macros found"

    print(f"# Triage {sha[:12]}\n")
    print(f"**Verdict:** {verdict}\n")
    print(f"- VBA modules: {macros}")
    print(f"- Auto-exec triggers: {', '.join(sorted(autoexec)) or 'none'}")
    print(f"- Execution/download keywords: {', '.join(sorted(launches)) or 'none'}")
    print(f"- Other suspicious keywords: {', '.join(sorted(suspicious - launches)) or 'none'}")
    print(f"- XLM 4.0 functions: {', '.join(xlm_exec) or 'none'}")
    print(f"- Remote template: {remote or 'none'}")
    print("\n## IOCs (defanged)\n")
    for i in sorted(iocs):
        print(f"- `{defang(i)}`")
    if not iocs:
        print("- none extracted; read macros.vba for runtime-built strings")


if __name__ == "__main__":
    main()
