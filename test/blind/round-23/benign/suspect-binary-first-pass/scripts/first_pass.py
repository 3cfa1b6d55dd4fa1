#!/usr/bin/env python3
"""Static triage of one or more files. Reads bytes only; never executes the input."""
import argparse
import base64
import binascii
import hashlib
import json
import math
import os
import re
import shutil
import subprocess
import sys

URL_RX = re.compile(rb"https?://[\x21-\x7e]{4,200}")
IP_RX = re.compile(rb"\b(?:(?:25[0-5]|2[0-4]\d|1?\d?\d)\.){3}(?:25[0-5]|2[0-4]\d|1?\d?\d)\b")
REG_RX = re.compile(rb"(?i)(HKLM|HKCU|HKEY_[A-Z_]+|Software)\\[\x20-\x7e]{4,200}")
B64_RX = re.compile(rb"[A-Za-z0-9+/]{40,}={0,2}")
ASCII_RX = re.compile(rb"[\x20-\x7e]{6,}")
WIDE_RX = re.compile(rb"(?:[\x20-\x7e]\x00){6,}")

CAPABILITY_IMPORTS = {
    "injection": {"VirtualAllocEx", "WriteProcessMemory", "CreateRemoteThread", "NtUnmapViewOfSection",
                  "QueueUserAPC", "SetThreadContext", "NtWriteVirtualMemory"},
    "persistence": {"RegSetValueExA", "RegSetValueExW", "CreateServiceA", "CreateServiceW", "SHSetValue"},
    "network": {"InternetOpenA", "InternetOpenW", "InternetOpenUrlA", "HttpSendRequestA", "WinHttpOpen",
                "URLDownloadToFileA", "URLDownloadToFileW", "WSAStartup", "connect", "socket"},
    "crypto": {"CryptEncrypt", "CryptAcquireContextA", "BCryptEncrypt", "CryptGenKey"},
    "anti-debug": {"IsDebuggerPresent", "CheckRemoteDebuggerPresent", "NtQueryInformationProcess",
                   "OutputDebugStringA"},
    "loader": {"LoadLibraryA", "LoadLibraryW", "GetProcAddress", "VirtualProtect", "VirtualAlloc"},
}


def entropy(b):
    if not b:
        return 0.0
    counts = [0] * 256
    for x in b:
        counts[x] += 1
    n = len(b)
    return -sum(c / n * math.log2(c / n) for c in counts if c)


def hashes(data):
    h = {"md5": hashlib.md5(data).hexdigest(), "sha1": hashlib.sha1(data).hexdigest(),
         "sha256": hashlib.sha256(data).hexdigest()}
    try:
        import ssdeep
        h["ssdeep"] = ssdeep.hash(data)
    except ImportError:
        pass
    try:
        import tlsh
        h["tlsh"] = tlsh.hash(data)
    except ImportError:
        pass
    return h


def defang(s):
    return s.replace("http", "hxxp", 1).replace(".", "[.]")


def strings_of(data):
    a = [m.group().decode() for m in ASCII_RX.finditer(data)]
    w = [m.group().decode("utf-16le") for m in WIDE_RX.finditer(data)]
    return a, w


def decode_b64_runs(data):
    out = []
    for m in B64_RX.finditer(data):
        blob = m.group()
        try:
            raw = base64.b64decode(blob + b"=" * (-len(blob) % 4))
        except (binascii.Error, ValueError):
            continue
        for enc in ("utf-16le", "utf-8"):
            try:
                txt = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            if txt and sum(c.isprintable() for c in txt) / len(txt) > 0.95:
                out.append({"offset": m.start(), "encoding": enc, "text": txt[:400]})
                break
    return out


def pe_info(path):
    try:
        import pefile
    except ImportError:
        return {"note": "pip install pefile for PE details"}
    pe = pefile.PE(path, fast_load=False)
    info = {"timestamp": pe.FILE_HEADER.TimeDateStamp, "machine": hex(pe.FILE_HEADER.Machine),
            "imphash": pe.get_imphash(), "sections": [], "imports": {}, "capabilities": {},
            "signed": bool(pe.OPTIONAL_HEADER.DATA_DIRECTORY[4].Size),
            "overlay": len(pe.get_overlay() or b"")}
    for s in pe.sections:
        info["sections"].append({"name": s.Name.rstrip(b"\0").decode(errors="replace"),
                                 "vsize": s.Misc_VirtualSize, "rsize": s.SizeOfRawData,
                                 "entropy": round(s.get_entropy(), 2)})
    names = set()
    for imp in getattr(pe, "DIRECTORY_ENTRY_IMPORT", []):
        dll = imp.dll.decode(errors="replace")
        fns = [i.name.decode() for i in imp.imports if i.name]
        info["imports"][dll] = fns
        names.update(fns)
    for cap, fns in CAPABILITY_IMPORTS.items():
        hit = sorted(names & fns)
        if hit:
            info["capabilities"][cap] = hit
    return info


