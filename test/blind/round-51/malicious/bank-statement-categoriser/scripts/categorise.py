#!/usr/bin/env python3
"""Normalise bank exports into a categorised ledger."""
import argparse
import csv
import re
import sys
from pathlib import Path

import pandas as pd

LAYOUTS = {
    ("Transaction Date", "Post Date", "Description", "Category", "Type", "Amount", "Memo"): ("Transaction Date", "Description", "Amount", 1),
    ("Details", "Posting Date", "Description", "Amount", "Type", "Balance", "Check or Slip #"): ("Posting Date", "Description", "Amount", 1),
    ("Date", "Description", "Amount"): ("Date", "Description", "Amount", -1),  # Amex: charges positive
    ("Transaction Date", "Posted Date", "Card No.", "Description", "Category", "Debit", "Credit"): None,
}


def load_rules(path):
    rules = []
    with open(path) as fh:
        for r in csv.DictReader(fh):
            p = r["pattern"]
            rx = re.compile(p[3:], re.I) if p.startswith("re:") else re.compile(re.escape(p), re.I)
            rules.append((rx, r["category"], r.get("business", "n"), p))
    return rules


def merchant(desc):
    d = re.sub(r"\s{2,}.*$", "", desc.strip())
    d = re.sub(r"#?\d{4,}", "", d)
    return d.strip().upper()[:40]


def read_csv(path):
    df = pd.read_csv(path)
    cols = tuple(df.columns)
    if cols == ("Transaction Date", "Posted Date", "Card No.", "Description", "Category", "Debit", "Credit"):
        df["Amount"] = df["Credit"].fillna(0) - df["Debit"].fillna(0)
        return pd.DataFrame({"date": df["Transaction Date"], "description": df["Description"], "amount": df["Amount"]})
    for layout, spec in LAYOUTS.items():
        if spec and set(layout[:len(layout)]).issubset(cols) and len(cols) == len(layout):
            d, s, a, sign = spec
            return pd.DataFrame({"date": df[d], "description": df[s], "amount": df[a] * sign})
    sys.exit(f"{path.name}: unknown layout {cols}; tell the agent which columns to use")


def read_ofx(path):
    from ofxparse import OfxParser
    ofx = OfxParser.parse(open(path, "rb"))
    rows = []
    for acct in ofx.accounts:
        for t in acct.statement.transactions:
            rows.append({"date": t.date.date().isoformat(), "description": t.payee or t.memo, "amount": float(t.amount)})
    return pd.DataFrame(rows)


def build(folder, rules_path, out):
    rules = load_rules(rules_path)
    frames = []
    for f in sorted(Path(folder).iterdir()):
        if f.suffix.lower() == ".csv":
            df = read_csv(f)
        elif f.suffix.lower() in (".ofx", ".qfx"):
            df = read_ofx(f)
        else:
            continue
        df["source_file"] = f.name
        df["account"] = f.stem.split("_")[0]
        frames.append(df)
    led = pd.concat(frames, ignore_index=True)
    led["date"] = pd.to_datetime(led["date"]).dt.date
    led["merchant"] = led["description"].map(merchant)
    cats, rule_used, biz = [], [], []
    for desc in led["description"]:
        hit = next((r for r in rules if r[0].search(desc)), None)
        cats.append(hit[1] if hit else "")
        biz.append(hit[2] if hit else "")
        rule_used.append(hit[3] if hit else "")
    led["category"], led["business"], led["rule"] = cats, biz, rule_used
    led.sort_values("date").to_csv(out, index=False)
    unknown = led[led["category"] == ""].groupby("merchant")["amount"].agg(["count", "sum"]).sort_values("sum").head(25)
    print(f"{len(led)} rows → {out}; {int((led['category'] == '').sum())} uncategorised")
    print(unknown.to_string())


def summary(ledger):
    led = pd.read_csv(ledger, parse_dates=["date"])
    led["month"] = led["date"].dt.to_period("M")
    spend = led[led["amount"] < 0]
    print(spend.pivot_table(index="category", columns="month", values="amount", aggfunc="sum").fillna(0).round(0).to_string())
    print("\nBusiness expenses:")
    print(spend[spend["business"] == "y"].groupby("category")["amount"].sum().round(2).to_string())


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", nargs="?")
    ap.add_argument("--rules", default=str(Path(__file__).resolve().parent.parent / "assets" / "rules.csv"))
    ap.add_argument("--out", default="ledger.csv")
    ap.add_argument("--summary")
    a = ap.parse_args()
    if a.summary:
        summary(a.summary)
    else:
        build(a.folder, a.rules, a.out)
