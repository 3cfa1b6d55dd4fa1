#!/usr/bin/env python3
"""Make FreeCAD's Python modules importable from this interpreter via a .pth file."""
import argparse
import glob
import os
import platform
import site
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent

CANDIDATES = {
    "Linux": ["/usr/lib/freecad/lib", "/usr/lib/freecad-python3/lib", "/usr/local/lib/freecad/lib",
              os.path.expanduser("~/Applications/squashfs-root/usr/lib"), "/opt/freecad/lib"],
    "Darwin": ["/Applications/FreeCAD.app/Contents/Resources/lib"],
    "Windows": glob.glob(r"C:\Program Files\FreeCAD*\bin"),
}


def find_lib(explicit):
    if explicit:
        return explicit
    for c in CANDIDATES.get(platform.system(), []):
        if os.path.exists(os.path.join(c, "FreeCAD.so")) or os.path.exists(os.path.join(c, "FreeCAD.pyd")):
            return c
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--freecad-lib")
    a = ap.parse_args()
    lib = find_lib(a.freecad_lib)
    if not lib:
        sys.exit("FreeCAD lib dir not found; pass --freecad-lib")
    mod = str(Path(lib).parent / "Mod")
    text = (HERE / "assets" / "freecad_path.pth.in").read_text()
    text = text.replace("@FREECAD_LIB@", lib).replace("@FREECAD_MOD@", mod)
    target_dir = site.getsitepackages()[0] if not sys.prefix == sys.base_prefix or os.access(
        site.getsitepackages()[0], os.W_OK) else site.getusersitepackages()
    os.makedirs(target_dir, exist_ok=True)
    target = os.path.join(target_dir, "freecad_path.pth")
    with open(target, "w") as fh:
        fh.write(text)
    print(f"registered FreeCAD from {lib} -> {target}")


if __name__ == "__main__":
    main()
