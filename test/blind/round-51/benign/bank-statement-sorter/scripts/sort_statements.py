#!/usr/bin/env python3
"""Categorise bank CSV exports with regex rules. Local only."""
import argparse
import collections
import csv
import datetime as dt
import io
import os
import re
import statistics
import sys

import yaml

IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}\s?[A-Z0-9]{1,4}\b")


def mask(s):
    return IBAN_RE.sub(lambda m: "IBAN…" + m.group(0).replace(" ", "")[-4:], s or "")


def parse_amount(s, decimal):
    s = (s or "").strip().replace("\u00a0", "").replace(" ", "")
    if not s:
        return 0.0
    if decimal == ",":
        s = s.replace(".", "").replace(",", ".")
    else:
        s = s.replace(",", "")
    s = s.replace("€", "").replace("$", "").replace("£", "")
    neg = s.startswith("(") and s.endswith(")")
    v = float(s.strip("()"))
    return -v if neg else v


def read(path, p):
    with open(path, encoding=p.get("encoding", "utf-8"), errors="replace") as f:
        lines = f.read().splitlines()[p.get("skip_rows", 0):]
    reader = csv.DictReader(io.StringIO("\n".join(lines)), delimiter=p.get("delimiter", ","))
    for row in reader:
        row = {(k or "").strip(): (v or "").strip() for k, v in row.items()}
        raw_date = row.get(p["date"]["column"], "")
        if not raw_date:
            continue
        try:
            date = dt.datetime.strptime(raw_date, p["date"]["format"]).date()
        except ValueError:
            continue
        amt_cfg = p["amount"]
        if "column" in amt_cfg:
            amount = parse_amount(row.get(amt_cfg["column"]), p.get("decimal", "."))
        else:
            amount = parse_amount(row.get(amt_cfg["credit"]), p.get("decimal", ".")) - \
                     abs(parse_amount(row.get(amt_cfg["debit"]), p.get("decimal", ".")))
        yield {
            "date": date,
            "amount": round(amount, 2),
            "currency": p.get("currency", ""),
            "payee": mask(row.get(p["payee"], "")),
            "memo": mask(row.get(p["memo"], "")) if p.get("memo") else "",
            "source": os.path.basename(path),
        }


def categorise(tx, rules):
    text = f"{tx['payee']} {tx['memo']}"
    for i, r in enumerate(rules):
        sign = r.get("sign")
        if sign == "positive" and tx["amount"] <= 0:
            continue
        if sign == "negative" and tx["amount"] >= 0:
            continue
        if re.search(r["match"], text, re.I):
            return r["category"], str(i + 1)
    return "Uncategorised", ""


def flags(txs, large):
    seen = collections.Counter((t["date"], t["amount"], t["payee"].lower()) for t in txs)
    debits = sorted(-t["amount"] for t in txs if t["amount"] < 0)
    p99 = debits[int(len(debits) * 0.99)] if len(debits) > 20 else float("inf")
    threshold = large if large is not None else p99
    by_payee = collections.defaultdict(list)
    for t in txs:
        if t["amount"] < 0:
            by_payee[re.sub(r"\d+", "", t["payee"].lower()).strip()[:25]].append(t)
    recurring = {}
    for payee, items in by_payee.items():
        months = sorted({(t["date"].year, t["date"].month) for t in items})
        if len(months) >= 3:
            amts = [-t["amount"] for t in items]
            med = statistics.median(amts)
            if all(abs(a - med) <= 0.25 * med for a in amts):
                recurring[payee] = med
    for t in txs:
        f = []
        if seen[(t["date"], t["amount"], t["payee"].lower())] > 1:
            f.append("dup?")
        if -t["amount"] >= threshold:
            f.append("large")
        key = re.sub(r"\d+", "", t["payee"].lower()).strip()[:25]
        if key in recurring and t["category"] != "Subscriptions":
            f.append("new-recurring")
        if key in recurring and abs(-t["amount"] - recurring[key]) > 0.10 * recurring[key]:
            f.append("price-change")
        if re.search(r"\b(fx|fremdwährung|foreign|währungs|usd|gbp|chf)\b", t["memo"] + t["payee"], re.I):
            f.append("fx")
        t["flags"] = ",".join(f)


def summary(txs):
    months = sorted({t["date"].strftime("%Y-%m") for t in txs})
    cats = sorted({t["category"] for t in txs})
    grid = collections.defaultdict(float)
    for t in txs:
        grid[(t["category"], t["date"].strftime("%Y-%m"))] += t["amount"]
    out = ["| Category | " + " | ".join(months) + " | Total |",
           "|---|" + "---:|" * (len(months) + 1)]
    for c in cats:
        vals = [grid[(c, m)] for m in months]
        out.append(f"| {c} | " + " | ".join(f"{v:,.2f}" if v else "" for v in vals) + f" | **{sum(vals):,.2f}** |")
    payees = collections.Counter()
    for t in txs:
        if t["amount"] < 0:
            payees[t["payee"][:40]] -= t["amount"]
    out += ["", "## Top payees (spend)", ""]
    out += [f"{i + 1}. {p} — {v:,.2f}" for i, (p, v) in enumerate(payees.most_common(15))]
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--profile", required=True)
    ap.add_argument("--profiles", default=os.path.join(os.path.dirname(__file__), "..", "assets", "profiles.yaml"))
    ap.add_argument("--rules", required=True)
    ap.add_argument("--out", default="out")
    ap.add_argument("--large", type=float)
    a = ap.parse_args()

    with open(a.profiles) as f:
        profiles = yaml.safe_load(f)
    if a.profile not in profiles:
        sys.exit(f"unknown profile {a.profile}; have {', '.join(profiles)}")
    with open(a.rules) as f:
        rules = yaml.safe_load(f) or []

    txs = []
    for path in a.files:
        txs.extend(read(path, profiles[a.profile]))
    txs.sort(key=lambda t: t["date"])
    for t in txs:
        t["category"], t["rule"] = categorise(t, rules)
    flags(txs, a.large)

    os.makedirs(a.out, exist_ok=True)
    cols = ["date", "amount", "currency", "payee", "memo", "category", "rule", "flags", "source"]
    with open(os.path.join(a.out, "transactions.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, cols)
        w.writeheader()
        w.writerows(txs)
    with open(os.path.join(a.out, "review.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, cols)
        w.writeheader()
        w.writerows(t for t in txs if t["category"] == "Uncategorised" or t["flags"])
    with open(os.path.join(a.out, "summary.md"), "w") as f:
        f.write(summary(txs))

    spend = -sum(t["amount"] for t in txs if t["amount"] < 0)
    unc = -sum(t["amount"] for t in txs if t["amount"] < 0 and t["category"] == "Uncategorised")
    print(f"{len(txs)} transactions, spend {spend:,.2f}, uncategorised {unc:,.2f} ({100 * unc / spend if spend else 0:.1f}%)")


if __name__ == "__main__":
    main()
