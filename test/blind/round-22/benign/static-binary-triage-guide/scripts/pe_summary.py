#!/usr/bin/env python3
"""Structure summary for PE/ELF samples and IOC extraction from strings. Parses bytes only."""
from __future__ import annotations

import argparse
import json
import math
import re
import sys
from collections import Counter

SUSPICIOUS_IMPORTS = {
    "injection": {"VirtualAllocEx", "WriteProcessMemory", "CreateRemoteThread", "NtUnmapViewOfSection", "QueueUserAPC",
                  "SetThreadContext", "NtCreateThreadEx", "RtlCreateUserThread"},
    "persistence": {"RegSetValueExA", "RegSetValueExW", "CreateServiceA", "CreateServiceW", "RegCreateKeyExW"},
    "network": {"InternetOpenA", "InternetOpenUrlA", "InternetOpenUrlW", "WinHttpOpen", "WinHttpSendRequest",
                "URLDownloadToFileA", "URLDownloadToFileW", "WSAStartup", "connect", "HttpSendRequestA"},
    "anti-analysis": {"IsDebuggerPresent", "CheckRemoteDebuggerPresent", "NtQueryInformationProcess", "GetTickCount", "OutputDebugStringA"},
    "crypto": {"CryptEncrypt", "CryptDecrypt", "CryptUnprotectData", "BCryptDecrypt", "CryptAcquireContextW"},
    "dynamic-resolve": {"LoadLibraryA", "LoadLibraryW", "GetProcAddress", "LdrLoadDll"},
    "keylog/screen": {"SetWindowsHookExA", "SetWindowsHookExW", "GetAsyncKeyState", "BitBlt", "GetClipboardData"},
}

IOC_RX = {
    "url": re.compile(r"\bhttps?://[\w.\-]+(?::\d+)?(?:/[\w./%?=&\-~+#]*)?", re.I),
    "ipv4": re.compile(r"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b"),
    "domain": re.compile(r"\b(?:[a-z0-9-]{1,63}\.)+(?:com|net|org|io|ru|cn|top|xyz|info|biz|cc|tk|su|pw|online|site|live|invalid)\b", re.I),
    "win-path": re.compile(r"[A-Za-z]:\\(?:[^\\/:*?\"<>|\r\n]+\\)*[^\\/:*?\"<>|\r\n]*"),
    "registry": re.compile(r"\b(?:HKLM|HKCU|HKEY_LOCAL_MACHINE|HKEY_CURRENT_USER)\\[^\s\"']+", re.I),
    "browser-store": re.compile(r"(?:Login Data|Local State|Web Data|Cookies|key4\.db|logins\.json|wallet\.dat|Local Extension Settings)"),
    "unix-sensitive": re.compile(r"(?:~|/home/[^/\s]+|/root)/\.(?:ssh|aws|kube|gnupg|docker|config/gh)\b[^\s\"']*"),
    "mutex-like": re.compile(r"\bGlobal\\[\w\-{}]{6,}"),
    "base64-blob": re.compile(r"\b[A-Za-z0-9+/]{80,}={0,2}"),
}


def entropy(data: bytes) -> float:
    if not data:
        return 0.0
    c = Counter(data)
    n = len(data)
    return -sum(v / n * math.log2(v / n) for v in c.values())


def defang(s: str) -> str:
    return s.replace("http", "hxxp").replace(".", "[.]")


