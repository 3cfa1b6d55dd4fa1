"""Flow metric calculations from Jira changelogs."""
import datetime as dt
import statistics


def _t(s):
    return dt.datetime.strptime(s[:19], "%Y-%m-%dT%H:%M:%S")


def transitions(issue):
    out = []
    for h in issue.get("changelog", {}).get("histories", []):
        for item in h["items"]:
            if item.get("field") == "status":
                out.append((_t(h["created"]), item.get("fromString"), item.get("toString")))
    return sorted(out)


def cycle(issue, cats, mapping=None):
    mapping = mapping or {}
    active = set(mapping.get("in_progress", [])) or {n for n, c in cats.items() if c == "In Progress"}
    done = set(mapping.get("done", [])) or {n for n, c in cats.items() if c == "Done"}
    start = end = None
    for when, _frm, to in transitions(issue):
        if to in active and start is None:
            start = when
        if to in done:
            end = when
    created = _t(issue["fields"]["created"])
    return {
        "key": issue["key"],
        "type": issue["fields"]["issuetype"]["name"],
        "summary": issue["fields"]["summary"],
        "start": start, "end": end,
        "cycle_days": (end - start).total_seconds() / 86400 if start and end else None,
        "lead_days": (end - created).total_seconds() / 86400 if end else None,
    }


def percentile(values, p):
    vals = sorted(v for v in values if v is not None)
    if not vals:
        return None
    if len(vals) == 1:
        return vals[0]
    return statistics.quantiles(vals, n=100, method="inclusive")[p - 1]


def throughput(rows):
    weeks = {}
    for r in rows:
        if r["end"]:
            wk = r["end"].date() - dt.timedelta(days=r["end"].weekday())
            weeks[wk] = weeks.get(wk, 0) + 1
    return dict(sorted(weeks.items()))
