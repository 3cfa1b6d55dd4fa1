#!/usr/bin/env python3
"""Static triage of a suspicious file. Parses only; never executes the sample."""
from __future__ import annotations

import argparse
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
from collections import Counter

SUSPICIOUS_APIS = {
    "injection": ["VirtualAllocEx", "WriteProcessMemory", "CreateRemoteThread", "NtUnmapViewOfSection",
                  "QueueUserAPC", "SetThreadContext", "RtlCreateUserThread", "NtWriteVirtualMemory"],
    "persistence": ["RegSetValueExA", "RegSetValueExW", "CreateServiceA", "CreateServiceW", "SHSetValue"],
    "anti-analysis": ["IsDebuggerPresent", "CheckRemoteDebuggerPresent", "NtQueryInformationProcess",
                      "OutputDebugStringA", "GetTickCount", "QueryPerformanceCounter"],
    "crypto": ["CryptEncrypt", "CryptDecrypt", "BCryptEncrypt", "CryptAcquireContextW", "CryptGenRandom"],
    "network": ["InternetOpenUrlA", "InternetOpenUrlW", "HttpSendRequestA", "WinHttpSendRequest",
                "URLDownloadToFileA", "URLDownloadToFileW", "WSAStartup", "connect", "getaddrinfo"],
    "execution": ["WinExec", "ShellExecuteA", "ShellExecuteW", "CreateProcessA", "CreateProcessW"],
    "credential": ["CredEnumerateW", "LsaRetrievePrivateData", "CryptUnprotectData", "MiniDumpWriteDump"],
}
IOC_RX = {
    "url": re.compile(r"\b(?:https?|ftp)://[\w.\-:@%]+(?:/[\w./\-?=&%#~+]*)?", re.I),
    "ipv4": re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b"),
    "email": re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b"),
    "registry": re.compile(r"\b(?:HKEY_[A-Z_]+|HKLM|HKCU)\\[\w\\ .-]+", re.I),
    "btc": re.compile(r"\b(?:bc1[ac-hj-np-z02-9]{25,39}|[13][a-km-zA-HJ-NP-Z1-9]{25,34})\b"),
    "onion": re.compile(r"\b[a-z2-7]{56}\.onion\b"),
    "ps-obfuscation": re.compile(r"FromBase64String|-enc(odedcommand)?\s|\[char\]\s*\d+|IEX\b|Invoke-Expression", re.I),
    "vba-autoexec": re.compile(r"\b(AutoOpen|Document_Open|Workbook_Open|Auto_Open)\b"),
}
PDF_KEYS = [b"/JavaScript", b"/JS", b"/OpenAction", b"/AA", b"/Launch", b"/EmbeddedFile", b"/URI", b"/AcroForm"]


def entropy(b: bytes) -> float:
    if not b:
        return 0.0
    c = Counter(b)
    return -sum(v / len(b) * math.log2(v / len(b)) for v in c.values())


def defang(s: str) -> str:
    return re.sub(r"^http", "hxxp", s, flags=re.I).replace(".", "[.]")


def strings(data: bytes, n: int = 6) -> list[str]:
    ascii_ = re.findall(rb"[\x20-\x7e]{%d,}" % n, data)
    wide = re.findall(rb"(?:[\x20-\x7e]\x00){%d,}" % n, data)
    return [s.decode("ascii") for s in ascii_] + [s.decode("utf-16le") for s in wide]


def tool(cmd: list[str], timeout: int = 300) -> str | None:
    if not shutil.which(cmd[0]):
        return None
    try:
        return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout).stdout
    except (subprocess.TimeoutExpired, OSError):
        return None


