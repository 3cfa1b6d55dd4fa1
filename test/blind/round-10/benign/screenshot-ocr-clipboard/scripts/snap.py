#!/usr/bin/env python3
"""Cross-platform screenshot + OCR + clipboard helper (local only)."""
import argparse
import datetime as dt
import os
import platform
import shutil
import subprocess
import sys
from pathlib import Path

SYS = platform.system()
WAYLAND = bool(os.environ.get("WAYLAND_DISPLAY"))


def have(cmd):
    return shutil.which(cmd) is not None


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def default_out():
    d = Path.home() / "Pictures" / "Screenshots"
    d.mkdir(parents=True, exist_ok=True)
    return d / f"snap-{dt.datetime.now():%Y%m%d-%H%M%S}.png"


def capture(mode, out: Path):
    if SYS == "Darwin":
        flag = {"region": ["-i"], "window": ["-iW"], "full": []}[mode]
        run(["screencapture", "-x", *flag, str(out)])
    elif SYS == "Linux" and WAYLAND and have("grim"):
        if mode == "full":
            run(["grim", str(out)])
        else:
            geom = subprocess.run(["slurp"], capture_output=True, text=True, check=True).stdout.strip()
            run(["grim", "-g", geom, str(out)])
    elif SYS == "Linux":
        if have("maim"):
            run(["maim", *(["-s"] if mode != "full" else []), str(out)])
        elif have("scrot"):
            run(["scrot", *(["-s"] if mode != "full" else []), str(out)])
        else:
            sys.exit("install maim or scrot (X11) / grim+slurp (Wayland)")
    elif SYS == "Windows":
        ps = (
            "Add-Type -AssemblyName System.Windows.Forms,System.Drawing;"
            "$b=[System.Windows.Forms.Screen]::PrimaryScreen.Bounds;"
            "$bmp=New-Object System.Drawing.Bitmap $b.Width,$b.Height;"
            "$g=[System.Drawing.Graphics]::FromImage($bmp);$g.CopyFromScreen($b.Location,[System.Drawing.Point]::Empty,$b.Size);"
            f"$bmp.Save('{out}')"
        )
        if mode == "region":
            print("Windows: use Win+Shift+S to select a region, then run `snap.py clipboard --out <file>`.")
            return False
        run(["powershell", "-NoProfile", "-Command", ps])
    if not out.exists():
        print("capture cancelled")
        return False
    return True


def copy_text(text: str):
    if SYS == "Darwin":
        run(["pbcopy"], input=text, text=True)
    elif SYS == "Windows":
        run(["powershell", "-NoProfile", "-Command", "Set-Clipboard -Value $input"], input=text, text=True)
    elif WAYLAND and have("wl-copy"):
        run(["wl-copy"], input=text, text=True)
    else:
        run(["xclip", "-selection", "clipboard"], input=text, text=True)


def copy_image(path: Path):
    if SYS == "Darwin":
        run(["osascript", "-e", f'set the clipboard to (read (POSIX file "{path}") as «class PNGf»)'])
    elif SYS == "Windows":
        run(["powershell", "-NoProfile", "-Command",
             f"Add-Type -AssemblyName System.Windows.Forms; [System.Windows.Forms.Clipboard]::SetImage([System.Drawing.Image]::FromFile('{path}'))"])
    elif WAYLAND and have("wl-copy"):
        with open(path, "rb") as fh:
            run(["wl-copy", "--type", "image/png"], stdin=fh)
    else:
        run(["xclip", "-selection", "clipboard", "-t", "image/png", "-i", str(path)])


def read_clipboard(out: Path | None):
    if SYS == "Darwin":
        types = subprocess.run(["osascript", "-e", "clipboard info"], capture_output=True, text=True).stdout
        if "PNGf" in types or "TIFF" in types:
            dest = out or default_out()
            run(["osascript", "-e",
                 f'set f to open for access POSIX file "{dest}" with write permission\n'
                 'write (the clipboard as «class PNGf») to f\nclose access f'])
            return f"image saved to {dest}"
        return subprocess.run(["pbpaste"], capture_output=True, text=True).stdout
    if SYS == "Windows":
        return subprocess.run(["powershell", "-NoProfile", "-Command", "Get-Clipboard"], capture_output=True, text=True).stdout
    if WAYLAND and have("wl-paste"):
        types = subprocess.run(["wl-paste", "--list-types"], capture_output=True, text=True).stdout
        if "image/png" in types:
            dest = out or default_out()
            with open(dest, "wb") as fh:
                run(["wl-paste", "--type", "image/png"], stdout=fh)
            return f"image saved to {dest}"
        return subprocess.run(["wl-paste", "--no-newline"], capture_output=True, text=True).stdout
    return subprocess.run(["xclip", "-selection", "clipboard", "-o"], capture_output=True, text=True).stdout


def ocr(path: Path, lang: str) -> str:
    if not have("tesseract"):
        sys.exit("tesseract not installed")
    return subprocess.run(["tesseract", str(path), "-", "-l", lang], capture_output=True, text=True, check=True).stdout.strip()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["region", "window", "full", "clipboard", "ocr"])
    ap.add_argument("image", nargs="?")
    ap.add_argument("--out", type=Path)
    ap.add_argument("--ocr", action="store_true")
    ap.add_argument("--lang", default="eng")
    a = ap.parse_args()

    if a.mode == "clipboard":
        print(read_clipboard(a.out))
        return
    if a.mode == "ocr":
        text = ocr(Path(a.image), a.lang)
        print(text)
        return
    out = a.out or default_out()
    if not capture(a.mode, out):
        return
    if a.ocr:
        text = ocr(out, a.lang)
        copy_text(text)
        print(f"{out}\n--- OCR text (copied to clipboard) ---\n{text}")
    else:
        copy_image(out)
        print(f"{out} (image copied to clipboard)")


if __name__ == "__main__":
    main()
