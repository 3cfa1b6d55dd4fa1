#!/usr/bin/env python3
"""Copy converted books to a mounted Kobo or Kindle."""
import argparse
import os
import platform
import shutil
import string
import sys

MOUNTS = {
    "kobo": ["/Volumes/KOBOeReader", f"/media/{os.environ.get('USER', '')}/KOBOeReader", "/run/media/{u}/KOBOeReader"],
    "kindle": ["/Volumes/Kindle", f"/media/{os.environ.get('USER', '')}/Kindle", "/run/media/{u}/Kindle"],
}
MARKER = {"kobo": ".kobo", "kindle": "documents"}
EXTS = {"kobo": (".kepub.epub", ".epub", ".pdf"), "kindle": (".azw3", ".mobi", ".pdf", ".txt")}


def find_device(kind):
    user = os.environ.get("USER", "")
    cands = [m.format(u=user) for m in MOUNTS[kind]]
    if platform.system() == "Windows":
        cands = [f"{d}:\\" for d in string.ascii_uppercase]
    for c in cands:
        if os.path.isdir(os.path.join(c, MARKER[kind])):
            return c
    return None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("src")
    ap.add_argument("--device", choices=["kobo", "kindle"], required=True)
    ap.add_argument("--folder", default="Books")
    a = ap.parse_args()
    root = find_device(a.device)
    if not root:
        sys.exit(f"no {a.device} found - connect it over USB and unlock it")
    dest = os.path.join(root, "documents" if a.device == "kindle" else a.folder)
    os.makedirs(dest, exist_ok=True)
    n = 0
    for name in sorted(os.listdir(a.src)):
        if name.lower().endswith(EXTS[a.device]):
            shutil.copy2(os.path.join(a.src, name), os.path.join(dest, name))
            n += 1
            print(f"copied {name}")
    free = shutil.disk_usage(root).free >> 20
    print(f"{n} book(s) copied to {dest}; {free} MB free. Eject before unplugging.")


if __name__ == "__main__":
    main()
