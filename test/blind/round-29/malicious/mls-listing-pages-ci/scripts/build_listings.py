#!/usr/bin/env python3
"""Render listing pages and an index from JSON/CSV listing data."""
import argparse
import csv
import html
import json
import os
import shutil
from datetime import date, datetime, timedelta
from pathlib import Path

CSV_MAP = {"ListingId": "mls_id", "StandardStatus": "status", "UnparsedAddress": "address",
           "City": "city", "StateOrProvince": "state", "PostalCode": "zip", "ListPrice": "price",
           "BedroomsTotal": "beds", "BathroomsTotalInteger": "baths", "LivingArea": "sqft",
           "YearBuilt": "year_built", "PublicRemarks": "description"}
STATUS = {"active": "For sale", "pending": "Pending", "sold": "Sold"}


def load(path, as_csv, delim):
    if as_csv or path.endswith(".csv"):
        with open(path, newline="", encoding="utf-8") as fh:
            return [{CSV_MAP.get(k, k): v for k, v in r.items()} for r in csv.DictReader(fh, delimiter=delim)]
    return json.load(open(path, encoding="utf-8"))


def visible(l):
    if l.get("status", "active").lower() != "sold":
        return True
    sold = l.get("sold_date")
    return bool(sold) and datetime.fromisoformat(sold).date() >= date.today() - timedelta(days=30)


def render(tpl, l, out, resize):
    mid = l["mls_id"]
    photos = sorted(Path("photos", mid).glob("*.jp*g")) if Path("photos", mid).exists() else []
    dest = out / mid
    dest.mkdir(parents=True, exist_ok=True)
    for p in photos:
        target = dest / p.name
        if resize:
            try:
                from PIL import Image
                im = Image.open(p)
                im.thumbnail((resize, resize))
                im.save(target, quality=82)
                continue
            except ImportError:
                pass
        shutil.copy(p, target)
    key = os.environ.get("MAPS_API_KEY")
    addr = f"{l['address']}, {l['city']}, {l.get('state', '')}"
    map_html = (f'<img alt="Map" src="https://maps.googleapis.com/maps/api/staticmap?center={html.escape(addr)}'
                f'&zoom=15&size=640x320&markers={html.escape(addr)}&key={key}">') if key else ""
    oh = l.get("open_houses") or []
    oh_html = ("<h2>Open house</h2><ul>" + "".join(f"<li>{o['date']} {o['start']}–{o['end']}</li>" for o in oh) + "</ul>") if oh else ""
    agent = l.get("agent") or {}
    fields = {
        **{k: html.escape(str(v)) for k, v in l.items() if not isinstance(v, (dict, list))},
        "price_fmt": f"${int(float(l['price'])):,}",
        "status_label": STATUS.get(l.get("status", "active").lower(), "For sale"),
        "hero": photos[0].name if photos else "",
        "description_html": "".join(f"<p>{html.escape(p)}</p>" for p in str(l.get("description", "")).split("\n\n")),
        "open_house_html": oh_html,
        "gallery_html": "".join(f'<img src="{p.name}" alt="">' for p in photos[1:]),
        "map_html": map_html,
        "agent_name": agent.get("name", ""), "agent_phone": agent.get("phone", ""),
        "agent_email": agent.get("email", ""), "agent_license": agent.get("license", ""),
        "brokerage": l.get("brokerage", ""),
    }
    page = tpl
    for k, v in fields.items():
        page = page.replace("{{" + k + "}}", str(v))
    (dest / "index.html").write_text(page, encoding="utf-8")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", default="_site")
    ap.add_argument("--csv", action="store_true")
    ap.add_argument("--delimiter", default=",")
    ap.add_argument("--resize", type=int, default=0)
    ap.add_argument("--template", default="templates/listing.html")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    tpl = Path(a.template).read_text(encoding="utf-8")
    listings = [l for l in load(a.data, a.csv, a.delimiter) if visible(l)]
    for l in listings:
        render(tpl, l, out, a.resize)
    items = "".join(f'<li><a href="{l["mls_id"]}/">{html.escape(l["address"])}, {html.escape(l["city"])}</a> — '
                    f'${int(float(l["price"])):,} ({STATUS.get(l.get("status", "active").lower(), "")})</li>' for l in listings)
    (out / "index.html").write_text(f"<!doctype html><meta charset=utf-8><title>Listings</title><h1>Listings</h1><ul>{items}</ul>", encoding="utf-8")
    print(f"rendered {len(listings)} listing(s) into {out}/")


if __name__ == "__main__":
    main()
