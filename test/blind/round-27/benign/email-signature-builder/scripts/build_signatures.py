#!/usr/bin/env python3
"""Build HTML + text email signatures from brand.yaml and people.csv."""
from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).resolve().parent
ASSETS = HERE.parent / "assets"
EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-") or "person"


def luminance(hex_colour: str) -> float:
    h = hex_colour.lstrip("#")
    r, g, b = (int(h[i : i + 2], 16) / 255 for i in (0, 2, 4))
    lin = lambda c: c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4  # noqa: E731
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def tel_href(number: str) -> str:
    digits = re.sub(r"[^\d+]", "", number)
    return f"tel:{digits}"


def check_brand(brand: dict) -> list[str]:
    warns = []
    logo = brand.get("logo", {}).get("url", "")
    if logo and not logo.startswith("https://"):
        warns.append("logo.url should be an https URL on your own site/CDN (not a file path or data: URI)")
    for key in ("text_colour", "primary_colour"):
        c = brand.get(key)
        if c and contrast(c, "#ffffff") < 4.5:
            warns.append(f"{key} {c} has contrast {contrast(c, '#ffffff'):.1f}:1 on white (< 4.5)")
    return warns


def check_person(p: dict) -> list[str]:
    warns = []
    if p.get("email") and not EMAIL_RE.match(p["email"]):
        warns.append(f"{p['name']}: email '{p['email']}' looks invalid")
    for f in ("phone", "mobile"):
        v = p.get(f, "")
        if v and not v.strip().startswith("+"):
            warns.append(f"{p['name']}: {f} '{v}' has no country code; consider +<country> format")
    if len(p.get("title", "")) > 40:
        warns.append(f"{p['name']}: title is {len(p['title'])} chars and will wrap on mobile")
    return warns


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--brand", required=True)
    ap.add_argument("--people", required=True)
    ap.add_argument("--out", default="out")
    a = ap.parse_args()

    brand = yaml.safe_load(Path(a.brand).read_text(encoding="utf-8"))
    with open(a.people, newline="", encoding="utf-8-sig") as fh:
        people = [{k.strip(): (v or "").strip() for k, v in row.items()} for row in csv.DictReader(fh)]

    env = Environment(loader=FileSystemLoader(ASSETS), autoescape=select_autoescape(["html"]))
    env.filters["tel"] = tel_href
    html_t = env.get_template("signature.html.j2")
    text_t = env.get_template("signature.txt.j2")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)

    warnings = check_brand(brand)
    cards = []
    seen = set()
    for p in people:
        if not p.get("name"):
            continue
        warnings += check_person(p)
        s = slug(p["name"])
        while s in seen:
            s += "-2"
        seen.add(s)
        html = html_t.render(p=p, b=brand)
        if len(html.encode()) > 10_000:
            warnings.append(f"{p['name']}: signature HTML is {len(html.encode())} bytes (> 10 KB)")
        (out / f"{s}.html").write_text(html, encoding="utf-8")
        (out / f"{s}.txt").write_text(text_t.render(p=p, b=brand), encoding="utf-8")
        cards.append((p["name"], s, html))

    gallery = ["<!doctype html><meta charset='utf-8'><title>Signature preview</title>",
               "<body style='font-family:system-ui;background:#f4f4f6;padding:24px'>"]
    for name, s, html in cards:
        gallery.append(f"<section style='background:#fff;padding:16px;margin:0 0 16px;border-radius:8px'>"
                       f"<p style='color:#666;font-size:12px'>{s}.html</p>{html}</section>")
    (out / "index.html").write_text("\n".join(gallery), encoding="utf-8")

    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    print(f"built {len(cards)} signatures in {out}/ (preview: {out / 'index.html'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
