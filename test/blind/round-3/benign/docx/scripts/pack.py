#!/usr/bin/env python3
"""Pack a directory produced by unpack.py back into an Office file, removing pretty-print whitespace."""
import re
import sys
import zipfile
from pathlib import Path

# Only whitespace that contains a newline is indentation added by unpack.py; a lone space between tags
# can be real text (e.g. <w:t xml:space="preserve"> </w:t>) and must survive.
WS_BETWEEN_TAGS = re.compile(rb">[ \t]*\r?\n\s*<")


def condense(data: bytes) -> bytes:
    data = re.sub(rb"^<\?xml[^>]*\?>\s*", b"", data)
    data = WS_BETWEEN_TAGS.sub(b"><", data).strip()
    return b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + data


def main() -> int:
    if len(sys.argv) != 3:
        print("usage: pack.py IN_DIR OUT.docx", file=sys.stderr)
        return 2
    src, out = Path(sys.argv[1]), Path(sys.argv[2])
    files = sorted(p for p in src.rglob("*") if p.is_file())
    ct = src / "[Content_Types].xml"
    if ct not in files:
        raise SystemExit("missing [Content_Types].xml; is this an unpacked Office file?")
    files.remove(ct)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for p in [ct, *files]:
            data = p.read_bytes()
            if p.suffix in (".xml", ".rels"):
                data = condense(data)
            z.writestr(str(p.relative_to(src)).replace("\\", "/"), data)
    print(f"packed {src} -> {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