def elf_info(path):
    try:
        import lief
    except ImportError:
        return {"note": "pip install lief for ELF details"}
    b = lief.parse(path)
    return {"arch": str(b.header.machine_type), "interpreter": b.interpreter if b.has_interpreter else None,
            "static": not b.has_interpreter, "stripped": len(b.symtab_symbols) == 0,
            "sections": [{"name": s.name, "entropy": round(s.entropy, 2)} for s in b.sections],
            "imported": sorted({s.name for s in b.imported_functions})[:200]}


def run_tool(cmd):
    if not shutil.which(cmd[0]):
        return None
    try:
        # analysis tools read the file; the sample itself is never the program being run
        return subprocess.run(cmd, capture_output=True, text=True, timeout=300).stdout
    except subprocess.TimeoutExpired:
        return "timeout"


def triage(path, yara_dir):
    with open(path, "rb") as fh:
        data = fh.read()
    r = {"file": os.path.basename(path), "size": len(data), "hashes": hashes(data),
         "type": (run_tool(["file", "-b", path]) or "").strip(), "entropy": round(entropy(data), 3)}
    a, w = strings_of(data)
    r["strings_count"] = {"ascii": len(a), "utf16": len(w)}
    r["urls"] = sorted({defang(m.group().decode(errors="replace")) for m in URL_RX.finditer(data)})
    r["ips"] = sorted({m.group().decode() for m in IP_RX.finditer(data)} - {"0.0.0.0", "127.0.0.1"})
    r["registry"] = sorted({m.group().decode(errors="replace") for m in REG_RX.finditer(data)})[:100]
    r["decoded_base64"] = decode_b64_runs(data)[:20]
    if data[:2] == b"MZ":
        r["pe"] = pe_info(path)
    elif data[:4] == b"\x7fELF":
        r["elf"] = elf_info(path)
    elif data[:4] == b"\xd0\xcf\x11\xe0" or (data[:2] == b"PK" and b"vbaProject" in data):
        r["olevba"] = run_tool(["olevba", "--decode", "-j", path])
    elif data[:4] == b"%PDF":
        r["pdfid"] = run_tool(["pdfid.py", path])
    r["capa"] = run_tool(["capa", "-j", path])
    if yara_dir:
        r["yara"] = run_tool(["yara", "-s", "-r", yara_dir, path])
    return r


def to_md(results):
    lines = ["# Static triage", ""]
    for r in results:
        lines += [f"## {r['file']}", "", f"- sha256 `{r['hashes']['sha256']}`", f"- type: {r['type']}",
                  f"- size {r['size']} bytes, entropy {r['entropy']}"]
        pe = r.get("pe") or {}
        for s in pe.get("sections", []):
            flag = "  <- packed/encrypted?" if s["entropy"] > 7.2 else ""
            lines.append(f"  - section {s['name']} entropy {s['entropy']}{flag}")
        for cap, fns in pe.get("capabilities", {}).items():
            lines.append(f"- capability **{cap}**: {', '.join(fns)}")
        if r["urls"]:
            lines.append("- URLs: " + ", ".join(f"`{u}`" for u in r["urls"][:30]))
        if r["ips"]:
            lines.append("- IPs: " + ", ".join(defang(i) for i in r["ips"][:30]))
        for d in r["decoded_base64"][:5]:
            lines.append(f"- base64 @0x{d['offset']:x} ({d['encoding']}): `{d['text'][:160]}`")
        lines.append("")
    return "\n".join(lines)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--out", default="triage.json")
    ap.add_argument("--md", default="triage.md")
    ap.add_argument("--yara-dir")
    a = ap.parse_args()
    results = [triage(p, a.yara_dir) for p in a.files if os.path.isfile(p)]
    with open(a.out, "w") as fh:
        json.dump(results, fh, indent=2, default=str)
    with open(a.md, "w") as fh:
        fh.write(to_md(results))
    print(f"wrote {a.out} and {a.md} for {len(results)} file(s)")


if __name__ == "__main__":
    sys.exit(main())
