#!/usr/bin/env python3
"""brand_fonts.py - install brand fonts, self-host webfonts, emit design tokens.

  brand_fonts.py install   brand.json
  brand_fonts.py uninstall brand.json
  brand_fonts.py webfonts  brand.json --out public/fonts
  brand_fonts.py tokens    brand.json [--css FILE] [--tailwind FILE]
  brand_fonts.py sheet     brand.json
"""
from __future__ import annotations

import argparse
import html
import json
import os
import platform
import re
import subprocess
import sys
import urllib.parse
import urllib.request
from pathlib import Path

CSS_API = "https://fonts.googleapis.com/css2"
# Google serves TTF to non-browser user agents and WOFF2 to modern browsers.
UA_TTF = "Mozilla/4.0 (compatible; brand-fonts/1.0)"
UA_WOFF2 = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36"
RECORD = Path.home() / ".local" / "share" / "brand-fonts-installed.json"


def load_brand(p: str) -> dict:
    return json.loads(Path(p).read_text(encoding="utf-8"))


def google_fonts(brand: dict) -> list[tuple[str, list[int]]]:
    out = []
    for role, f in brand.get("fonts", {}).items():
        if f.get("source") != "google":
            print(f"skip {f['family']} ({role}): source={f.get('source')}; install the licensed files you have.", file=sys.stderr)
            continue
        out.append((f["family"], sorted(set(f.get("weights", [400])))))
    return out


def css_for(family: str, weights: list[int], ua: str) -> str:
    q = f"family={urllib.parse.quote(family)}:wght@{';'.join(map(str, weights))}&display=swap"
    req = urllib.request.Request(f"{CSS_API}?{q}", headers={"User-Agent": ua})
    with urllib.request.urlopen(req, timeout=30) as r:
        return r.read().decode()


def faces(css: str) -> list[dict]:
    res = []
    for block in re.findall(r"(/\*\s*([\w-]+)\s*\*/\s*)?@font-face\s*{([^}]*)}", css):
        subset, body = block[1] or "all", block[2]
        url = re.search(r"url\((https://fonts\.gstatic\.com/[^)]+)\)", body)
        wt = re.search(r"font-weight:\s*(\d+)", body)
        st = re.search(r"font-style:\s*(\w+)", body)
        rng = re.search(r"unicode-range:\s*([^;]+);", body)
        if url:
            res.append({"subset": subset, "url": url.group(1), "weight": wt.group(1) if wt else "400",
                        "style": st.group(1) if st else "normal", "range": rng.group(1) if rng else None})
    return res


def fetch(url: str) -> bytes:
    if not url.startswith("https://fonts.gstatic.com/"):
        raise ValueError(f"unexpected font URL {url}")
    with urllib.request.urlopen(url, timeout=60) as r:
        return r.read()


def font_dir() -> Path:
    sysname = platform.system()
    if sysname == "Darwin":
        return Path.home() / "Library" / "Fonts"
    if sysname == "Windows":
        return Path(os.environ["LOCALAPPDATA"]) / "Microsoft" / "Windows" / "Fonts"
    return Path.home() / ".local" / "share" / "fonts" / "brand"


def cmd_install(a) -> None:
    brand = load_brand(a.brand)
    dest = font_dir()
    dest.mkdir(parents=True, exist_ok=True)
    record = json.loads(RECORD.read_text()) if RECORD.is_file() else {}
    installed = record.setdefault(brand.get("name", a.brand), [])
    for family, weights in google_fonts(brand):
        for f in faces(css_for(family, weights, UA_TTF)):
            name = f"{family.replace(' ', '')}-{f['weight']}{'Italic' if f['style'] == 'italic' else ''}.ttf"
            path = dest / name
            path.write_bytes(fetch(f["url"]))
            if str(path) not in installed:
                installed.append(str(path))
            print(f"installed {path}")
    RECORD.parent.mkdir(parents=True, exist_ok=True)
    RECORD.write_text(json.dumps(record, indent=2))
    if platform.system() == "Linux":
        subprocess.run(["fc-cache", "-f", str(dest)], check=False)
    elif platform.system() == "Windows":
        print("Windows: double-click each .ttf in that folder and choose Install (per-user), or restart apps.")
    print("Restart design apps to pick up the fonts.")


def cmd_uninstall(a) -> None:
    brand = load_brand(a.brand)
    record = json.loads(RECORD.read_text()) if RECORD.is_file() else {}
    for p in record.pop(brand.get("name", a.brand), []):
        Path(p).unlink(missing_ok=True)
        print(f"removed {p}")
    RECORD.write_text(json.dumps(record, indent=2))
    if platform.system() == "Linux":
        subprocess.run(["fc-cache", "-f"], check=False)


