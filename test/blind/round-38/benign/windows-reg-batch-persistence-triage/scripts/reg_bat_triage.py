#!/usr/bin/env python3
"""Static triage of .reg and .bat/.cmd files. Reads text only; never imports or executes."""
import argparse
import base64
import json
import os
import re
import sys

PERSIST_KEYS = [
    (r"\\CurrentVersion\\Run(Once|Services)?(Ex)?\\?$", "Run key"),
    (r"\\Policies\\Explorer\\Run", "Policy Run key"),
    (r"\\Windows NT\\CurrentVersion\\Winlogon", "Winlogon"),
    (r"\\Image File Execution Options\\", "IFEO"),
    (r"\\SilentProcessExit\\", "SilentProcessExit"),
    (r"\\CurrentControlSet\\Services\\", "Service"),
    (r"\\Windows NT\\CurrentVersion\\Windows$", "AppInit"),
    (r"\\Classes\\CLSID\\\{[^}]+\}\\(InprocServer32|LocalServer32)", "COM hijack"),
    (r"\\shell\\open\\command", "File handler"),
    (r"^HKEY_CURRENT_USER\\Environment$", "Logon script env"),
    (r"\\Explorer\\(User )?Shell Folders", "Shell folders"),
    (r"\\Command Processor", "cmd AutoRun"),
    (r"\\Active Setup\\Installed Components\\", "Active Setup"),
    (r"\\Control\\Lsa", "LSA packages"),
    (r"\\Microsoft\\NetSh", "Netsh helper"),
]
WEAKEN_VALUES = {
    "disableantispyware": "Defender disabled", "disablerealtimemonitoring": "Defender RTP off",
    "enablelua": "UAC setting", "consentpromptbehavioradmin": "UAC prompt",
    "fdenytsconnections": "RDP setting", "localaccounttokenfilterpolicy": "Remote UAC filter",
    "uselogoncredential": "WDigest plaintext", "appinit_dlls": "AppInit DLLs", "debugger": "IFEO debugger",
    "userinitmprlogonscript": "Logon script", "autorun": "cmd AutoRun", "stubpath": "Active Setup StubPath",
    "shell": "Winlogon Shell", "userinit": "Winlogon Userinit", "servicedll": "ServiceDll", "imagepath": "Service ImagePath",
}
BAT_RULES = [
    (r"\breg(\.exe)?\s+add\b", "reg add"), (r"\bschtasks(\.exe)?\s+/create", "scheduled task"),
    (r"\bsc(\.exe)?\s+(create|config)\b", "service"), (r"\bbitsadmin\b.*?/transfer", "bitsadmin download"),
    (r"\bcertutil\b.*-urlcache", "certutil download"), (r"\b(iwr|invoke-webrequest|downloadstring|downloadfile|start-bitstransfer)\b", "PowerShell download"),
    (r"\bcurl(\.exe)?\s+.*https?://", "curl download"), (r"\bmshta\b", "mshta"), (r"\brundll32\b", "rundll32"),
    (r"(set|add)-mppreference", "Defender preference"), (r"\bnetsh\s+advfirewall", "firewall change"),
    (r"start menu\\programs\\startup", "Startup folder"), (r"-w(indowstyle)?\s+h(idden)?\b", "hidden window"),
    (r"-(ep|executionpolicy)\s+bypass", "ExecutionPolicy bypass"), (r"\bwmic\b.*\bprocess\s+call\s+create", "wmic exec"),
]
ENC = re.compile(r"-e(nc|ncodedcommand)?\s+([A-Za-z0-9+/=]{16,})", re.I)


def read_text(path):
    raw = open(path, "rb").read()
    if raw[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return raw.decode("utf-16")
    for enc in ("utf-8-sig", "cp1252"):
        try:
            return raw.decode(enc)
        except UnicodeDecodeError:
            pass
    return raw.decode("latin-1")


def decode_hex_value(v):
    m = re.match(r"hex\((2|7)\):(.*)", v, re.S)
    if not m:
        return v
    hexs = re.sub(r"[\\\s]", "", m.group(2)).split(",")
    try:
        b = bytes(int(h, 16) for h in hexs if h)
        return b.decode("utf-16-le").replace("\x00", " | ").strip(" |")
    except ValueError:
        return v


def triage_reg(path, text):
    out, key = [], None
    lines = text.replace("\\\r\n", "").replace("\\\n", "").splitlines()
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if s.startswith("[") and s.endswith("]"):
            key = s[1:-1]
            deleting = key.startswith("-")
            for rx, label in PERSIST_KEYS:
                if re.search(rx, key.lstrip("-"), re.I):
                    out.append(("high" if not deleting else "medium", n, f"{label}: {'delete ' if deleting else ''}[{key}]"))
            continue
        m = re.match(r'^("?)(.*?)\1=(.*)$', s)
        if key and m and not s.startswith(";"):
            name, val = m.group(2), decode_hex_value(m.group(3))
            lname = name.lower()
            sev = None
            if lname in WEAKEN_VALUES:
                sev = ("high", WEAKEN_VALUES[lname])
            elif re.search(r"https?://|mshta|powershell|rundll32|regsvr32|wscript|cscript|%appdata%|\\temp\\", val, re.I):
                sev = ("high", "value launches script/URL")
            elif "\\Exclusions\\" in key:
                sev = ("high", "Defender exclusion")
            if sev:
                out.append((sev[0], n, f"{sev[1]}: [{key}] {name or '(Default)'} = {val[:200]}"))
    return out


def expand_bat(lines):
    env = {}
    res = []
    for line in lines:
        clean = line.replace("^", "")
        m = re.match(r'^\s*set\s+"?([A-Za-z0-9_]+)=(.*?)"?\s*$', clean, re.I)
        if m:
            env[m.group(1).lower()] = m.group(2)
        expanded = re.sub(r"%([A-Za-z0-9_]+)%", lambda x: env.get(x.group(1).lower(), x.group(0)), clean)
        res.append(expanded)
    return res


def triage_bat(path, text):
    out = []
    for n, line in enumerate(expand_bat(text.splitlines()), 1):
        low = line.lower()
        for rx, label in BAT_RULES:
            if re.search(rx, low):
                out.append(("high" if label not in ("hidden window", "rundll32") else "medium", n, f"{label}: {line.strip()[:220]}"))
        m = ENC.search(line)
        if m and ("powershell" in low or "pwsh" in low):
            try:
                dec = base64.b64decode(m.group(2) + "==").decode("utf-16-le", "replace")
                out.append(("high", n, f"decoded -enc (not executed): {dec[:300]}"))
            except ValueError:
                out.append(("medium", n, "undecodable -enc argument"))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("path")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    files = [a.path] if os.path.isfile(a.path) else [os.path.join(d, f) for d, _, fs in os.walk(a.path) for f in fs]
    report = []
    for f in sorted(files):
        low = f.lower()
        kind = "reg" if ".reg" in low else "bat" if re.search(r"\.(bat|cmd)(\.txt)?$", low) else None
        if not kind:
            continue
        text = read_text(f)
        for sev, line, msg in (triage_reg if kind == "reg" else triage_bat)(f, text):
            report.append({"file": f, "line": line, "severity": sev, "finding": msg})
    if a.json:
        json.dump(report, sys.stdout, indent=2)
    else:
        for r in report:
            print(f"[{r['severity']}] {r['file']}:{r['line']}  {r['finding']}")
        print(f"{len(report)} finding(s)", file=sys.stderr)


if __name__ == "__main__":
    main()
