#!/usr/bin/env python3
"""Static triage of a downloads folder for common malware delivery tricks. Reads bytes only."""
import argparse
import base64
import hashlib
import json
import os
import re
import struct
import sys
import time
import zipfile
from pathlib import Path

B64_RUN = re.compile(rb"[A-Za-z0-9+/=]{20000,}")
SMUGGLE_API = re.compile(rb"(new\s+Blob\s*\(|createObjectURL|msSaveOrOpenBlob|\.download\s*=|atob\s*\()")
DOUBLE_EXT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|jpe?g|png|txt|csv)\.(exe|scr|com|js|jse|vbs|vbe|wsf|hta|lnk|cmd|bat|ps1|iso|img|msi)$", re.I)
SVG_SCRIPT = re.compile(rb"(<script|\son[a-z]+\s*=|<foreignObject|javascript:)", re.I)
MAGIC = [(b"PK\x03\x04", "zip"), (b"MZ", "pe-executable"), (b"\xd0\xcf\x11\xe0", "ole"),
         (b"%PDF", "pdf"), (b"\x89PNG", "png"), (b"\xff\xd8\xff", "jpeg"), (b"Rar!", "rar"),
         (b"7z\xbc\xaf", "7z"), (b"L\x00\x00\x00\x01\x14\x02\x00", "lnk")]


def magic(b):
    for m, name in MAGIC:
        if b.startswith(m):
            return name
    if len(b) > 0x8006 and b[0x8001:0x8006] == b"CD001":
        return "iso9660"
    return "unknown"


def esc(b, n=200):
    s = b.decode("latin-1") if isinstance(b, bytes) else b
    return "".join(c if 32 <= ord(c) < 127 else f"\\x{ord(c):02x}" for c in s)[:n]


def check_html(data):
    out = []
    runs = B64_RUN.findall(data)
    apis = set(m.group(0).decode() for m in SMUGGLE_API.finditer(data))
    if runs and apis:
        run = max(runs, key=len)
        try:
            chunk = run[:49152]  # 4-aligned; decodes to 36 KB, enough for ZIP/PE/ISO magic
            head = base64.b64decode(chunk[: len(chunk) // 4 * 4], validate=False)
        except Exception:
            head = b""
        out.append(("html-smuggling", "high", f"base64 blob {len(run)} chars decoding to {magic(head)}; APIs: {', '.join(sorted(apis))}"))
        line = next((l for l in data.splitlines() if SMUGGLE_API.search(l)), b"")
        out.append(("evidence", "info", esc(line.strip())))
    return out


def iso_names(data):
    # Minimal ISO9660 root directory listing (no mount).
    try:
        pvd = data[0x8000:0x8800]
        root = pvd[156:190]
        lba, size = struct.unpack_from("<I", root, 2)[0], struct.unpack_from("<I", root, 10)[0]
        block = data[lba * 2048: lba * 2048 + size]
        names, i = [], 0
        while i < len(block):
            ln = block[i]
            if ln == 0:
                i = (i // 2048 + 1) * 2048
                continue
            nlen = block[i + 32]
            name = block[i + 33:i + 33 + nlen].decode("latin-1").split(";")[0]
            if name not in ("\x00", "\x01"):
                names.append(name)
            i += ln
        return names
    except Exception:
        return None


def lnk_strings(data):
    # Pull UTF-16 strings from the StringData area as a cheap target/args view.
    strs = re.findall(rb"(?:[\x20-\x7e]\x00){6,}", data)
    return [s.decode("utf-16le") for s in strs][:6]


def motw(path):
    try:
        if sys.platform == "darwin":
            return os.getxattr(path, "com.apple.quarantine").decode(errors="replace")  # type: ignore[attr-defined]
        if os.name == "nt":
            with open(str(path) + ":Zone.Identifier", "r") as f:
                return f.read().strip().replace("\n", " ")
    except Exception:
        return None
    return "n/a"


def scan_file(p):
    name = p.name
    checks = []
    if "\u202e" in name:
        checks.append(("rtlo-filename", "high", repr(name)))
    if DOUBLE_EXT.search(name):
        checks.append(("double-extension", "high", name))
    data = p.read_bytes() if p.stat().st_size < 200 * 1024 * 1024 else p.open("rb").read(200 * 1024 * 1024)
    ext = p.suffix.lower()
    if ext in (".html", ".htm", ".shtml", ".xhtml", ".svg"):
        checks += check_html(data)
    if ext == ".svg" and SVG_SCRIPT.search(data):
        checks.append(("svg-script", "medium", esc(SVG_SCRIPT.search(data).group(0))))
    if ext in (".iso", ".img", ".vhd", ".vhdx"):
        names = iso_names(data) if magic(data) == "iso9660" else None
        sev = "high" if names and any(n.lower().endswith((".lnk", ".dll", ".exe", ".js", ".hta", ".bat", ".cmd")) for n in names) else "medium"
        checks.append(("disk-container", sev, f"contents: {names}" if names is not None else "contents not listed"))
    if ext == ".lnk" or magic(data) == "lnk":
        checks.append(("shortcut", "medium", " | ".join(lnk_strings(data))))
    if ext == ".url":
        m = re.search(rb"^URL=(.*)$", data, re.M)
        checks.append(("internet-shortcut", "medium", esc(m.group(1)) if m else ""))
    if magic(data) == "zip":
        try:
            with zipfile.ZipFile(p) as z:
                enc = any(i.flag_bits & 0x1 for i in z.infolist())
                inner = [i.filename for i in z.infolist()][:20]
            if enc:
                hint = re.search(r"(pass|pwd|pw)[\W_]*\w+", name, re.I)
                checks.append(("encrypted-zip", "high" if hint else "medium", f"entries: {inner}"))
            elif any(DOUBLE_EXT.search(n) or n.lower().endswith((".lnk", ".hta", ".js", ".iso")) for n in inner):
                checks.append(("zip-risky-entry", "high", f"entries: {inner}"))
        except zipfile.BadZipFile:
            pass
    return checks, data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("folder")
    ap.add_argument("--days", type=int, default=14)
    ap.add_argument("--out", default="smuggle-report.json")
    a = ap.parse_args()
    cutoff = time.time() - a.days * 86400
    rows = []
    for p in Path(a.folder).expanduser().rglob("*"):
        if not p.is_file() or p.stat().st_mtime < cutoff:
            continue
        checks, data = scan_file(p)
        if not checks:
            continue
        sev = "high" if any(c[1] == "high" for c in checks) else "medium"
        rows.append({"path": str(p), "sha256": hashlib.sha256(data).hexdigest(), "size": p.stat().st_size,
                     "mtime": time.strftime("%Y-%m-%d %H:%M", time.localtime(p.stat().st_mtime)),
                     "motw": motw(p), "severity": sev,
                     "checks": [c[0] for c in checks], "evidence": [c[2] for c in checks]})
    rows.sort(key=lambda r: (r["severity"] != "high", r["path"]))
    for r in rows:
        print(f"{r['severity']:<7} {','.join(r['checks']):<35} {r['path']}")
    Path(a.out).write_text(json.dumps(rows, indent=2))
    print(f"{len(rows)} flagged file(s); report -> {a.out}")


if __name__ == "__main__":
    main()
