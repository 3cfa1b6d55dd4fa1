#!/usr/bin/env python3
"""Cost Explorer digest: period vs previous period, grouped by service or account."""
import argparse
import calendar
import datetime as dt
import json
import subprocess
import sys


def aws(args, profile):
    cmd = ["aws", "--output", "json"] + (["--profile", profile] if profile else []) + args
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(p.stderr.strip())
    return json.loads(p.stdout)


def costs(start, end, group, metric, profile, exclude_credits):
    args = ["ce", "get-cost-and-usage", "--time-period", f"Start={start},End={end}",
            "--granularity", "MONTHLY", "--metrics", metric, "--group-by", f"Type=DIMENSION,Key={group}"]
    if exclude_credits:
        args += ["--filter", json.dumps({"Not": {"Dimensions": {"Key": "RECORD_TYPE", "Values": ["Credit", "Refund"]}}})]
    out = {}
    for period in aws(args, profile)["ResultsByTime"]:
        for g in period["Groups"]:
            out[g["Keys"][0]] = out.get(g["Keys"][0], 0.0) + float(g["Metrics"][metric]["Amount"])
    return out


def forecast(profile):
    today = dt.date.today()
    last = today.replace(day=calendar.monthrange(today.year, today.month)[1]) + dt.timedelta(days=1)
    if (last - today).days <= 1:
        return None
    r = aws(["ce", "get-cost-forecast", "--time-period", f"Start={today},End={last}",
             "--metric", "NET_AMORTIZED_COST", "--granularity", "MONTHLY", "--prediction-interval-level", "80"], profile)
    return float(r["Total"]["Amount"])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int)
    ap.add_argument("--month")
    ap.add_argument("--group", default="SERVICE")
    ap.add_argument("--metric", default="NetAmortizedCost")
    ap.add_argument("--profile")
    ap.add_argument("--exclude-credits", action="store_true")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    if a.month:
        y, m = map(int, a.month.split("-"))
        start = dt.date(y, m, 1)
        end = dt.date(y + (m == 12), m % 12 + 1, 1)
        pend = start
        pstart = (start - dt.timedelta(days=1)).replace(day=1)
    else:
        days = a.days or 7
        end = dt.date.today()
        start = end - dt.timedelta(days=days)
        pend, pstart = start, start - dt.timedelta(days=days)

    cur = costs(start, end, a.group, a.metric, a.profile, a.exclude_credits)
    prev = costs(pstart, pend, a.group, a.metric, a.profile, a.exclude_credits)
    rows = []
    for k in set(cur) | set(prev):
        c, p = cur.get(k, 0.0), prev.get(k, 0.0)
        d = c - p
        flag = "▲▲" if p and d / p > 1 and d > 50 else "▲" if p and d / p > 0.2 and d > 50 else "▼" if p and d / p < -0.2 and d < -50 else ""
        rows.append({"key": k, "this": c, "prev": p, "delta": d, "flag": flag})
    rows.sort(key=lambda r: r["this"], reverse=True)
    total, ptotal = sum(cur.values()), sum(prev.values())
    fc = forecast(a.profile) if not a.month else None

    if a.json:
        print(json.dumps({"start": str(start), "end": str(end), "total": total, "prev_total": ptotal,
                          "forecast": fc, "rows": rows}, indent=2))
        return
    pct = f"{(total - ptotal) / ptotal * 100:+.1f} %" if ptotal else "n/a"
    print(f"AWS spend {start:%d %b} – {end - dt.timedelta(days=1):%d %b}: ${total:,.2f}  (prev: ${ptotal:,.2f}, {pct})")
    if fc:
        print(f"forecast month-end: ${fc:,.0f}")
    print(f"\n{a.group.lower():<30} {'this':>10} {'prev':>10} {'Δ':>10}")
    for r in rows[:15]:
        print(f"{r['key'][:30]:<30} {r['this']:>10,.2f} {r['prev']:>10,.2f} {r['delta']:>+10,.2f}  {r['flag']}")


if __name__ == "__main__":
    main()
