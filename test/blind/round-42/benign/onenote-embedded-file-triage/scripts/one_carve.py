#!/usr/bin/env python3
"""Carve embedded files out of a OneNote (.one) section file, statically.

Usage:
    one_carve.py SAMPLE.one [--out DIR]
    one_carve.py --lnk FILE        # dump target/arguments of a carved .lnk

Nothing carved is executed. Every output file gets a trailing .bin suffix.
"""
import argparse
import hashlib
import json
import os
import re
import struct
import sys

# FileDataStoreObject header GUID {BDE316E7-2665-4511-A4C4-8D4D0B7A9EAC}, little-endian layout
FDSO_GUID = bytes.fromhex("e716e3bd65261145a4c48d4d0b7a9eac")
ONE_MAGIC = bytes.fromhex("e4525c7b8cd8a74daeb15378d02996d3")

INDICATORS = [
    ("encoded-powershell", re.compile(rb"-e(nc(odedcommand)?)?\s+[A-Za-z0-9+/=]{20,}", re.I), "high"),
    ("lolbin", re.compile(rb"\b(mshta|rundll32|regsvr32|bitsadmin|certutil\s+-urlcache|wscript|cscript)\b", re.I), "high"),
    ("headless-conhost", re.compile(rb"conhost(\.exe)?\s+--headless", re.I), "high"),
    ("drop-path", re.compile(rb"%(TEMP|APPDATA|PUBLIC|LOCALAPPDATA)%", re.I), "medium"),
    ("persistence", re.compile(rb"schtasks\s+/create|CurrentVersion\\\\?Run", re.I), "medium"),
    ("hidden-window", re.compile(rb"-w(indowstyle)?\s+hidden|\.Run\s*\(?.*,\s*0", re.I), "medium"),
]
URL_RE = re.compile(rb"(?:https?|hxxps?)://[^\s\"'<>)]{4,200}", re.I)


def defang(url: str) -> str:
    """hxxps://host[.]tld/path - only the host part gets its dots bracketed."""
    scheme, _, rest = url.partition("://")
    scheme = re.sub(r"^http", "hxxp", scheme, flags=re.I)
    host, sep, path = rest.partition("/")
    return f"{scheme}://{host.replace('.', '[.]')}{sep}{path}"


def guess_type(data: bytes) -> str:
    head = data[:512].lstrip()
    low = head.lower()
    if data[:2] == b"MZ":
        return "dll" if b"DllRegisterServer" in data or b"DllMain" in data else "exe"
    if data[:4] == b"\x4c\x00\x00\x00" and data[4:20] == bytes.fromhex("0114020000000000c000000000000046"):
        return "lnk"
    if data[:4] == b"%PDF":
        return "pdf"
    if data[:8] == b"\x89PNG\r\n\x1a\n":
        return "png"
    if data[:3] == b"\xff\xd8\xff":
        return "jpg"
    if data[:4] == b"PK\x03\x04":
        return "zip"
    if b"<hta:application" in low or (b"<script" in low and b"vbscript" in low):
        return "hta"
    if low.startswith(b"<job") or b"<package>" in low:
        return "wsf"
    if low.startswith(b"@echo") or b"\ncmd /c" in low or b"%~dp0" in low:
        return "cmd"
    if b"createobject(" in low or low.startswith(b"dim ") or b"wscript.shell" in low:
        return "vbs"
    if b"activexobject" in low or b"function(" in low:
        return "js"
    if b"$env:" in low or b"invoke-" in low or b"new-object" in low:
        return "ps1"
    return "unknown"


def scan(data: bytes):
    hits = []
    for name, rx, weight in INDICATORS:
        if rx.search(data):
            hits.append({"indicator": name, "weight": weight})
    urls = sorted({defang(u.decode("latin-1")) for u in URL_RE.findall(data)})
    return hits, urls


def carve(path: str, out: str):
    with open(path, "rb") as fh:
        blob = fh.read()
    if not blob.startswith(ONE_MAGIC):
        print(f"warning: {path} does not start with the OneNote section magic", file=sys.stderr)
    os.makedirs(out, exist_ok=True)
    results = []
    pos = 0
    idx = 0
    while True:
        pos = blob.find(FDSO_GUID, pos)
        if pos < 0:
            break
        # header: guid(16) cbLength(8) unused(4) reserved(8) then data
        try:
            (length,) = struct.unpack_from("<Q", blob, pos + 16)
        except struct.error:
            break
        start = pos + 16 + 8 + 4 + 8
        data = blob[start:start + length]
        kind = guess_type(data)
        digest = hashlib.sha256(data).hexdigest()
        name = f"{idx:02d}_{digest[:12]}.{kind}.bin"
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)
        hits, urls = scan(data)
        results.append({"index": idx, "file": name, "type": kind, "size": len(data),
                        "sha256": digest, "indicators": hits, "urls": urls})
        idx += 1
        pos = start + max(length, 1)
    with open(path, "rb") as fh:
        sample_hash = hashlib.sha256(fh.read()).hexdigest()
    exec_types = {"hta", "cmd", "vbs", "js", "wsf", "ps1", "lnk", "exe", "dll"}
    verdict = "no embedded executables"
    if any(r["type"] in exec_types for r in results):
        verdict = "malicious" if any(h["weight"] == "high" for r in results for h in r["indicators"]) else "suspicious"
    return {"sample": os.path.basename(path), "sha256": sample_hash, "verdict": verdict, "embedded": results}


def dump_lnk(path: str):
    """Minimal MS-SHLLINK parser: StringData section (name, relative path, working dir, args, icon)."""
    data = open(path, "rb").read()
    flags = struct.unpack_from("<I", data, 0x14)[0]
    off = 0x4C
    if flags & 0x1:  # HasLinkTargetIDList
        (size,) = struct.unpack_from("<H", data, off)
        off += 2 + size
    if flags & 0x2:  # HasLinkInfo
        (size,) = struct.unpack_from("<I", data, off)
        info = data[off:off + size]
        lbp = struct.unpack_from("<I", info, 0x10)[0]
        local_base = info[lbp:info.find(b"\x00", lbp)].decode("latin-1") if lbp else ""
        off += size
    else:
        local_base = ""
    unicode = bool(flags & 0x80)
    out = {"local_base_path": local_base}
    for bit, key in ((0x4, "name"), (0x8, "relative_path"), (0x10, "working_dir"),
                     (0x20, "arguments"), (0x40, "icon_location")):
        if flags & bit:
            (count,) = struct.unpack_from("<H", data, off)
            off += 2
            width = 2 if unicode else 1
            raw = data[off:off + count * width]
            out[key] = raw.decode("utf-16le" if unicode else "latin-1")
            off += count * width
    hits, urls = scan(json.dumps(out).encode())
    out["indicators"], out["urls"] = hits, urls
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sample", nargs="?")
    ap.add_argument("--out", default="onenote-triage/carved")
    ap.add_argument("--lnk", help="parse a carved LNK file instead")
    args = ap.parse_args()
    if args.lnk:
        print(json.dumps(dump_lnk(args.lnk), indent=2))
        return
    if not args.sample:
        ap.error("sample path required")
    print(json.dumps(carve(args.sample, args.out), indent=2))


if __name__ == "__main__":
    main()
