#!/usr/bin/env python3
"""Run a fixed set of Volatility 3 plugins and summarise suspicious results."""
import argparse
import json
import re
import subprocess
from pathlib import Path

WIN = ["windows.info", "windows.pstree", "windows.cmdline", "windows.netscan",
       "windows.malfind", "windows.svcscan", "windows.dlllist", "windows.registry.userassist"]
LIN = ["linux.pslist", "linux.bash", "linux.sockstat", "linux.malfind",
       "linux.check_syscall", "linux.lsmod", "linux.envars"]

CMD_PATTERNS = [
    r"-enc(odedcommand)?\s+[A-Za-z0-9+/=]{40,}", r"DownloadString|DownloadFile|IEX\s*\(",
    r"certutil(\.exe)?\s+.*-urlcache", r"mshta(\.exe)?\s+https?://", r"regsvr32.*/i:https?://",
    r"comsvcs\.dll.*MiniDump", r"vssadmin.*delete\s+shadows", r"/dev/tcp/", r"\|\s*(ba)?sh\b",
]
OFFICE = {"winword.exe", "excel.exe", "powerpnt.exe", "outlook.exe", "mshta.exe"}
SHELLS = {"powershell.exe", "cmd.exe", "wscript.exe", "cscript.exe"}


def run(image, plugin, out):
    dest = out / f"{plugin}.json"
    if dest.exists():
        return json.loads(dest.read_text() or "[]")
    p = subprocess.run(["vol", "-q", "-r", "json", "-f", str(image), plugin],
                       capture_output=True, text=True)
    dest.write_text(p.stdout)
    if p.returncode != 0:
        (out / f"{plugin}.err").write_text(p.stderr)
        return []
    try:
        return json.loads(p.stdout)
    except json.JSONDecodeError:
        return []


def flatten(rows):
    for r in rows:
        yield r
        yield from flatten(r.get("__children", []))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("image"); ap.add_argument("--out", required=True)
    ap.add_argument("--os", choices=["windows", "linux", "auto"], default="auto")
    a = ap.parse_args()
    out = Path(a.out); out.mkdir(parents=True, exist_ok=True)
    osname = a.os
    if osname == "auto":
        osname = "windows" if run(a.image, "windows.info", out) else "linux"
    plugins = WIN if osname == "windows" else LIN
    res = {p: run(a.image, p, out) for p in plugins}

    lines = [f"# Triage summary ({osname})", ""]
    if osname == "windows":
        procs = {r["PID"]: r for r in flatten(res["windows.pstree"])}
        lines.append("## Parent/child anomalies")
        for pid, r in procs.items():
            name = (r.get("ImageFileName") or "").lower()
            parent = (procs.get(r.get("PPID"), {}).get("ImageFileName") or "").lower()
            if name in SHELLS and parent in OFFICE:
                lines.append(f"- {parent} ({r['PPID']}) -> {name} ({pid})")
            if name == "lsass.exe" and parent != "wininit.exe":
                lines.append(f"- lsass.exe ({pid}) parent is {parent or 'missing'}")
        lines += ["", "## Command lines"]
        for r in res["windows.cmdline"]:
            args = r.get("Args") or ""
            if any(re.search(p, args, re.I) for p in CMD_PATTERNS):
                lines.append(f"- PID {r.get('PID')} `{args[:400]}`")
        lines += ["", "## Services outside System32"]
        for r in res["windows.svcscan"]:
            b = (r.get("Binary") or "")
            if b and re.search(r"\\(Temp|ProgramData|Users)\\", b, re.I):
                lines.append(f"- {r.get('Name')}: `{b}`")
    else:
        lines.append("## Shell history hits")
        for r in res["linux.bash"]:
            c = r.get("Command") or ""
            if any(re.search(p, c) for p in CMD_PATTERNS):
                lines.append(f"- PID {r.get('PID')} `{c[:400]}`")
    mf = res.get(f"{osname}.malfind", [])
    lines += ["", f"## malfind ({len(mf)} regions)"]
    for r in mf[:50]:
        lines.append(f"- PID {r.get('PID')} {r.get('Process')} {r.get('Protection')} at {r.get('Start VPN')}")
    (out / "summary.md").write_text("\n".join(lines) + "\n")
    print(f"wrote {out / 'summary.md'}")


if __name__ == "__main__":
    main()
