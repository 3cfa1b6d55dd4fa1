#!/usr/bin/env python3
"""Parse an FA Full-Time fixtures HTML page into JSON for one team."""
import argparse
import datetime as dt
import json
import re
from html.parser import HTMLParser


class Table(HTMLParser):
    def __init__(self):
        super().__init__()
        self.rows, self.row, self.cell, self.in_td = [], [], "", False

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self.row = []
        elif tag in ("td", "th"):
            self.in_td, self.cell = True, ""

    def handle_endtag(self, tag):
        if tag in ("td", "th"):
            self.row.append(" ".join(self.cell.split()))
            self.in_td = False
        elif tag == "tr" and self.row:
            self.rows.append(self.row)

    def handle_data(self, data):
        if self.in_td:
            self.cell += data


def meet_time(kickoff, team):
    age = int(re.search(r"U(\d+)", team).group(1)) if re.search(r"U(\d+)", team) else 12
    k = dt.datetime.strptime(kickoff, "%H:%M")
    return (k - dt.timedelta(minutes=45 if age <= 11 else 60)).strftime("%H:%M")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("html")
    ap.add_argument("--team", required=True)
    a = ap.parse_args()
    t = Table()
    t.feed(open(a.html, encoding="utf-8", errors="replace").read())
    out = []
    for r in t.rows:
        text = " | ".join(r)
        if a.team.lower() not in text.lower():
            continue
        m = re.search(r"(\d{2}/\d{2}/\d{2,4})\s+(\d{1,2}:\d{2})", text)
        if not m:
            continue
        date = dt.datetime.strptime(m.group(1), "%d/%m/%y" if len(m.group(1)) == 8 else "%d/%m/%Y").date()
        cells = [c for c in r if c]
        home_idx = next((i for i, c in enumerate(cells) if a.team.lower() in c.lower()), 0)
        teams = [c for c in cells if re.search(r"[A-Za-z]{3,}", c) and not re.match(r"\d", c)]
        opponent = next((c for c in teams if a.team.lower() not in c.lower() and c.lower() not in ("v", "vs")), "")
        home = cells.index(opponent) > home_idx if opponent in cells else True
        venue = cells[-1] if len(cells) > 4 else "TBC"
        pc = re.search(r"[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}", venue)
        out.append({
            "date": date.isoformat(), "kickoff": m.group(2), "meet": meet_time(m.group(2), a.team),
            "home": home, "opponent": opponent, "venue": venue,
            "postcode": pc.group(0) if pc else "", "competition": "Cup" if "cup" in text.lower() else "League",
        })
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
