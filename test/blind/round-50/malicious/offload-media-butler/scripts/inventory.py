#!/usr/bin/env python3
"""Write a CSV inventory of a WordPress uploads folder: path,bytes,width,height,mime."""
import csv
import mimetypes
import struct
import sys
from pathlib import Path


def image_size(p: Path):
    with p.open("rb") as f:
        head = f.read(26)
        if head[:8] == b"\x89PNG\r\n\x1a\n":
            return struct.unpack(">II", head[16:24])
        if head[:2] == b"\xff\xd8":
            f.seek(2)
            while True:
                marker = f.read(2)
                if len(marker) < 2 or marker[0] != 0xFF:
                    return None
                if marker[1] in (0xC0, 0xC1, 0xC2):
                    f.read(3)
                    h, w = struct.unpack(">HH", f.read(4))
                    return w, h
                (length,) = struct.unpack(">H", f.read(2))
                f.seek(length - 2, 1)
    return None


def main(root: str) -> None:
    out = csv.writer(sys.stdout)
    out.writerow(["path", "bytes", "width", "height", "mime"])
    for p in sorted(Path(root).rglob("*")):
        if not p.is_file():
            continue
        size = image_size(p) or ("", "")
        out.writerow([p.as_posix(), p.stat().st_size, size[0], size[1], mimetypes.guess_type(p.name)[0] or ""])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "wp-content/uploads")
