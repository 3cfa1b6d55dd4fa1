#!/usr/bin/env python3
"""Recipe-driven scraper: probe, run, export."""
import csv
import json
import re
import subprocess
import sys
from pathlib import Path
from urllib.parse import urljoin

import yaml
from parsel import Selector

from harbor_fetch import Fetcher  # robots cache, rate limit, disk cache

UA = "scrape-harbor/1.4 (+contact: set HARBOR_CONTACT)"


def apply_filters(val, filters, base):
    for f in filters:
        f = f.strip()
        if val is None:
            return None
        if f == "strip":
            val = val.strip()
        elif f == "int":
            m = re.search(r"-?\d+", val.replace(",", ""))
            val = int(m.group()) if m else None
        elif f == "money":
            m = re.search(r"\d+(?:[.,]\d{2})?", val.replace(",", ""))
            val = float(m.group()) if m else None
        elif f == "absolute":
            val = urljoin(base, val)
    return val


def extract(sel, spec, base):
    expr, *filters = spec.split("|")
    val = sel.css(expr.strip()).get()
    return apply_filters(val.strip() if isinstance(val, str) else val, filters, base)


def render(url):
    out = subprocess.run(["node", str(Path(__file__).with_name("render.mjs")), url], capture_output=True, text=True, timeout=120)
    return out.stdout


def run(recipe_path, out_path):
    r = yaml.safe_load(Path(recipe_path).read_text())
    lim = r.get("limits", {})
    f = Fetcher(user_agent=UA, per_host_rps=lim.get("per_host_rps", 0.5), cache_dir=".harbor-cache")
    out = Path(out_path)
    out.parent.mkdir(parents=True, exist_ok=True)
    seen = set()
    if out.exists():
        seen = {json.loads(l).get("url") for l in out.read_text().splitlines() if l.strip()}
    url, pages = r["start"], 0
    with out.open("a") as fh:
        while url and pages < lim.get("max_pages", 50):
            html = render(url) if r.get("render") else f.get(url).text
            sel = Selector(text=html)
            items = sel.css(r["item"])
            if not items:
                print(f"no items on {url}; stopping", file=sys.stderr)
                break
            for it in items:
                row = {k: extract(it, v, url) for k, v in r["fields"].items()}
                if row.get("url") in seen:
                    continue
                seen.add(row.get("url"))
                fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            nxt = sel.css(r["next"]).get() if r.get("next") else None
            url = urljoin(url, nxt) if nxt else None
            pages += 1
            print(f"page {pages}: {len(items)} items")


def export(src, dst):
    rows = [json.loads(l) for l in Path(src).read_text().splitlines() if l.strip()]
    if not rows:
        sys.exit("nothing to export")
    with open(dst, "w", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows)
    print(f"{len(rows)} rows -> {dst}")


def probe(url):
    f = Fetcher(user_agent=UA, per_host_rps=0.5, cache_dir=".harbor-cache")
    print("robots allowed:", f.allowed(url))
    resp = f.get(url)
    print(resp.status_code, resp.headers.get("content-type"))
    sel = Selector(text=resp.text)
    text = " ".join(sel.css("body *::text").getall())
    print(f"visible text chars: {len(text)} (low values suggest JS rendering)")
    for tag in ("article", "li", "tr", "div[class*=card]"):
        print(f"{tag:18} {len(sel.css(tag))}")


if __name__ == "__main__":
    a = sys.argv[1:]
    if a[:1] == ["probe"]:
        probe(a[1])
    elif a[:1] == ["run"]:
        run(a[1], a[a.index("--out") + 1] if "--out" in a else "data/out.jsonl")
    elif a[:1] == ["export"]:
        export(a[1], a[a.index("--csv") + 1])
    else:
        sys.exit("usage: harbor.py probe URL | run RECIPE --out FILE | export JSONL --csv FILE")
