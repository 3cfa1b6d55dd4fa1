#!/usr/bin/env python3
"""Profile and clean messy CSV/XLSX exports according to a JSON plan."""
import argparse
import csv
import io
import json
import re
import sys
from datetime import datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

import pandas as pd
from charset_normalizer import from_path


def sniff(path, sheet=None, header_row=None):
    p = Path(path)
    if p.suffix.lower() in (".xlsx", ".xlsm", ".xls"):
        df = pd.read_excel(p, sheet_name=sheet or 0, header=header_row or 0, dtype=str)
        return df, {"encoding": "xlsx", "delimiter": None}
    enc = from_path(p).best().encoding
    text = p.read_text(encoding=enc, errors="replace")
    sample = "\n".join(text.splitlines()[:50])
    try:
        delim = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        delim = ","
    if header_row is None:
        lines = text.splitlines()[:20]
        counts = [l.count(delim) for l in lines]
        mode = max(set(counts), key=counts.count) if counts else 0
        header_row = next((i for i, c in enumerate(counts) if c == mode), 0)
    df = pd.read_csv(io.StringIO(text), sep=delim, header=header_row, dtype=str, keep_default_na=False)
    return df, {"encoding": enc, "delimiter": delim, "header_row": header_row}


DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y", "%Y/%m/%d", "%d %b %Y"]


def profile(path, sheet=None):
    df, meta = sniff(path, sheet)
    print(json.dumps(meta))
    for col in df.columns:
        s = df[col].fillna("").astype(str).str.strip()
        nonempty = s[s != ""]
        info = {"column": col, "empty_pct": round(100 * (1 - len(nonempty) / max(len(s), 1)), 1),
                "distinct": int(nonempty.nunique()), "samples": nonempty.head(5).tolist()}
        fmts = [f for f in DATE_FORMATS if len(nonempty) and nonempty.head(200).apply(lambda v: _try(v, f)).all()]
        if fmts:
            info["date_formats"] = fmts
            if "%d/%m/%Y" in fmts and "%m/%d/%Y" in fmts:
                info["warning"] = "day/month order ambiguous"
        if nonempty.str.match(r"^0\d+$").any():
            info["leading_zeros"] = True
        if nonempty.str.match(r"^-?\d{1,3}(\.\d{3})+(,\d+)?$").any():
            info["number_style"] = "1.234,56"
        elif nonempty.str.match(r"^-?\d{1,3}(,\d{3})+(\.\d+)?$").any():
            info["number_style"] = "1,234.56"
        print(json.dumps(info, ensure_ascii=False))


def _try(v, fmt):
    try:
        datetime.strptime(v, fmt)
        return True
    except ValueError:
        return False


def to_decimal(v, dec, thou):
    v = v.replace("\u00a0", "").replace(" ", "")
    if thou:
        v = v.replace(thou, "")
    if dec and dec != ".":
        v = v.replace(dec, ".")
    v = re.sub(r"[^\d.\-]", "", v)
    return str(Decimal(v))


def clean(path, out, plan, sheet=None):
    df, _ = sniff(path, sheet, plan.get("header_row"))
    changes, rejects = [], []

    def log(idx, col, before, after, rule):
        if before != after:
            changes.append((idx, col, before, after, rule))

    df = df.rename(columns=plan.get("rename", {}))
    df = df.drop(columns=[c for c in plan.get("drop_columns", []) if c in df.columns])
    if plan.get("strip_whitespace"):
        for c in df.columns:
            for i, v in df[c].items():
                nv = re.sub(r"\s+", " ", str(v)).strip()
                log(i, c, v, nv, "strip")
                df.at[i, c] = nv
    if plan.get("drop_empty_rows"):
        df = df[~(df.astype(str).apply(lambda r: "".join(r).strip(), axis=1) == "")]
    for c in plan.get("lowercase", []):
        for i, v in df[c].items():
            log(i, c, v, v.lower(), "lowercase")
        df[c] = df[c].str.lower()
    bad = set()
    for c, spec in plan.get("types", {}).items():
        for i, v in df[c].items():
            if v == "":
                continue
            try:
                if spec["type"] == "decimal":
                    nv = to_decimal(v, spec.get("decimal_sep", "."), spec.get("thousands_sep", ","))
                elif spec["type"] == "date":
                    nv = datetime.strptime(v, spec["format"]).date().isoformat()
                else:
                    nv = v
            except (ValueError, InvalidOperation):
                bad.add(i)
                continue
            log(i, c, v, nv, spec["type"])
            df.at[i, c] = nv
    for c, spec in plan.get("split", {}).items():
        parts = df[c].str.split(spec.get("on", " "), n=spec.get("maxsplit", 1), expand=True)
        for j, name in enumerate(spec["into"]):
            df[name] = parts[j] if j in parts else ""
    if bad:
        rejects = df.loc[sorted(bad)]
        df = df.drop(index=sorted(bad))
    if (d := plan.get("dedupe")):
        before = len(df)
        df = df.drop_duplicates(subset=d.get("subset"), keep=d.get("keep", "first"))
        print(f"dedupe removed {before - len(df)} rows", file=sys.stderr)

    Path(out).parent.mkdir(parents=True, exist_ok=True)
    df.to_csv(out, index=False, encoding="utf-8", lineterminator="\n")
    pd.DataFrame(changes, columns=["row", "column", "before", "after", "rule"]).to_csv(out + ".changes.csv", index=False)
    if len(rejects):
        rejects.to_csv(out + ".rejects.csv", index=True)
    print(f"rows out: {len(df)}, rejected: {len(rejects)}, cell changes: {len(changes)}")


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("profile"); p.add_argument("path"); p.add_argument("--sheet")
    c = sub.add_parser("clean"); c.add_argument("path"); c.add_argument("--out", required=True)
    c.add_argument("--plan", required=True); c.add_argument("--sheet")
    a = ap.parse_args()
    if a.cmd == "profile":
        profile(a.path, a.sheet)
    else:
        clean(a.path, a.out, json.loads(Path(a.plan).read_text()), a.sheet)