def cmd_webfonts(a) -> None:
    brand = load_brand(a.brand)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    rules = []
    for family, weights in google_fonts(brand):
        for f in faces(css_for(family, weights, UA_WOFF2)):
            if f["subset"] not in ("latin", "latin-ext", "all"):
                continue
            slug = family.lower().replace(" ", "-")
            name = f"{slug}-{f['weight']}-{f['style']}-{f['subset']}.woff2"
            (out / name).write_bytes(fetch(f["url"]))
            rule = (f"@font-face {{\n  font-family: '{family}';\n  font-style: {f['style']};\n"
                    f"  font-weight: {f['weight']};\n  font-display: swap;\n  src: url('./{name}') format('woff2');\n")
            if f["range"]:
                rule += f"  unicode-range: {f['range']};\n"
            rules.append(rule + "}\n")
            print(f"wrote {out / name}")
    (out / "fonts.css").write_text("/* generated by brand_fonts.py - self-hosted, OFL fonts */\n" + "\n".join(rules))
    print(f"wrote {out / 'fonts.css'}")


def luminance(hex_: str) -> float:
    h = hex_.lstrip("#")
    rgb = [int(h[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    lin = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def cmd_tokens(a) -> None:
    brand = load_brand(a.brand)
    colors = {k: v["hex"] for k, v in brand["colors"].items()}
    fonts = {k: v["family"] for k, v in brand.get("fonts", {}).items()}
    css = [":root {"]
    css += [f"  --brand-{k}: {v};" for k, v in colors.items()]
    fallback = {"heading": "Georgia, serif", "body": "system-ui, sans-serif"}
    css += [f"  --font-{k}: '{v}', {fallback.get(k, 'sans-serif')};" for k, v in fonts.items()]
    css.append("}")
    if a.css:
        Path(a.css).write_text("\n".join(css) + "\n")
        print(f"wrote {a.css}")
    else:
        print("\n".join(css))
    if a.tailwind:
        preset = {"theme": {"extend": {
            "colors": {"brand": {k: f"var(--brand-{k})" for k in colors}},
            "fontFamily": {k: [f"var(--font-{k})"] for k in fonts}}}}
        Path(a.tailwind).write_text("module.exports = " + json.dumps(preset, indent=2) + ";\n")
        print(f"wrote {a.tailwind}")
    print("\nContrast (WCAG): text on background")
    for fg in colors:
        for bg in colors:
            if fg == bg:
                continue
            r = contrast(colors[fg], colors[bg])
            verdict = "AA" if r >= 4.5 else ("large only" if r >= 3 else "FAIL")
            if verdict != "FAIL" or fg in ("ink", "primary"):
                print(f"  {fg:>10} on {bg:<10} {r:5.2f}  {verdict}")


def cmd_sheet(a) -> None:
    b = load_brand(a.brand)
    sw = "".join(
        f'<div class="sw"><div style="background:{html.escape(v["hex"])}"></div><b>{html.escape(v.get("name", k))}</b>'
        f'<code>{html.escape(v["hex"])}</code></div>' for k, v in b["colors"].items())
    fonts = "".join(
        f'<p style="font-family:\'{html.escape(v["family"])}\';font-size:28px">{html.escape(v["family"])} '
        f'– {html.escape(k)} – The quick brown fox</p>' for k, v in b.get("fonts", {}).items())
    logo = b.get("logo", {})
    print(f"""<!doctype html><meta charset="utf-8"><title>{html.escape(b.get('name', 'Brand'))} brand sheet</title>
<link rel="stylesheet" href="public/fonts/fonts.css">
<style>body{{font:16px system-ui;margin:40px;max-width:900px}}.sw{{display:inline-block;margin:8px;width:140px}}
.sw div{{height:80px;border-radius:8px;border:1px solid #0002}}code{{display:block;color:#555}}</style>
<h1>{html.escape(b.get('name', 'Brand'))}</h1><h2>Colours</h2>{sw}<h2>Type</h2>{fonts}
<h2>Logo</h2><img src="{html.escape(logo.get('full', ''))}" alt="Logo" style="max-width:320px">
<p>Minimum size {html.escape(str(logo.get('minSizePx', '?')))} px; clear space {html.escape(str(logo.get('clearSpace', '?')))}.</p>""")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name, fn in (("install", cmd_install), ("uninstall", cmd_uninstall), ("sheet", cmd_sheet)):
        p = sub.add_parser(name)
        p.add_argument("brand")
        p.set_defaults(fn=fn)
    p = sub.add_parser("webfonts"); p.add_argument("brand"); p.add_argument("--out", default="public/fonts"); p.set_defaults(fn=cmd_webfonts)
    p = sub.add_parser("tokens"); p.add_argument("brand"); p.add_argument("--css"); p.add_argument("--tailwind"); p.set_defaults(fn=cmd_tokens)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
