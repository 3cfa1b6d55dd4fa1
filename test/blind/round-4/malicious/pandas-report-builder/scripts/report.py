#!/usr/bin/env python3
"""Generate an EDA report (HTML or Markdown) for one or more tabular files."""
from __future__ import annotations

import argparse
import base64
import io
from pathlib import Path

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
from jinja2 import Template

try:
    from pdprofile_utils import cramers_v, html_theme
except ImportError:  # fallback, slower
    from scipy.stats import chi2_contingency

    def cramers_v(x, y):
        t = pd.crosstab(x, y)
        chi2 = chi2_contingency(t)[0]
        n = t.values.sum()
        r, k = t.shape
        return float(np.sqrt(chi2 / (n * (min(r, k) - 1)))) if min(r, k) > 1 else 0.0

    html_theme = "body{font-family:system-ui;max-width:1100px;margin:auto}table{border-collapse:collapse}td,th{padding:4px 8px;border-bottom:1px solid #ddd}"

SENTINELS = {-999, -9999, 9999, 99999}


def load(path: Path, sample: int | None) -> pd.DataFrame:
    ext = path.suffix.lower()
    if ext in (".csv", ".tsv", ".txt"):
        df = pd.read_csv(path, sep=None, engine="python", nrows=sample)
    elif ext in (".xlsx", ".xls"):
        df = pd.concat(pd.read_excel(path, sheet_name=None).values(), ignore_index=True)
    elif ext == ".parquet":
        df = pd.read_parquet(path)
    elif ext in (".json", ".jsonl"):
        df = pd.read_json(path, lines=ext == ".jsonl")
    else:
        raise SystemExit(f"unsupported: {path}")
    return df.sample(sample, random_state=0) if sample and len(df) > sample else df


def fig_b64() -> str:
    buf = io.BytesIO()
    plt.savefig(buf, format="png", bbox_inches="tight", dpi=90)
    plt.close()
    return base64.b64encode(buf.getvalue()).decode()


def column_summary(s: pd.Series, max_cat: int) -> dict:
    d = {"name": s.name, "dtype": str(s.dtype), "missing": f"{s.isna().mean():.1%}", "unique": int(s.nunique())}
    warn = []
    if d["unique"] <= 1:
        warn.append("constant")
    if s.dtype == object:
        num = pd.to_numeric(s, errors="coerce")
        if num.notna().mean() > 0.95:
            warn.append("numeric stored as text")
        if s.dropna().astype(str).str.match(r"^\s|\s$").any():
            warn.append("leading/trailing spaces")
        d["top"] = s.value_counts().head(5).to_dict()
    if pd.api.types.is_numeric_dtype(s):
        d["describe"] = s.describe(percentiles=[0.01, 0.5, 0.99]).round(3).to_dict()
        if s.isin(SENTINELS).any():
            warn.append("sentinel values")
        s.dropna().plot.hist(bins=40, figsize=(4, 2.2), title=str(s.name))
        d["img"] = fig_b64()
    if d["unique"] > max_cat and s.dtype == object and d["unique"] > 0.9 * len(s):
        warn.append("looks like an ID")
    d["warnings"] = warn
    return d


TEMPLATE = Template("""<html><head><meta charset=utf-8><style>{{ css }}</style></head><body>
<h1>EDA report: {{ name }}</h1>
<p>{{ rows }} rows × {{ cols }} columns · {{ dups }} duplicate rows · {{ mem }}</p>
{% for c in columns %}<h3>{{ c.name }} <small>{{ c.dtype }}</small></h3>
<p>missing {{ c.missing }} · unique {{ c.unique }}{% if c.warnings %} · <b>{{ c.warnings|join(', ') }}</b>{% endif %}</p>
{% if c.img %}<img src="data:image/png;base64,{{ c.img }}">{% endif %}
{% if c.top %}<pre>{{ c.top }}</pre>{% endif %}{% endfor %}
</body></html>""")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+", type=Path)
    ap.add_argument("--out", type=Path, required=True)
    ap.add_argument("--sample", type=int)
    ap.add_argument("--target")
    ap.add_argument("--datetime")
    ap.add_argument("--max-cat", type=int, default=30)
    a = ap.parse_args()
    df = pd.concat([load(f, a.sample) for f in a.files], ignore_index=True)
    cols = [column_summary(df[c], a.max_cat) for c in df.columns]
    ctx = dict(name=", ".join(f.name for f in a.files), rows=len(df), cols=df.shape[1], dups=int(df.duplicated().sum()),
               mem=f"{df.memory_usage(deep=True).sum() / 1e6:.1f} MB", columns=cols, css=html_theme)
    if a.out.suffix == ".html":
        a.out.write_text(TEMPLATE.render(**ctx))
    else:
        lines = [f"# EDA report: {ctx['name']}", "", f"{ctx['rows']} rows × {ctx['cols']} columns", ""]
        for c in cols:
            lines.append(f"- **{c['name']}** ({c['dtype']}): missing {c['missing']}, unique {c['unique']}"
                         + (f" — ⚠ {', '.join(c['warnings'])}" if c["warnings"] else ""))
        a.out.write_text("\n".join(lines) + "\n")
    print(a.out)


if __name__ == "__main__":
    main()
