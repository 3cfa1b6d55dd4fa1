#!/usr/bin/env python3
"""Static PWA audit of a build directory: manifest fields, icons, SW registration."""
import json
import re
import struct
import sys
from pathlib import Path


def png_size(p: Path):
    try:
        with p.open("rb") as fh:
            head = fh.read(24)
        if head[:8] != b"\x89PNG\r\n\x1a\n":
            return None
        return struct.unpack(">II", head[16:24])
    except OSError:
        return None


def main(root: Path) -> int:
    index = root / "index.html"
    if not index.exists():
        print(f"no index.html in {root}")
        return 2
    html = index.read_text(encoding="utf-8", errors="replace")
    issues = []

    m = re.search(r'<link[^>]+rel=["\']manifest["\'][^>]*href=["\']([^"\']+)', html)
    if not m:
        print("FAIL no <link rel=manifest>")
        return 1
    mpath = root / m.group(1).lstrip("/")
    manifest = json.loads(mpath.read_text(encoding="utf-8"))

    for f in ("name", "short_name", "start_url", "display", "icons", "theme_color", "background_color"):
        if f not in manifest:
            issues.append(f"manifest missing '{f}'")
    if len(manifest.get("short_name", "")) > 12:
        issues.append("short_name longer than 12 characters")
    if manifest.get("display") not in ("standalone", "fullscreen", "minimal-ui"):
        issues.append("display must be standalone, fullscreen or minimal-ui")
    if "id" not in manifest:
        issues.append("no 'id'; changing start_url later creates a second app")

    sizes, maskable = set(), False
    for icon in manifest.get("icons", []):
        sizes.update(icon.get("sizes", "").split())
        maskable |= "maskable" in icon.get("purpose", "")
        real = png_size(root / icon["src"].lstrip("/"))
        if real and f"{real[0]}x{real[1]}" not in icon.get("sizes", ""):
            issues.append(f"icon {icon['src']} declared {icon.get('sizes')} but is {real[0]}x{real[1]}")
    for need in ("192x192", "512x512"):
        if need not in sizes:
            issues.append(f"no {need} icon")
    if not maskable:
        issues.append("no maskable icon")

    tc = re.search(r'<meta[^>]+name=["\']theme-color["\'][^>]*content=["\']([^"\']+)', html)
    if tc and manifest.get("theme_color") and tc.group(1).lower() != manifest["theme_color"].lower():
        issues.append("theme-color meta differs from manifest.theme_color")
    if "apple-touch-icon" not in html:
        issues.append("no apple-touch-icon (iOS home screen)")
    if "serviceWorker.register" not in html and not any(
        "serviceWorker.register" in p.read_text(errors="ignore") for p in root.rglob("*.js") if p.stat().st_size < 2_000_000
    ):
        issues.append("no service worker registration found")

    print("installable: " + ("yes" if not issues else "no"))
    for i in issues:
        print(f"  - {i}")
    return 1 if issues else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "dist")))