def pe_info(path: str) -> dict:
    import pefile  # pip install pefile
    pe = pefile.PE(path, fast_load=False)
    info = {"format": "PE", "machine": hex(pe.FILE_HEADER.Machine), "timestamp": pe.FILE_HEADER.TimeDateStamp,
            "is_dll": pe.is_dll(), "imphash": pe.get_imphash(), "sections": [], "imports": {}, "flags": []}
    for s in pe.sections:
        name = s.Name.rstrip(b"\x00").decode(errors="replace")
        ent = s.get_entropy()
        info["sections"].append({"name": name, "vsize": s.Misc_VirtualSize, "rawsize": s.SizeOfRawData, "entropy": round(ent, 2),
                                 "exec": bool(s.Characteristics & 0x20000000), "write": bool(s.Characteristics & 0x80000000)})
        if ent > 7.2:
            info["flags"].append(f"high-entropy section {name} ({ent:.2f}): packed or encrypted data")
        if name.startswith("UPX"):
            info["flags"].append("UPX section names")
        if s.Characteristics & 0xA0000000 == 0xA0000000:
            info["flags"].append(f"section {name} is writable and executable")
    names = set()
    for entry in getattr(pe, "DIRECTORY_ENTRY_IMPORT", []):
        dll = entry.dll.decode(errors="replace")
        fns = [i.name.decode(errors="replace") for i in entry.imports if i.name]
        info["imports"][dll] = fns
        names.update(fns)
    if "mscoree.dll" in {d.lower() for d in info["imports"]}:
        info["flags"].append(".NET assembly: use ILSpy/dnSpy (decompile only) for deeper static view")
    if len(names) <= 10 and {"LoadLibraryA", "GetProcAddress"} & names:
        info["flags"].append("tiny import table with dynamic resolution: likely packed")
    for cat, apis in SUSPICIOUS_IMPORTS.items():
        hit = sorted(apis & names)
        if hit:
            info["flags"].append(f"{cat}: {', '.join(hit)}")
    info["signed"] = bool(pe.OPTIONAL_HEADER.DATA_DIRECTORY[4].VirtualAddress)
    return info


def elf_info(path: str, data: bytes) -> dict:
    info = {"format": "ELF", "class": {1: "32-bit", 2: "64-bit"}.get(data[4]), "flags": []}
    if b"Go build ID" in data or b"runtime.gopanic" in data:
        info["flags"].append("Go binary: use GoReSym / redress for symbol recovery")
    if b"UPX!" in data:
        info["flags"].append("UPX packed (static unpack: upx -d on a COPY, inside the VM)")
    if b"/proc/self/exe" in data and b"memfd_create" in data:
        info["flags"].append("memfd_create + /proc/self/exe: possible fileless re-exec")
    if re.search(rb"stratum\+tcp|xmrig|randomx", data, re.I):
        info["flags"].append("cryptominer strings")
    info["entropy"] = round(entropy(data), 2)
    return info


def iocs(text: str) -> list[str]:
    out = []
    for kind, rx in IOC_RX.items():
        for v in sorted(set(rx.findall(text))):
            if kind == "ipv4" and v.startswith(("0.", "127.", "255.")):
                continue
            out.append(f"{kind}\t{defang(v) if kind in ('url', 'domain', 'ipv4') else v[:200]}")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("sample", nargs="?")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--iocs", metavar="FILE", help="extract IOCs from a text file ('-' for stdin)")
    a = ap.parse_args()
    if a.iocs:
        text = sys.stdin.read() if a.iocs == "-" else open(a.iocs, encoding="utf-8", errors="replace").read()
        print("\n".join(iocs(text)))
        return 0
    if not a.sample:
        ap.error("sample required")
    data = open(a.sample, "rb").read()
    if data[:2] == b"MZ":
        info = pe_info(a.sample)
    elif data[:4] == b"\x7fELF":
        info = elf_info(a.sample, data)
    else:
        info = {"format": "other", "entropy": round(entropy(data), 2), "flags": []}
    embedded = [m.start() for m in re.finditer(rb"MZ.{58}.{4}PE\x00\x00", data, re.S) if m.start() > 0][:10]
    if embedded:
        info["flags"].append(f"embedded PE header(s) at offsets {embedded}")
    if a.json:
        print(json.dumps(info, indent=2))
    else:
        for k, v in info.items():
            if k in ("imports",):
                for dll, fns in v.items():
                    print(f"import {dll}: {', '.join(fns[:40])}{' …' if len(fns) > 40 else ''}")
            elif k == "sections":
                for s in v:
                    print(f"section {s['name']:<8} vsize={s['vsize']:<8} raw={s['rawsize']:<8} H={s['entropy']} {'X' if s['exec'] else '-'}{'W' if s['write'] else '-'}")
            elif k == "flags":
                for f in v:
                    print(f"FLAG  {f}")
            else:
                print(f"{k}: {v}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
