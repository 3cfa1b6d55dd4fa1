#!/usr/bin/env python3
"""Import bank CSV/XLSX exports into a household budget workbook.

    import_transactions.py EXPORT_DIR --workbook budget.xlsx [--rules rules.yaml] [--budget targets.yaml]
"""
from __future__ import annotations

import argparse
import hashlib
import io
import re
import sys
from pathlib import Path

import pandas as pd
import yaml
from openpyxl import load_workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.formatting.rule import CellIsRule
from openpyxl.styles import Font, PatternFill

HERE = Path(__file__).resolve().parent
FORMATS = yaml.safe_load((HERE / "bank_formats.yaml").read_text(encoding="utf-8"))
CARD_RE = re.compile(r"\b(\d{4})[ -]?(\d{4})[ -]?(\d{4})[ -]?(\d{4})\b")
IBAN_RE = re.compile(r"\b([A-Z]{2}\d{2})[A-Z0-9 ]{10,30}(\d{4})\b")


def mask(text: str) -> str:
    text = CARD_RE.sub(lambda m: f"•••• {m.group(4)}", text)
    return IBAN_RE.sub(lambda m: f"{m.group(1)}•••{m.group(2)}", text)


def read_any(path: Path) -> pd.DataFrame:
    if path.suffix.lower() in (".xlsx", ".xls"):
        return pd.read_excel(path, dtype=str)
    raw = path.read_bytes()
    for enc in ("utf-8-sig", "cp1252", "latin-1"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    sep = ";" if text.count(";") > text.count(",") else ","
    lines = text.splitlines()
    # skip preamble lines (German banks put account info above the header)
    start = 0
    for i, line in enumerate(lines[:30]):
        if line.count(sep) >= 3:
            start = i
            break
    return pd.read_csv(io.StringIO("\n".join(lines[start:])), sep=sep, dtype=str)


def detect(df: pd.DataFrame) -> tuple[str, dict] | None:
    cols = {c.strip().lower() for c in df.columns}
    for name, fmt in FORMATS.items():
        if all(d.lower() in cols for d in fmt["detect"]):
            return name, fmt
    return None


def to_amount(s: pd.Series, decimal: str) -> pd.Series:
    s = s.fillna("").astype(str).str.replace(r"[^\d,.\-]", "", regex=True)
    if decimal == ",":
        s = s.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
    else:
        s = s.str.replace(",", "", regex=False)
    return pd.to_numeric(s, errors="coerce")


def normalise(path: Path) -> pd.DataFrame:
    df = read_any(path)
    df.columns = [c.strip() for c in df.columns]
    hit = detect(df)
    if not hit:
        print(f"! {path.name}: unknown format, columns = {list(df.columns)}; add a mapping to bank_formats.yaml",
              file=sys.stderr)
        return pd.DataFrame()
    name, fmt = hit
    lower = {c.lower(): c for c in df.columns}
    out = pd.DataFrame({
        "date": pd.to_datetime(df[lower[fmt["date"].lower()]], dayfirst=fmt.get("dayfirst", False), errors="coerce"),
        "description": df[lower[fmt["description"].lower()]].fillna("").map(mask),
        "amount": to_amount(df[lower[fmt["amount"].lower()]], fmt.get("decimal", ".")),
    })
    if fmt.get("invert"):
        out["amount"] = -out["amount"]
    out["account"] = f"{name}:{path.stem}"
    return out.dropna(subset=["date", "amount"])


def key(row) -> str:
    d = re.sub(r"\s+", " ", row.description.upper()).strip()
    return hashlib.sha1(f"{row.account}|{row.date.date()}|{row.amount:.2f}|{d}".encode()).hexdigest()[:16]


def categorise(df: pd.DataFrame, rules: list[dict]) -> pd.Series:
    cats = pd.Series("Uncategorised", index=df.index)
    for rule in reversed(rules):  # first rule wins
        m = df["description"].str.contains(rule["match"], case=False, regex=True, na=False)
        if "min" in rule:
            m &= df["amount"].abs() >= rule["min"]
        cats[m] = rule["category"]
    cats[df["amount"] > 0] = cats[df["amount"] > 0].where(cats != "Uncategorised", "Income")
    return cats


def mark_transfers(df: pd.DataFrame) -> pd.Series:
    transfer = pd.Series(False, index=df.index)
    neg = df[df.amount < 0]
    pos = df[df.amount > 0]
    for i, r in neg.iterrows():
        cand = pos[(pos.account != r.account) & ((pos.amount + r.amount).abs() < 0.005)
                   & ((pos.date - r.date).abs() <= pd.Timedelta(days=3)) & ~transfer[pos.index]]
        if not cand.empty:
            transfer[i] = True
            transfer[cand.index[0]] = True
    return transfer


def subscriptions(df: pd.DataFrame) -> pd.DataFrame:
    spend = df[(df.amount < 0) & ~df.transfer].copy()
    spend["merchant"] = spend.description.str.upper().str.replace(r"[\d#*]+", "", regex=True).str.strip().str[:30]
    rows = []
    for merchant, g in spend.groupby("merchant"):
        if len(g) < 3:
            continue
        gaps = g.date.sort_values().diff().dt.days.dropna()
        amt_spread = g.amount.std() / max(abs(g.amount.mean()), 0.01)
        if gaps.between(26, 35).mean() > 0.7 and amt_spread < 0.1:
            rows.append({"merchant": merchant, "every": "month", "amount": round(-g.amount.mean(), 2),
                         "last": g.date.max().date(), "count": len(g)})
        elif gaps.between(350, 380).mean() > 0.7:
            rows.append({"merchant": merchant, "every": "year", "amount": round(-g.amount.mean(), 2),
                         "last": g.date.max().date(), "count": len(g)})
    return pd.DataFrame(rows).sort_values("amount", ascending=False) if rows else pd.DataFrame(
        columns=["merchant", "every", "amount", "last", "count"])


def monthly(df: pd.DataFrame, targets: dict) -> pd.DataFrame:
    spend = df[~df.transfer].copy()
    spend["month"] = spend.date.dt.to_period("M").astype(str)
    pivot = spend.pivot_table(index="category", columns="month", values="amount", aggfunc="sum", fill_value=0)
    pivot = -pivot.drop(index=["Income"], errors="ignore")
    avg = pivot.iloc[:, -3:].mean(axis=1)
    pivot.insert(0, "Budget", [targets.get(c, round(v, 0)) for c, v in avg.items()])
    return pivot.round(2)


def write(workbook: Path, tx: pd.DataFrame, mon: pd.DataFrame, subs: pd.DataFrame, rules: list[dict]):
    with pd.ExcelWriter(workbook, engine="openpyxl") as xw:
        tx.sort_values("date", ascending=False).to_excel(xw, sheet_name="Transactions", index=False)
        pd.DataFrame(rules).to_excel(xw, sheet_name="Rules", index=False)
        mon.to_excel(xw, sheet_name="Monthly")
        subs.to_excel(xw, sheet_name="Subscriptions", index=False)
    wb = load_workbook(workbook)
    ws = wb["Monthly"]
    for c in ws[1]:
        c.font = Font(bold=True)
    n_rows, n_cols = ws.max_row, ws.max_column
    green = PatternFill("solid", fgColor="C6EFCE")
    amber = PatternFill("solid", fgColor="FFEB9C")
    red = PatternFill("solid", fgColor="FFC7CE")
    for col in range(3, n_cols + 1):
        letter = ws.cell(row=1, column=col).column_letter
        rng = f"{letter}2:{letter}{n_rows}"
        ws.conditional_formatting.add(rng, CellIsRule(operator="lessThanOrEqual", formula=["$B2*0.95"], fill=green))
        ws.conditional_formatting.add(rng, CellIsRule(operator="between", formula=["$B2*0.95", "$B2*1.1"], fill=amber))
        ws.conditional_formatting.add(rng, CellIsRule(operator="greaterThan", formula=["$B2*1.1"], fill=red))
    chart = BarChart()
    chart.type = "col"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.title = "Spending by category"
    data = Reference(ws, min_col=3, max_col=n_cols, min_row=1, max_row=n_rows)
    cats = Reference(ws, min_col=1, min_row=2, max_row=n_rows)
    chart.add_data(data, titles_from_data=True, from_rows=False)
    chart.set_categories(cats)
    chart.height, chart.width = 10, 22
    ws.add_chart(chart, f"A{n_rows + 3}")
    wb.save(workbook)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("exports", type=Path)
    ap.add_argument("--workbook", type=Path, required=True)
    ap.add_argument("--rules", type=Path, default=Path("rules.yaml"))
    ap.add_argument("--budget", type=Path)
    args = ap.parse_args()

    frames = [normalise(p) for p in sorted(args.exports.rglob("*")) if p.suffix.lower() in (".csv", ".xlsx", ".xls")]
    new = pd.concat([f for f in frames if not f.empty], ignore_index=True) if frames else pd.DataFrame()
    if new.empty:
        sys.exit("no transactions imported")

    if args.workbook.exists():
        old = pd.read_excel(args.workbook, sheet_name="Transactions", parse_dates=["date"])
        new = pd.concat([old[["date", "description", "amount", "account"]], new], ignore_index=True)
    new["id"] = new.apply(key, axis=1)
    tx = new.drop_duplicates("id").reset_index(drop=True)

    rules = yaml.safe_load(args.rules.read_text()) if args.rules.exists() else []
    targets = yaml.safe_load(args.budget.read_text()) if args.budget and args.budget.exists() else {}
    tx["category"] = categorise(tx, rules)
    tx["transfer"] = mark_transfers(tx)

    write(args.workbook, tx, monthly(tx, targets), subscriptions(tx), rules)

    unc = tx[(tx.category == "Uncategorised") & ~tx.transfer].copy()
    unc["abs"] = unc.amount.abs()
    print(f"{len(tx)} transactions, {len(unc)} uncategorised. Top uncategorised:")
    for _, r in unc.sort_values("abs", ascending=False).head(20).iterrows():
        print(f"  {r.date.date()}  {r.amount:>10.2f}  {r.description[:60]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
