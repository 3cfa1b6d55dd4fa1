#!/usr/bin/env python3
"""GTFS timetable builder: validate | services | build."""
import argparse
import html
import io
import sys
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pandas as pd

REQUIRED = {
    "agency.txt": ["agency_name", "agency_timezone"],
    "routes.txt": ["route_id", "route_type"],
    "trips.txt": ["route_id", "service_id", "trip_id"],
    "stop_times.txt": ["trip_id", "stop_id", "stop_sequence"],
    "stops.txt": ["stop_id"],
}


def read_feed(path):
    p = Path(path)
    tables = {}
    if p.suffix == ".zip":
        with zipfile.ZipFile(p) as z:
            for name in z.namelist():
                base = name.split("/")[-1]
                if base.endswith(".txt"):
                    tables[base] = pd.read_csv(io.BytesIO(z.read(name)), dtype=str, keep_default_na=False,
                                               encoding="utf-8-sig")
    else:
        for f in p.glob("*.txt"):
            tables[f.name] = pd.read_csv(f, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    return tables


def to_secs(t):
    if not t:
        return None
    h, m, s = (int(x) for x in t.strip().split(":"))
    return h * 3600 + m * 60 + s


def fmt(secs):
    day, rem = divmod(secs, 86400)
    h, rem = divmod(rem, 3600)
    return f"{h:02}:{rem // 60:02}" + (" +1" if day else "")


def validate(t):
    errors, warnings = [], []
    for f, cols in REQUIRED.items():
        if f not in t:
            errors.append(f"missing {f}")
            continue
        for c in cols:
            if c not in t[f].columns:
                errors.append(f"{f}: missing column {c}")
    if "calendar.txt" not in t and "calendar_dates.txt" not in t:
        errors.append("need calendar.txt or calendar_dates.txt")
    if errors:
        return errors, warnings
    trips, st, stops = t["trips.txt"], t["stop_times.txt"], t["stops.txt"]
    bad = set(st.trip_id) - set(trips.trip_id)
    if bad:
        errors.append(f"stop_times references {len(bad)} unknown trip_id(s), e.g. {sorted(bad)[:3]}")
    bad = set(st.stop_id) - set(stops.stop_id)
    if bad:
        errors.append(f"stop_times references {len(bad)} unknown stop_id(s), e.g. {sorted(bad)[:3]}")
    bad = set(trips.route_id) - set(t["routes.txt"].route_id)
    if bad:
        errors.append(f"trips references unknown route_id(s): {sorted(bad)[:5]}")
    services = set()
    for f in ("calendar.txt", "calendar_dates.txt"):
        if f in t:
            services |= set(t[f].service_id)
    bad = set(trips.service_id) - services
    if bad:
        errors.append(f"trips use service_id(s) with no calendar entry: {sorted(bad)[:5]}")
    st = st.assign(seq=st.stop_sequence.astype(int),
                   dep=st.get("departure_time", st.get("arrival_time", "")).map(lambda x: to_secs(x) if x else None))
    for trip_id, g in st.sort_values(["trip_id", "seq"]).groupby("trip_id"):
        times = [x for x in g.dep if x is not None]
        if any(b < a for a, b in zip(times, times[1:])):
            errors.append(f"trip {trip_id}: times decrease along stop_sequence")
    unused = set(stops.stop_id) - set(st.stop_id)
    if "location_type" in stops.columns:
        unused -= set(stops[stops.location_type.isin(["1", "2", "3", "4"])].stop_id)
    if unused:
        warnings.append(f"{len(unused)} stops are never served")
    return errors, warnings


def active_dates(t, service_id, start, end):
    days = set()
    if "calendar.txt" in t:
        for _, r in t["calendar.txt"][t["calendar.txt"].service_id == service_id].iterrows():
            d0 = max(start, datetime.strptime(r.start_date, "%Y%m%d").date())
            d1 = min(end, datetime.strptime(r.end_date, "%Y%m%d").date())
            wd = [r.monday, r.tuesday, r.wednesday, r.thursday, r.friday, r.saturday, r.sunday]
            d = d0
            while d <= d1:
                if wd[d.weekday()] == "1":
                    days.add(d)
                d += timedelta(days=1)
    if "calendar_dates.txt" in t:
        cd = t["calendar_dates.txt"][t["calendar_dates.txt"].service_id == service_id]
        for _, r in cd.iterrows():
            d = datetime.strptime(r.date, "%Y%m%d").date()
            if not (start <= d <= end):
                continue
            (days.add if r.exception_type == "1" else days.discard)(d)
    return days


def label(days):
    wds = {d.weekday() for d in days}
    if wds and wds <= {0, 1, 2, 3, 4}:
        return "Weekday"
    if wds == {5}:
        return "Saturday"
    if wds == {6}:
        return "Sunday"
    return "Special" if len(days) < 5 else "Mixed"


def cmd_validate(a):
    errors, warnings = validate(read_feed(a.feed))
    for e in errors:
        print(f"ERROR   {e}")
    for w in warnings:
        print(f"WARNING {w}")
    print(f"{len(errors)} errors, {len(warnings)} warnings")
    return 1 if errors else 0


def cmd_services(a):
    t = read_feed(a.feed)
    start, end = date.fromisoformat(a.date_from), date.fromisoformat(a.date_to)
    for sid in sorted(set(t["trips.txt"].service_id)):
        days = active_dates(t, sid, start, end)
        n = (t["trips.txt"].service_id == sid).sum()
        print(f"{sid:24} {label(days):9} {len(days):4} days {n:6} trips")
    return 0


def build_grid(t, route_id, service_ids, direction, timepoints):
    trips = t["trips.txt"]
    trips = trips[(trips.route_id == route_id) & trips.service_id.isin(service_ids)]
    if "direction_id" in trips.columns and direction is not None:
        trips = trips[trips.direction_id == str(direction)]
    st = t["stop_times.txt"]
    st = st[st.trip_id.isin(trips.trip_id)].copy()
    st["seq"] = st.stop_sequence.astype(int)
    st["dep"] = st.departure_time.map(to_secs)
    if timepoints == "auto":
        if "timepoint" in st.columns and (st.timepoint == "1").any():
            cols = st[st.timepoint == "1"].groupby("stop_id").seq.median().sort_values().index.tolist()
        else:
            order = st.groupby("stop_id").seq.median().sort_values().index.tolist()
            step = max(1, len(order) // 7)
            cols = order[::step][:7] + [order[-1]] if order else []
    else:
        cols = timepoints.split(",")
    names = t["stops.txt"].set_index("stop_id").stop_name.to_dict()
    rows = []
    for trip_id, g in st.groupby("trip_id"):
        times = g.set_index("stop_id").dep.to_dict()
        rows.append([times.get(c) for c in cols])
    rows.sort(key=lambda r: next((x for x in r if x is not None), 0))
    return [names.get(c, c) for c in cols], rows


def render_html(title, header, rows):
    out = [f"<h2>{html.escape(title)}</h2>", "<table><thead><tr>"]
    out += [f"<th>{html.escape(h)}</th>" for h in header]
    out.append("</tr></thead><tbody>")
    for r in rows:
        out.append("<tr>" + "".join(f"<td>{fmt(x) if x is not None else '—'}</td>" for x in r) + "</tr>")
    out.append("</tbody></table>")
    return "\n".join(out)


def cmd_build(a):
    t = read_feed(a.feed)
    today = date.today()
    groups = {}
    for sid in set(t["trips.txt"].service_id):
        groups.setdefault(label(active_dates(t, sid, today, today + timedelta(days=90))), []).append(sid)
    routes = t["routes.txt"]
    chosen = routes if a.all_routes else routes[(routes.route_short_name == a.route) | (routes.route_id == a.route)]
    out = Path(a.output)
    css = "<style>table{border-collapse:collapse;font:11px sans-serif}td,th{border:1px solid #999;padding:2px 4px}</style>"
    docs = []
    for _, r in chosen.iterrows():
        for svc, sids in groups.items():
            if a.service and svc != a.service:
                continue
            for direction in (0, 1):
                header, rows = build_grid(t, r.route_id, sids, direction, a.timepoints)
                if rows:
                    docs.append(render_html(f"Route {r.route_short_name} — {svc} — direction {direction}", header, rows))
    body = css + "\n".join(docs)
    if a.format == "html":
        target = out if out.suffix else out / "timetables.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(body, encoding="utf-8")
    elif a.format == "pdf":
        from weasyprint import HTML
        target = out if out.suffix else out / "timetables.pdf"
        target.parent.mkdir(parents=True, exist_ok=True)
        HTML(string=body).write_pdf(target)
    else:
        target = out if out.suffix else out / "timetables.csv"
        target.parent.mkdir(parents=True, exist_ok=True)
        pd.read_html(io.StringIO(body))[0].to_csv(target, index=False)
    print(f"wrote {target} ({len(docs)} sheets)")
    return 0


def main():
    ap = argparse.ArgumentParser(prog="gtfs_tt")
    sub = ap.add_subparsers(dest="cmd", required=True)
    v = sub.add_parser("validate"); v.add_argument("feed")
    s = sub.add_parser("services"); s.add_argument("feed")
    s.add_argument("--from", dest="date_from", default=str(date.today()))
    s.add_argument("--to", dest="date_to", default=str(date.today() + timedelta(days=90)))
    b = sub.add_parser("build"); b.add_argument("feed")
    b.add_argument("--route"); b.add_argument("--all-routes", action="store_true")
    b.add_argument("--service"); b.add_argument("--timepoints", default="auto")
    b.add_argument("--format", choices=["html", "pdf", "csv"], default="html")
    b.add_argument("--headway-text", action="store_true"); b.add_argument("--pickup-notes", action="store_true")
    b.add_argument("-o", "--output", required=True)
    a = ap.parse_args()
    sys.exit({"validate": cmd_validate, "services": cmd_services, "build": cmd_build}[a.cmd](a))


if __name__ == "__main__":
    main()
