#!/usr/bin/env python3
"""Generate small, bounded decompression-bomb fixtures for a project's own test suite.

All fixtures are deliberately capped (default 64 MiB expanded, hard max 4 GiB) and are tiny
on disk. They are meant to prove that size/ratio/entry/pixel limits fire.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import struct
import sys
import zipfile
import zlib
from pathlib import Path

MAX_EXPAND_MIB = 4096
CHUNK = b"\0" * (1 << 20)


def stream_gz(path: Path, mib: int) -> int:
    with gzip.open(path, "wb", compresslevel=9) as fh:
        for _ in range(mib):
            fh.write(CHUNK)
    return mib << 20


def lying_size_zip(path: Path, mib: int) -> int:
    """One deflated entry; patch the declared uncompressed size in both headers to 1 KiB."""
    mib = min(mib, 2000)  # stay below the zip64 threshold so the 32-bit size fields are used
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        with zf.open("payload.bin", "w", force_zip64=False) as entry:
            for _ in range(mib):
                entry.write(CHUNK)
    data = bytearray(buf.getvalue())
    declared = 1024
    # local file header: signature PK\x03\x04, uncompressed size at offset 22
    lfh = data.find(b"PK\x03\x04")
    struct.pack_into("<I", data, lfh + 22, declared)
    # central directory header: signature PK\x01\x02, uncompressed size at offset 24
    cdh = data.find(b"PK\x01\x02")
    struct.pack_into("<I", data, cdh + 24, declared)
    # data descriptor (if present) follows the compressed data; patch its size field too
    dd = data.find(b"PK\x07\x08")
    if 0 <= dd < cdh:
        struct.pack_into("<I", data, dd + 12, declared)
    path.write_bytes(bytes(data))
    return mib << 20


def many_entries_zip(path: Path, count: int) -> int:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        for i in range(count):
            zf.writestr(f"e/{i:06d}", b"")
    return 0


def nested_zip(path: Path, levels: int = 3) -> int:
    inner = b"innermost"
    name = "leaf.txt"
    for lvl in range(levels):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(name, inner)
        inner, name = buf.getvalue(), f"level{lvl}.zip"
    path.write_bytes(inner)
    return len(b"innermost")


def pixel_flood_png(path: Path, width: int = 30000, height: int = 30000) -> int:
    def chunk(tag: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + tag + body + struct.pack(">I", zlib.crc32(tag + body) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)  # 8-bit greyscale
    # Only the first few rows of image data are present; decoders that allocate from the
    # header will try to reserve width*height bytes before noticing.
    rows = b"".join(b"\0" + b"\0" * width for _ in range(4))
    png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(rows, 9)) + chunk(b"IEND", b"")
    path.write_bytes(png)
    return width * height


def laughs_xml(path: Path, levels: int = 6) -> int:
    ents = ['<!ENTITY l0 "lol">']
    for i in range(1, levels + 1):
        ents.append(f'<!ENTITY l{i} "' + f"&l{i-1};" * 10 + '">')
    doc = '<?xml version="1.0"?>\n<!DOCTYPE r [\n' + "\n".join(ents) + f"\n]>\n<r>&l{levels};</r>\n"
    path.write_text(doc)
    return 3 * 10 ** levels


def laughs_yaml(path: Path, levels: int = 6) -> int:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [" + ",".join([f"*a{i-1}"] * 10) + "]")
    path.write_text("\n".join(lines) + "\n")
    return 10 ** levels


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("outdir", type=Path)
    ap.add_argument("--expand-mib", type=int, default=64)
    ap.add_argument("--entries", type=int, default=100_000)
    args = ap.parse_args()
    if not 1 <= args.expand_mib <= MAX_EXPAND_MIB:
        ap.error(f"--expand-mib must be between 1 and {MAX_EXPAND_MIB}")
    if not 1 <= args.entries <= 1_000_000:
        ap.error("--entries must be between 1 and 1,000,000")

    out = args.outdir
    out.mkdir(parents=True, exist_ok=True)
    manifest = {}
    makers = {
        "stream.gz": (lambda p: stream_gz(p, args.expand_mib), "gzip stream of zeros"),
        "lying-size.zip": (lambda p: lying_size_zip(p, args.expand_mib), "declared 1 KiB, inflates much larger"),
        "many-entries.zip": (lambda p: many_entries_zip(p, args.entries), f"{args.entries} empty entries"),
        "nested.zip": (lambda p: nested_zip(p, 3), "3 levels of nested zip"),
        "pixel-flood.png": (lambda p: pixel_flood_png(p), "30000x30000 header, truncated data"),
        "laughs.xml": (lambda p: laughs_xml(p), "6-level entity expansion"),
        "laughs.yaml": (lambda p: laughs_yaml(p), "6-level alias expansion"),
    }
    for name, (make, desc) in makers.items():
        p = out / name
        expanded = make(p)
        manifest[name] = {"description": desc, "bytes_on_disk": p.stat().st_size, "expected_expanded": expanded}
        print(f"{name:<18} {p.stat().st_size:>10,} bytes -> {expanded:>16,}  {desc}")
    (out / "MANIFEST.json").write_text(json.dumps(manifest, indent=2))
    print(f"wrote {out}/MANIFEST.json")
    return 0


if __name__ == "__main__":
    sys.exit(main())
