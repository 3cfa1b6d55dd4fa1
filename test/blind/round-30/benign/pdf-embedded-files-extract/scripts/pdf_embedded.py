#!/usr/bin/env python3
"""List, extract and triage files embedded in a PDF. Never executes anything."""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import sys
import urllib.request
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import DictionaryObject, IndirectObject, ArrayObject

MAGIC = [
    (b"MZ", "pe-executable"),
    (b"\x7fELF", "elf-executable"),
    (b"\xcf\xfa\xed\xfe", "mach-o"),
    (b"#!", "script-shebang"),
    (b"%PDF", "pdf"),
    (b"PK\x03\x04", "zip-container"),
    (b"\xd0\xcf\x11\xe0", "ole2 (legacy office / msi)"),
    (b"<?xml", "xml"),
    (b"{\\rtf", "rtf"),
]
RISKY = {"pe-executable", "elf-executable", "mach-o", "script-shebang", "ole2 (legacy office / msi)"}
RISKY_EXT = {".exe", ".dll", ".scr", ".bat", ".cmd", ".ps1", ".vbs", ".js", ".jse", ".hta",
             ".lnk", ".jar", ".docm", ".xlsm", ".pptm", ".msi", ".iso", ".sh"}
ACTIVE_KEYS = ["/JavaScript", "/JS", "/OpenAction", "/AA", "/Launch", "/SubmitForm",
               "/URI", "/RichMedia", "/XFA", "/ImportData", "/GoToR", "/GoToE"]


def sniff(data: bytes) -> str:
    for sig, name in MAGIC:
        if data.startswith(sig):
            return name
    try:
        data[:512].decode("utf-8")
        return "text"
    except UnicodeDecodeError:
        return "binary"


def safe_name(name: str, index: int) -> str:
    base = re.split(r"[\\/]", name or "")[-1]
    base = re.sub(r"^[A-Za-z]:", "", base)
    base = "".join(c for c in base if c.isprintable() and c not in '<>:"|?*')
    base = base.lstrip(".").strip() or "unnamed"
    return f"{index:03d}_{base[:100]}.bin"


def open_reader(path, password):
    r = PdfReader(path, strict=False)
    if r.is_encrypted:
        if not password:
            sys.exit("encrypted PDF: pass --password")
        r.decrypt(password)
    return r


def collect(reader: PdfReader, max_size: int):
    items = []
    for name, blobs in (reader.attachments or {}).items():
        for blob in blobs:
            items.append({"name": name, "where": "names-tree", "data": blob})
    for pno, page in enumerate(reader.pages, start=1):
        for annot in page.get("/Annots") or []:
            a = annot.get_object()
            if a.get("/Subtype") != "/FileAttachment":
                continue
            fs = a.get("/FS")
            if fs is None:
                continue
            fs = fs.get_object()
            ef = fs.get("/EF", {})
            stream = ef.get("/F") or ef.get("/UF")
            if stream is None:
                continue
            items.append({"name": str(fs.get("/UF") or fs.get("/F") or "unnamed"),
                          "where": f"page {pno} annotation",
                          "data": stream.get_object().get_data()})
    for it in items:
        it["size"] = len(it["data"])
        if it["size"] > max_size:
            it["skipped"] = f"larger than --max-size ({it['size']} bytes)"
            it["data"] = b""
        it["sha256"] = hashlib.sha256(it["data"]).hexdigest() if it["data"] else None
        it["type"] = sniff(it["data"]) if it["data"] else "skipped"
        ext = os.path.splitext(it["name"].lower())[1]
        it["risky"] = it["type"] in RISKY or ext in RISKY_EXT
    return items


def walk_active(reader: PdfReader):
    hits, seen = [], set()

    def visit(obj, path, depth=0):
        if depth > 40:
            return
        if isinstance(obj, IndirectObject):
            key = (obj.idnum, obj.generation)
            if key in seen:
                return
            seen.add(key)
            obj = obj.get_object()
        if isinstance(obj, DictionaryObject):
            for k, v in obj.items():
                if k in ACTIVE_KEYS or (k == "/S" and v in ("/JavaScript", "/Launch", "/SubmitForm")):
                    label = v if k == "/S" else k
                    preview = ""
                    if label in ("/JS", "/JavaScript"):
                        js = obj.get("/JS")
                        try:
                            js = js.get_object()
                            preview = (js.get_data().decode("latin-1") if hasattr(js, "get_data") else str(js))[:160]
                        except Exception:
                            preview = ""
                    hits.append({"key": str(label), "path": path, "preview": preview})
                if k in ("/Parent", "/P"):
                    continue
                visit(v, f"{path}{k}", depth + 1)
        elif isinstance(obj, ArrayObject):
            for i, v in enumerate(obj):
                visit(v, f"{path}[{i}]", depth + 1)

    visit(reader.trailer["/Root"], "/Root")
    return hits


def vt_lookup(sha256: str, key: str) -> str:
    req = urllib.request.Request(f"https://www.virustotal.com/api/v3/files/{sha256}",
                                 headers={"x-apikey": key})
    try:
        with urllib.request.urlopen(req, timeout=20) as resp:
            stats = json.load(resp)["data"]["attributes"]["last_analysis_stats"]
            return f"malicious={stats.get('malicious', 0)} suspicious={stats.get('suspicious', 0)}"
    except urllib.error.HTTPError as e:
        return "unknown to VirusTotal" if e.code == 404 else f"lookup failed: HTTP {e.code}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("cmd", choices=["list", "extract", "triage"])
    ap.add_argument("pdf")
    ap.add_argument("--out", default="quarantine")
    ap.add_argument("--password")
    ap.add_argument("--max-size", type=int, default=200 * 1024 * 1024)
    ap.add_argument("--vt-lookup", action="store_true",
                    help="look up SHA-256 hashes (not files) on VirusTotal using $VT_API_KEY")
    args = ap.parse_args()

    reader = open_reader(args.pdf, args.password)
    items = collect(reader, args.max_size)

    for i, it in enumerate(items, start=1):
        flag = "  RISKY" if it["risky"] else ""
        print(f"{i:3d}. {it['name']!r} [{it['where']}] {it['size']} bytes {it['type']}{flag}")
    if not items:
        print("no embedded files")

    if args.cmd == "triage":
        hits = walk_active(reader)
        print(f"\nactive content: {len(hits)} finding(s)")
        for h in hits:
            print(f"  {h['key']:<12} at {h['path']}" + (f"\n      {h['preview']!r}" if h["preview"] else ""))
        return 1 if hits or any(it["risky"] for it in items) else 0

    if args.cmd == "extract" and items:
        dest = Path(args.out) / Path(args.pdf).stem
        dest.mkdir(parents=True, exist_ok=True)
        key = os.environ.get("VT_API_KEY") if args.vt_lookup else None
        if args.vt_lookup and not key:
            print("--vt-lookup given but VT_API_KEY is not set; skipping lookups", file=sys.stderr)
        manifest = []
        for i, it in enumerate(items, start=1):
            entry = {k: v for k, v in it.items() if k != "data"}
            if it["data"]:
                fname = safe_name(it["name"], i)
                target = dest / fname
                fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                with os.fdopen(fd, "wb") as fh:
                    fh.write(it["data"])
                entry["saved_as"] = str(target)
                if key and it["sha256"]:
                    entry["virustotal"] = vt_lookup(it["sha256"], key)
            manifest.append(entry)
        (dest / "manifest.json").write_text(json.dumps(manifest, indent=2))
        print(f"\nextracted to {dest}/ (manifest.json written)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
