#!/usr/bin/env python3
"""Weekly SLO/error-budget report from a Prometheus-compatible API."""
import argparse
import base64
import datetime as dt
import html
import io
import os
import sys

import requests
import yaml


def session():
    s = requests.Session()
    if os.environ.get("PROM_BEARER_TOKEN"):
        s.headers["Authorization"] = f"Bearer {os.environ['PROM_BEARER_TOKEN']}"
    elif os.environ.get("PROM_BASIC_USER"):
        s.auth = (os.environ["PROM_BASIC_USER"], os.environ.get("PROM_BASIC_PASSWORD", ""))
    return s


def base_url():
    url = os.environ.get("PROM_URL")
    if not url:
        sys.exit("set PROM_URL")
    return url.rstrip("/")


def instant(s, q):
    r = s.get(base_url() + "/api/v1/query", params={"query": q}, timeout=60)
    r.raise_for_status()
    res = r.json()["data"]["result"]
    return float(res[0]["value"][1]) if res else None


def series(s, q, start, end, step):
    r = s.get(base_url() + "/api/v1/query_range",
              params={"query": q, "start": start.timestamp(), "end": end.timestamp(), "step": step}, timeout=120)
    r.raise_for_status()
    res = r.json()["data"]["result"]
    return [(dt.datetime.fromtimestamp(float(t), dt.timezone.utc), float(v)) for t, v in res[0]["values"]] if res else []


def ratio_query(slo, rng):
    return f"({slo['good'].replace('{{range}}', rng)}) / ({slo['total'].replace('{{range}}', rng)})"


def window_minutes(w):
    n, u = int(w[:-1]), w[-1]
    return n * {"d": 1440, "h": 60, "w": 10080}[u]


def analyse(s, slo, now):
    allowed = 1 - slo["objective"] / 100
    att = instant(s, ratio_query(slo, slo["window"]))
    week = instant(s, ratio_query(slo, "7d"))
    res = {"slo": slo, "attainment": att, "week": week}
    if att is None:
        return res
    res["budget_left"] = 1 - (1 - att) / allowed
    res["burn_week"] = (1 - week) / allowed if week is not None else None
    res["budget_minutes"] = allowed * window_minutes(slo["window"]) * max(res["budget_left"], 0)
    hourly = series(s, "1 - " + ratio_query(slo, "1h"), now - dt.timedelta(days=7), now, 3600)
    res["worst"] = sorted(hourly, key=lambda x: -x[1])[:5]
    days = int(slo["window"][:-1]) if slo["window"].endswith("d") else 28
    burn = series(s, f"1 - (1 - ({ratio_query(slo, slo['window'])})) / {allowed}",
                  now - dt.timedelta(days=days), now, 6 * 3600)
    res["burn_series"] = burn
    return res


def status(r):
    b = r.get("budget_left")
    if b is None:
        return "⚪"
    return "🟢" if b > 0.5 else "🟡" if b > 0.1 else "🔴"


def chart(r):
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return ""
    pts = r.get("burn_series") or []
    if not pts:
        return ""
    fig, ax = plt.subplots(figsize=(6, 2.4), dpi=110)
    ax.plot([p[0] for p in pts], [100 * p[1] for p in pts], lw=1.6)
    ax.axhline(0, color="red", lw=0.8)
    ax.set_ylabel("budget left %")
    ax.set_title(r["slo"]["name"], fontsize=9)
    fig.autofmt_xdate()
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    plt.close(fig)
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def pct(x, digits=3):
    return "n/a" if x is None else f"{100 * x:.{digits}f}%"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--slos", default="slos.yaml")
    ap.add_argument("--out", default="reports")
    ap.add_argument("--post", action="store_true")
    ap.add_argument("--report-url", default="")
    a = ap.parse_args()

    with open(a.slos) as f:
        slos = yaml.safe_load(f)
    now = dt.datetime.now(dt.timezone.utc).replace(minute=0, second=0, microsecond=0)
    year, week, _ = now.isocalendar()
    s = session()
    results = [analyse(s, slo, now) for slo in slos]

    md = [f"# SLO report — {year}-W{week:02d}", "",
          "| | SLO | Objective | Attainment | Budget left | ≈ minutes left | Burn (7d) |",
          "|---|---|---:|---:|---:|---:|---:|"]
    for r in results:
        slo = r["slo"]
        burn = r.get("burn_week")
        md.append(f"| {status(r)} | {slo['name']} | {slo['objective']}% / {slo['window']} | {pct(r['attainment'])} | "
                  f"{pct(r.get('budget_left'), 1)} | {r.get('budget_minutes', 0):.0f} | "
                  f"{'n/a' if burn is None else f'{burn:.2f}×'}{' ⚠️' if burn and burn > 1 else ''} |")
    for r in results:
        if r.get("worst"):
            md += ["", f"### {r['slo']['name']} — worst hours (error ratio)", ""]
            md += [f"- {t:%a %d %b %H:00} UTC — {100 * v:.2f}%" for t, v in r["worst"] if v > 0]
    text = "\n".join(md) + "\n"

    os.makedirs(a.out, exist_ok=True)
    stem = os.path.join(a.out, f"slo-{year}-W{week:02d}")
    with open(stem + ".md", "w") as f:
        f.write(text)
    imgs = "".join(f'<figure><img alt="{html.escape(r["slo"]["name"])} burn-down" src="{uri}"></figure>'
                   for r in results if (uri := chart(r)))
    with open(stem + ".html", "w") as f:
        f.write("<!doctype html><meta charset=utf-8><title>SLO report</title>"
                "<style>body{font:14px system-ui;max-width:900px;margin:2em auto}table{border-collapse:collapse}"
                "td,th{border:1px solid #ddd;padding:4px 8px}</style>"
                f"<pre style='white-space:pre-wrap'>{html.escape(text)}</pre>{imgs}")
    print(text)
    print(f"wrote {stem}.md and {stem}.html", file=sys.stderr)

    if a.post:
        hook = os.environ.get("SLO_REPORT_WEBHOOK")
        if not hook:
            sys.exit("--post needs SLO_REPORT_WEBHOOK")
        lines = [f"*SLO report {year}-W{week:02d}*"]
        lines += [f"{status(r)} {r['slo']['name']}: budget left {pct(r.get('budget_left'), 1)}" for r in results]
        if a.report_url:
            lines.append(a.report_url)
        resp = requests.post(hook, json={"text": "\n".join(lines)}, timeout=20)
        resp.raise_for_status()
        print("posted summary", file=sys.stderr)


if __name__ == "__main__":
    main()
