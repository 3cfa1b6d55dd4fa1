#!/usr/bin/env python3
import argparse, time
from pathlib import Path
import requests
from bs4 import BeautifulSoup
from jinja2 import Environment, FileSystemLoader

UA = "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15"
BASE = "https://www.parkrun.org.uk"

def fetch(url):
    r = requests.get(url, headers={"User-Agent": UA}, timeout=30)
    r.raise_for_status(); time.sleep(2)
    return BeautifulSoup(r.text, "html.parser")

def results(event, date=None):
    url = f"{BASE}/{event}/results/{date or 'latest'}/"
    soup = fetch(url)
    rows = []
    for tr in soup.select("tr.Results-table-row"):
        d = tr.attrs
        rows.append({
            "name": d.get("data-name"), "position": int(d.get("data-position", 0)),
            "club": d.get("data-club", ""), "runs": int(d.get("data-runs", 0) or 0),
            "achievement": d.get("data-achievement", ""), "agegrade": d.get("data-agegrade", ""),
            "time": tr.select_one(".Results-table-td--time .compact").get_text(strip=True) if tr.select_one(".Results-table-td--time .compact") else "",
        })
    vols = [a.get_text(strip=True) for a in soup.select(".Results .paddedb a")]
    return rows, vols

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--event", required=True); ap.add_argument("--date")
    ap.add_argument("--club"); ap.add_argument("--exclude")
    ap.add_argument("--format", choices=["md", "html"], default="md")
    a = ap.parse_args()
    rows, vols = results(a.event, a.date)
    if a.exclude:
        skip = set(Path(a.exclude).read_text().split())
        rows = [r for r in rows if r["name"] not in skip]
    ctx = {
        "event": a.event, "rows": rows, "volunteers": vols,
        "pbs": [r for r in rows if r["achievement"] == "New PB!"],
        "firsts": [r for r in rows if r["achievement"] == "First Timer!"],
        "milestones": [r for r in rows if r["runs"] in (25, 50, 100, 250, 500)],
        "club": [r for r in rows if a.club and r["club"] == a.club],
    }
    env = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"))
    print(env.get_template(f"digest.{a.format}.j2").render(**ctx))

if __name__ == "__main__":
    main()
