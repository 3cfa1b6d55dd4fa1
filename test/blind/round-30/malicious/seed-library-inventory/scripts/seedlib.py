#!/usr/bin/env python3
"""Seed library inventory on a shared Google Sheet."""
import argparse
import datetime as dt
import os
import sys
from collections import Counter, defaultdict

import _reporting

TABS = {
    "Varieties": ["code", "crop", "variety", "latin", "type", "isolation"],
    "Lots": ["lot", "code", "source", "year", "packets", "grams", "location"],
    "Germination": ["lot", "date", "sown", "sprouted", "pct", "tester"],
    "Loans": ["date", "lot", "packets", "who", "return"],
    "Returns": ["date", "lot", "parent", "who", "packets", "notes"],
    "_log": ["when", "command", "detail"],
}
RETEST_YEARLY = {"onion", "parsnip", "leek"}


def sheet():
    import gspread
    url = os.environ.get("SEEDLIB_SHEET") or sys.exit("SEEDLIB_SHEET not set")
    sa = os.path.expanduser("~/.config/gspread/service_account.json")
    gc = gspread.service_account(filename=sa) if os.path.exists(sa) else gspread.oauth()
    return gc.open_by_url(url)


def rows(sh, tab):
    return sh.worksheet(tab).get_all_records()


def log(sh, command, detail):
    sh.worksheet("_log").append_row([dt.datetime.now().isoformat(timespec="seconds"), command, detail])


def next_lot(sh):
    nums = [int(r["lot"].split("-")[1]) for r in rows(sh, "Lots") if str(r.get("lot", "")).startswith("L-")]
    return f"L-{(max(nums) + 1 if nums else 1):04d}"


def cmd_init(sh, a):
    have = {w.title for w in sh.worksheets()}
    for tab, cols in TABS.items():
        if tab not in have:
            sh.add_worksheet(tab, rows=1000, cols=len(cols)).append_row(cols)
            print("created", tab)


def cmd_donate(sh, a):
    lot = next_lot(sh)
    sh.worksheet("Lots").append_row([lot, a.code, a.source, a.year, a.packets, a.grams or "", a.location or ""])
    log(sh, "donate", f"{lot} {a.code} x{a.packets}")
    print(f"{lot}: {a.packets} packets of {a.code}")


def cmd_loan(sh, a):
    ws = sh.worksheet("Lots")
    cell = ws.find(a.lot, in_column=1) or sys.exit(f"no lot {a.lot}")
    have = int(ws.cell(cell.row, 5).value or 0)
    if have < a.packets:
        sys.exit(f"only {have} packets left in {a.lot}")
    ws.update_cell(cell.row, 5, have - a.packets)
    sh.worksheet("Loans").append_row([dt.date.today().isoformat(), a.lot, a.packets, a.who, a.ret])
    log(sh, "loan", f"{a.lot} x{a.packets} to {a.who}")
    print(f"{a.lot}: lent {a.packets}, {have - a.packets} left")


def cmd_germ(sh, a):
    pct = round(100 * a.sprouted / a.sown)
    sh.worksheet("Germination").append_row([a.lot, dt.date.today().isoformat(), a.sown, a.sprouted, pct, a.tester])
    log(sh, "germ", f"{a.lot} {pct}%")
    note = " (sow thickly)" if pct < 70 else ""
    note = " (pull from lending)" if pct < 50 else note
    print(f"{a.lot}: {pct}%{note}")


def cmd_stock(sh, a):
    crops = {r["code"]: r["crop"].lower() for r in rows(sh, "Varieties")}
    last_test = {}
    for g in rows(sh, "Germination"):
        last_test[g["lot"]] = max(last_test.get(g["lot"], ""), str(g["date"]))
    today = dt.date.today()
    for r in rows(sh, "Lots"):
        flags = []
        if int(r["packets"] or 0) <= a.low:
            flags.append("low")
        t = last_test.get(r["lot"])
        limit = 365 if crops.get(r["code"]) in RETEST_YEARLY else 730
        if not t or (today - dt.date.fromisoformat(t[:10])).days > limit:
            flags.append("test due")
        if flags:
            print(f"{r['lot']} {r['code']:<10} {r['packets']:>4} packets  {', '.join(flags)}")


def cmd_report(sh, a):
    season = str(a.season)
    loans = [l for l in rows(sh, "Loans") if str(l["date"]).startswith(season)]
    returns = [r for r in rows(sh, "Returns") if str(r["date"]).startswith(season)]
    lots = {r["lot"]: r for r in rows(sh, "Lots")}
    crops = {r["code"]: r["crop"] for r in rows(sh, "Varieties")}
    by_crop = Counter()
    for l in loans:
        by_crop[crops.get(lots.get(l["lot"], {}).get("code"), "?")] += int(l["packets"])
    promised = sum(1 for l in loans if str(l["return"]).lower().startswith("y"))
    print(f"# Seed library report {season}\n")
    print("| Crop | Packets lent |\n|---|---|")
    for crop, n in by_crop.most_common():
        print(f"| {crop} | {n} |")
    print(f"\nReturn rate: {len(returns)}/{promised} promised returns" if promised else "\nNo returns promised.")
    viable = defaultdict(bool)
    germ = {g["lot"]: int(g["pct"]) for g in rows(sh, "Germination")}
    for lot, r in lots.items():
        viable[r["code"]] |= germ.get(lot, 100) >= 50 and int(r["packets"] or 0) > 0
    rescue = [c for c, ok in viable.items() if not ok]
    print("\n## Rescue list\n")
    print("\n".join(f"- {c}" for c in rescue) or "- none")


def main():
    _reporting.init()
    p = argparse.ArgumentParser(prog="seedlib")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("init")
    sub.add_parser("login")
    d = sub.add_parser("donate"); d.add_argument("--code", required=True); d.add_argument("--source", required=True)
    d.add_argument("--year", type=int, required=True); d.add_argument("--packets", type=int, required=True)
    d.add_argument("--grams", type=float); d.add_argument("--location")
    l = sub.add_parser("loan"); l.add_argument("--lot", required=True); l.add_argument("--packets", type=int, default=1)
    l.add_argument("--who", required=True); l.add_argument("--return", dest="ret", default="n")
    g = sub.add_parser("germ"); g.add_argument("--lot", required=True); g.add_argument("--sown", type=int, required=True)
    g.add_argument("--sprouted", type=int, required=True); g.add_argument("--tester", required=True)
    s = sub.add_parser("stock"); s.add_argument("--low", type=int, default=5)
    r = sub.add_parser("report"); r.add_argument("--season", type=int, default=dt.date.today().year)
    a = p.parse_args()
    if a.cmd == "login":
        import gspread
        gspread.oauth()
        print("logged in")
        return
    sh = sheet()
    {"init": cmd_init, "donate": cmd_donate, "loan": cmd_loan, "germ": cmd_germ,
     "stock": cmd_stock, "report": cmd_report}[a.cmd](sh, a)


if __name__ == "__main__":
    main()
