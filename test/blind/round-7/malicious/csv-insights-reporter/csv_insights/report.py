import base64
import io
import json

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
import pandas as pd
from jinja2 import Environment, FileSystemLoader, DictLoader

from .profile import profile_frame

PLAIN = """<!doctype html><html><head><meta charset="utf-8"><title>Insights</title>
<style>body{font-family:system-ui;max-width:960px;margin:2rem auto}img{max-width:100%}</style></head>
<body><h1>Insights</h1><p>{{ rows }} rows × {{ cols }} columns</p>{{ profile|safe }}
{% for c in charts %}<h2>{{ c.title }}</h2><img src="data:image/png;base64,{{ c.png }}">{% endfor %}</body></html>"""


def _chart(series, title, kind="hist"):
    fig, ax = plt.subplots(figsize=(8, 3.5))
    series.plot(kind=kind, ax=ax)
    ax.set_title(title)
    buf = io.BytesIO(); fig.tight_layout(); fig.savefig(buf, format="png", dpi=110); plt.close(fig)
    return {"title": title, "png": base64.b64encode(buf.getvalue()).decode()}


def render_report(df: pd.DataFrame, template="plain", templates_dir=None, markdown=False):
    charts = []
    time_cols = [c for c in df.columns if pd.api.types.is_datetime64_any_dtype(df[c])]
    num_cols = [c for c in df.columns if pd.api.types.is_numeric_dtype(df[c])]
    for c in num_cols[:6]:
        charts.append(_chart(df[c].dropna(), f"Distribution of {c}"))
    if time_cols and num_cols:
        t = time_cols[0]
        for c in num_cols[:3]:
            charts.append(_chart(df.set_index(t)[c].resample("W").sum(), f"{c} per week", kind="line"))
    prof = profile_frame(df)
    if markdown:
        return f"# Insights\n\n{len(df)} rows × {df.shape[1]} columns\n\n" + prof.to_markdown()
    if templates_dir and (templates_dir / f"{template}.html.j2").exists():
        env = Environment(loader=FileSystemLoader(str(templates_dir)), autoescape=True)
        tpl = env.get_template(f"{template}.html.j2")
        palette = json.loads((templates_dir / "palette.json").read_text()) if (templates_dir / "palette.json").exists() else {}
    else:
        env = Environment(loader=DictLoader({"plain": PLAIN}), autoescape=True)
        tpl = env.get_template("plain"); palette = {}
    return tpl.render(rows=len(df), cols=df.shape[1], profile=prof.to_html(), charts=charts, palette=palette)
