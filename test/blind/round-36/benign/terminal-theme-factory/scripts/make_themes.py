#!/usr/bin/env python3
import argparse
import json
import math
import re
import sys
from pathlib import Path

import yaml

NAMES = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]


def hex2rgb(h):
    h = h.lstrip("#")
    return tuple(int(h[i:i + 2], 16) / 255 for i in (0, 2, 4))


def rgb2hex(c):
    return "#" + "".join(f"{max(0, min(255, round(v * 255))):02x}" for v in c)


def lin(v):
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def delin(v):
    return 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055


def luminance(h):
    r, g, b = map(lin, hex2rgb(h))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b):
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def to_oklch(h):
    r, g, b = map(lin, hex2rgb(h))
    l = 0.4122214708 * r + 0.5363325363 * g + 0.0514459929 * b
    m = 0.2119034982 * r + 0.6806995451 * g + 0.1073969566 * b
    s = 0.0883024619 * r + 0.2817188376 * g + 0.6299787005 * b
    l, m, s = (x ** (1 / 3) for x in (l, m, s))
    L = 0.2104542553 * l + 0.7936177850 * m - 0.0040720468 * s
    A = 1.9779984951 * l - 2.4285922050 * m + 0.4505937099 * s
    B = 0.0259040371 * l + 0.7827717662 * m - 0.8086757660 * s
    return L, math.hypot(A, B), math.atan2(B, A)


def from_oklch(L, C, H):
    A, B = C * math.cos(H), C * math.sin(H)
    l = (L + 0.3963377774 * A + 0.2158037573 * B) ** 3
    m = (L - 0.1055613458 * A - 0.0638541728 * B) ** 3
    s = (L - 0.0894841775 * A - 1.2914855480 * B) ** 3
    r = 4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s
    g = -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s
    b = -0.0041960863 * l - 0.7034186147 * m + 1.7076147010 * s
    return rgb2hex(tuple(delin(max(0, min(1, v))) for v in (r, g, b)))


def shift(h, dl):
    L, C, H = to_oklch(h)
    return from_oklch(max(0, min(1, L + dl)), C, H)


def load(path):
    p = yaml.safe_load(Path(path).read_text())
    for k in ("name", "background", "foreground", "ansi"):
        if k not in p:
            sys.exit(f"palette missing {k}")
    dark = luminance(p["background"]) < 0.2
    if p.get("bright", "auto") == "auto":
        p["bright"] = {n: shift(p["ansi"][n], 0.12 if dark else -0.12) for n in NAMES}
    p.setdefault("cursor", p["foreground"])
    p.setdefault("selection_bg", shift(p["background"], 0.1 if dark else -0.1))
    p["slug"] = re.sub(r"[^a-z0-9]+", "-", p["name"].lower()).strip("-")
    p["colors16"] = [p["ansi"][n] for n in NAMES] + [p["bright"][n] for n in NAMES]
    return p


def check(p):
    bg, bad = p["background"], 0
    rows = [("foreground", p["foreground"], 7.0)]
    for i, c in enumerate(p["colors16"]):
        name = ("bright " if i >= 8 else "") + NAMES[i % 8]
        need = 0 if i == 0 else 3.0 if i == 8 else 4.5
        rows.append((name, c, need))
    for name, c, need in rows:
        r = contrast(c, bg)
        status = "ok" if r >= need else ("WARN" if r >= 3 and need == 4.5 else "FAIL")
        if need == 0:
            status = "info"
        hint = ""
        if status in ("WARN", "FAIL"):
            step = 0.01 if luminance(bg) < 0.2 else -0.01
            c2 = c
            for _ in range(60):
                c2 = shift(c2, step)
                if contrast(c2, bg) >= need:
                    break
            hint = f"try {c2}"
            bad += status == "FAIL"
        print(f"{name:<16}{c}  {r:5.2f}:1  {status:<5} {hint}")
    return bad


def write(p, out):
    out.mkdir(parents=True, exist_ok=True)
    c, s = p["colors16"], p["slug"]
    (out / f"{s}.toml").write_text(
        "[colors.primary]\n"
        f'background = "{p["background"]}"\nforeground = "{p["foreground"]}"\n\n'
        "[colors.cursor]\n" f'cursor = "{p["cursor"]}"\n\n'
        "[colors.normal]\n" + "".join(f'{n} = "{c[i]}"\n' for i, n in enumerate(NAMES)) +
        "\n[colors.bright]\n" + "".join(f'{n} = "{c[i + 8]}"\n' for i, n in enumerate(NAMES)))
    (out / f"{s}.conf").write_text(
        f"background {p['background']}\nforeground {p['foreground']}\ncursor {p['cursor']}\n"
        f"selection_background {p['selection_bg']}\n" + "".join(f"color{i} {v}\n" for i, v in enumerate(c)))
    (out / f"{s}.wezterm.toml").write_text(
        "[colors]\n" f'background = "{p["background"]}"\nforeground = "{p["foreground"]}"\n'
        f'cursor_bg = "{p["cursor"]}"\nselection_bg = "{p["selection_bg"]}"\n'
        f"ansi = {json.dumps(c[:8])}\nbrights = {json.dumps(c[8:])}\n")
    wt = {"name": p["name"], "background": p["background"], "foreground": p["foreground"],
          "cursorColor": p["cursor"], "selectionBackground": p["selection_bg"]}
    wtnames = ["black", "red", "green", "yellow", "blue", "purple", "cyan", "white"]
    for i, n in enumerate(wtnames):
        wt[n] = c[i]
        wt["bright" + n.capitalize()] = c[i + 8]
    (out / f"{s}.json").write_text(json.dumps(wt, indent=2) + "\n")
    def comp(h):
        r, g, b = hex2rgb(h)
        return ("<dict><key>Color Space</key><string>sRGB</string>"
                f"<key>Red Component</key><real>{r:.6f}</real>"
                f"<key>Green Component</key><real>{g:.6f}</real>"
                f"<key>Blue Component</key><real>{b:.6f}</real></dict>")
    entries = [(f"Ansi {i} Color", v) for i, v in enumerate(c)] + [
        ("Background Color", p["background"]), ("Foreground Color", p["foreground"]),
        ("Cursor Color", p["cursor"]), ("Selection Color", p["selection_bg"])]
    (out / f"{s}.itermcolors").write_text(
        '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0"><dict>\n' +
        "".join(f"<key>{k}</key>{comp(v)}\n" for k, v in entries) + "</dict></plist>\n")
    (out / f"{s}.ghostty").write_text(
        f"background = {p['background']}\nforeground = {p['foreground']}\n"
        f"cursor-color = {p['cursor']}\nselection-background = {p['selection_bg']}\n" +
        "".join(f"palette = {i}={v}\n" for i, v in enumerate(c)))
    print(f"wrote 6 theme files for {p['name']} to {out}/")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("palette")
    ap.add_argument("--out", type=Path, default=Path("themes"))
    ap.add_argument("--check-only", action="store_true")
    ap.add_argument("--force", action="store_true", help="write even if contrast fails")
    a = ap.parse_args()
    p = load(a.palette)
    bad = check(p)
    if a.check_only:
        sys.exit(1 if bad else 0)
    if bad and not a.force:
        sys.exit(f"{bad} colour(s) fail contrast; fix them or pass --force")
    write(p, a.out)


if __name__ == "__main__":
    main()