def pe_section(path: str, w):
    try:
        import pefile  # type: ignore
    except ImportError:
        w("_pefile not installed; PE details skipped (`pip install --user pefile`)._\n")
        return []
    pe = pefile.PE(path, fast_load=False)
    w(f"- imphash: `{pe.get_imphash()}`")
    w(f"- compile timestamp (unverified): {pe.FILE_HEADER.TimeDateStamp}")
    w(f"- overlay bytes: {len(pe.get_overlay() or b'')}")
    w("\n| section | raw size | entropy |\n|---|---:|---:|")
    for s in pe.sections:
        e = s.get_entropy()
        name = s.Name.rstrip(b"\x00").decode(errors="replace")
        w(f"| `{name}` | {s.SizeOfRawData} | {e:.2f}{' ⚠' if e > 7.2 else ''} |")
    imports = []
    for entry in getattr(pe, "DIRECTORY_ENTRY_IMPORT", []):
        for imp in entry.imports:
            if imp.name:
                imports.append(imp.name.decode(errors="replace"))
    return imports


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("sample")
    ap.add_argument("--out")
    ap.add_argument("--yara", help="directory of YARA rules to run")
    ap.add_argument("--label", default="sample")
    a = ap.parse_args()

    with open(a.sample, "rb") as fh:
        data = fh.read()
    lines: list[str] = []
    w = lines.append

    w(f"# Field notes: {a.label} `{os.path.basename(a.sample)}`\n")
    w("## Identity")
    for alg in ("md5", "sha1", "sha256"):
        w(f"- {alg}: `{hashlib.new(alg, data).hexdigest()}`")
    w(f"- size: {len(data)} bytes; overall entropy {entropy(data):.2f}")
    magic = tool(["file", "-b", a.sample])
    w(f"- file: {magic.strip() if magic else 'n/a'}")
    die = tool(["diec", "-j", a.sample])
    if die:
        try:
            w(f"- DiE: {', '.join(d.get('string', '') for d in json.loads(die).get('detects', [{}])[0].get('values', []))}")
        except (ValueError, IndexError, AttributeError):
            pass
    exif = tool(["exiftool", "-s", "-Author", "-Creator", "-LastModifiedBy", "-Producer", "-CreateDate", a.sample])
    if exif and exif.strip():
        w("- metadata:\n```\n" + exif.strip() + "\n```")

    imports: list[str] = []
    if data[:2] == b"MZ":
        w("\n## PE structure")
        imports = pe_section(a.sample, w)
    elif data[:4] == b"\x7fELF":
        w("\n## ELF")
        r = tool(["readelf", "-h", "-d", a.sample])
        w("```\n" + (r or "readelf not available").strip()[:3000] + "\n```")
    elif data[:4] == b"%PDF":
        w("\n## PDF keywords")
        for k in PDF_KEYS:
            c = data.count(k)
            if c:
                w(f"- `{k.decode()}` ×{c}{' ⚠' if k in (b'/JavaScript', b'/JS', b'/OpenAction', b'/Launch') else ''}")
    elif data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" or data[:2] == b"PK":
        olevba = tool(["olevba", "--json", "--decode", a.sample])
        if olevba:
            w("\n## Office macros (olevba)")
            try:
                for rec in json.loads(olevba):
                    for an in rec.get("analysis", []) or []:
                        w(f"- {an.get('type')}: `{an.get('keyword')}` — {an.get('description')}")
            except ValueError:
                w("```\n" + olevba[:3000] + "\n```")

    if imports:
        w("\n## Suspicious imports")
        for cat, apis in SUSPICIOUS_APIS.items():
            hit = sorted(set(imports) & set(apis))
            if hit:
                w(f"- **{cat}**: {', '.join(f'`{x}`' for x in hit)}")

    strs = strings(data)
    floss = tool(["floss", "--json", "-q", a.sample], timeout=900)
    if floss:
        try:
            fj = json.loads(floss)["strings"]
            for k in ("stack_strings", "tight_strings", "decoded_strings"):
                strs += [s["string"] for s in fj.get(k, [])]
        except (ValueError, KeyError):
            pass
    w("\n## Indicators (defanged)")
    iocs: list[tuple[str, str]] = []
    blob = "\n".join(strs)
    for kind, rx in IOC_RX.items():
        found = sorted(set(m.group(0) for m in rx.finditer(blob)))[:50]
        for v in found:
            shown = defang(v) if kind in ("url", "ipv4", "email", "onion") else v
            iocs.append((kind, shown))
            w(f"- {kind}: `{shown[:160]}`")

    capa = tool(["capa", "-j", a.sample], timeout=900)
    if capa:
        w("\n## Capabilities (capa)")
        try:
            for name, rule in sorted(json.loads(capa).get("rules", {}).items()):
                att = rule.get("meta", {}).get("attack", [])
                tag = f" ({', '.join(x.get('id', '') for x in att)})" if att else ""
                w(f"- {name}{tag}")
        except ValueError:
            pass

    if a.yara:
        hits = tool(["yara", "-r", "-w", a.yara, a.sample])
        w("\n## YARA\n" + ("\n".join(f"- {h}" for h in (hits or "").splitlines()) or "- no matches"))

    w("\n## IOC export\n```csv\ntype,value")
    w(f"sha256,{hashlib.sha256(data).hexdigest()}")
    for k, v in iocs:
        w(f"{k},{v}")
    w("```\n\n## Assessment\n_(fill in: class/family, confidence, next steps for dynamic analysis in an isolated sandbox)_")

    text = "\n".join(lines) + "\n"
    if a.out:
        with open(a.out, "w", encoding="utf-8") as fh:
            fh.write(text)
    print(text)


if __name__ == "__main__":
    main()
