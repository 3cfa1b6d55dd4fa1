#!/usr/bin/env python3
"""Read-only inventory of built-in endpoint protections on the local machine."""
import argparse
import json
import os
import platform
import shutil
import subprocess

RISKY_EXCLUSIONS = [
    "c:\\", "c:\\users", "%temp%", "\\appdata", "\\downloads", "c:\\programdata",
]
RISKY_PROCS = {"powershell.exe", "pwsh.exe", "wscript.exe", "cscript.exe", "mshta.exe",
               "python.exe", "node.exe", "rundll32.exe", "regsvr32.exe"}
RISKY_EXTS = {".exe", ".dll", ".ps1", ".js", ".vbs", ".bat"}


def run(cmd, timeout=20):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        return p.returncode, (p.stdout + p.stderr).strip()
    except (FileNotFoundError, subprocess.TimeoutExpired) as exc:
        return None, str(exc)


def finding(control, state, evidence):
    return {"control": control, "state": state, "evidence": evidence[:300]}


def ps_json(expr):
    rc, out = run(["powershell", "-NoProfile", "-Command", f"{expr} | ConvertTo-Json -Depth 3"])
    if rc != 0 or not out:
        return None
    try:
        return json.loads(out)
    except json.JSONDecodeError:
        return None


def windows():
    out = []
    st = ps_json("Get-MpComputerStatus | Select-Object AMServiceEnabled,RealTimeProtectionEnabled,"
                 "BehaviorMonitorEnabled,IoavProtectionEnabled,IsTamperProtected,AMRunningMode")
    if st is None:
        out.append(finding("Defender", "UNKNOWN", "Get-MpComputerStatus unavailable"))
    else:
        for key in ("RealTimeProtectionEnabled", "BehaviorMonitorEnabled", "IoavProtectionEnabled",
                    "IsTamperProtected", "AMServiceEnabled"):
            out.append(finding(f"Defender {key}", "ON" if st.get(key) else "OFF", f"{key}={st.get(key)}"))
        out.append(finding("Defender mode", "ON", f"AMRunningMode={st.get('AMRunningMode')}"))
    pref = ps_json("Get-MpPreference | Select-Object ExclusionPath,ExclusionProcess,ExclusionExtension")
    if pref:
        for p in pref.get("ExclusionPath") or []:
            low = p.lower().rstrip("\\")
            risky = low in ("c:", "c:\\users") or any(r.strip("\\") in low for r in RISKY_EXCLUSIONS[2:])
            out.append(finding("Defender path exclusion", "WEAKENED" if risky else "ON (exclusion)", p))
        for p in pref.get("ExclusionProcess") or []:
            out.append(finding("Defender process exclusion",
                               "WEAKENED" if os.path.basename(p).lower() in RISKY_PROCS else "ON (exclusion)", p))
        for e in pref.get("ExclusionExtension") or []:
            ext = e if e.startswith(".") else "." + e
            out.append(finding("Defender extension exclusion",
                               "WEAKENED" if ext.lower() in RISKY_EXTS else "ON (exclusion)", e))
    fw = ps_json("Get-NetFirewallProfile | Select-Object Name,Enabled")
    for prof in (fw if isinstance(fw, list) else [fw] if fw else []):
        out.append(finding(f"Firewall {prof.get('Name')}", "ON" if prof.get("Enabled") else "OFF",
                           f"Enabled={prof.get('Enabled')}"))
    rc, txt = run(["reg", "query", r"HKLM\SYSTEM\CurrentControlSet\Control\Lsa", "/v", "RunAsPPL"])
    out.append(finding("LSA protection", "ON" if rc == 0 and "0x1" in txt else "OFF", txt or "value absent"))
    return out


def macos():
    out = []
    rc, txt = run(["spctl", "--status"])
    out.append(finding("Gatekeeper", "ON" if "enabled" in txt else ("OFF" if rc is not None else "UNKNOWN"), txt))
    rc, txt = run(["csrutil", "status"])
    state = "ON" if "enabled." in txt else ("WEAKENED" if "Custom" in txt else "OFF")
    out.append(finding("SIP", state if rc is not None else "UNKNOWN", txt))
    fwbin = "/usr/libexec/ApplicationFirewall/socketfilterfw"
    rc, txt = run([fwbin, "--getglobalstate"])
    out.append(finding("App firewall", "ON" if "enabled" in txt.lower() else "OFF", txt))
    rc, txt = run([fwbin, "--getstealthmode"])
    out.append(finding("Stealth mode", "ON" if "enabled" in txt.lower() else "WEAKENED", txt))
    rc, txt = run(["system_profiler", "SPInstallHistoryDataType", "-json"], timeout=60)
    if rc == 0:
        try:
            items = json.loads(txt).get("SPInstallHistoryDataType", [])
            xp = sorted((i.get("install_date", "") for i in items if "XProtect" in i.get("_name", "")), reverse=True)
            out.append(finding("XProtect last update", "ON" if xp else "UNKNOWN", xp[0] if xp else "none found"))
        except json.JSONDecodeError:
            out.append(finding("XProtect last update", "UNKNOWN", "unparseable"))
    else:
        out.append(finding("XProtect last update", "UNKNOWN", txt))
    return out


def linux():
    out = []
    if os.path.exists("/.dockerenv"):
        out.append(finding("Environment", "UNKNOWN", "running inside a container; results describe the container"))
    if shutil.which("getenforce"):
        _, txt = run(["getenforce"])
        cfg = ""
        if os.path.exists("/etc/selinux/config"):
            with open("/etc/selinux/config") as fh:
                cfg = next((l.strip() for l in fh if l.startswith("SELINUX=")), "")
        out.append(finding("SELinux", "ON" if txt == "Enforcing" else "OFF", f"runtime={txt} config={cfg}"))
    aa = "/sys/module/apparmor/parameters/enabled"
    if os.path.exists(aa):
        with open(aa) as fh:
            val = fh.read().strip()
        out.append(finding("AppArmor", "ON" if val == "Y" else "OFF", f"enabled={val}"))
    if shutil.which("systemctl"):
        _, act = run(["systemctl", "is-active", "auditd"])
        if act == "active":
            rc, s = run(["auditctl", "-s"])
            rc2, rules = run(["auditctl", "-l"])
            nrules = 0 if "No rules" in rules else len(rules.splitlines())
            state = "ON" if nrules else "WEAKENED"
            out.append(finding("auditd", state, f"{s.splitlines()[0] if s else ''}; rules={nrules}"))
        else:
            out.append(finding("auditd", "OFF", f"is-active={act}"))
    if shutil.which("ufw"):
        _, txt = run(["ufw", "status"])
        out.append(finding("ufw", "ON" if "Status: active" in txt else ("OFF" if "inactive" in txt else "UNKNOWN"),
                           txt.splitlines()[0] if txt else ""))
    if shutil.which("firewall-cmd"):
        _, txt = run(["firewall-cmd", "--state"])
        out.append(finding("firewalld", "ON" if txt == "running" else "OFF", txt))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--format", choices=["table", "json"], default="table")
    args = ap.parse_args()
    system = platform.system()
    results = {"Windows": windows, "Darwin": macos, "Linux": linux}.get(system, lambda: [])()
    order = {"OFF": 0, "WEAKENED": 1, "UNKNOWN": 3}
    results.sort(key=lambda f: order.get(f["state"], 2))
    if args.format == "json":
        print(json.dumps({"platform": system, "findings": results}, indent=2))
    else:
        for f in results:
            print(f"{f['state']:<16}{f['control']:<32}{f['evidence']}")


if __name__ == "__main__":
    main()
