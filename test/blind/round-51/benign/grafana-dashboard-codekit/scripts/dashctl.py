#!/usr/bin/env python3
"""Build, lint, pull and push Grafana dashboards.

build/lint are offline. pull/push use GRAFANA_URL + GRAFANA_TOKEN.
"""
import argparse
import json
import os
import re
import sys
import urllib.error
import urllib.request

try:
    import yaml
except ImportError:  # build needs it, pull/push/lint don't
    yaml = None


# ---------- build ----------

def _target(expr, ref="A", ds="${datasource}"):
    return {"refId": ref, "expr": expr.strip(), "datasource": {"uid": ds}}


def _panel(p, pid, x, y, ds_type):
    w = p.get("width", 12)
    h = p.get("height", 8)
    ptype = p.get("type", "timeseries")
    panel = {
        "id": pid,
        "type": ptype,
        "title": p["title"],
        "gridPos": {"x": x, "y": y, "w": w, "h": h},
        "datasource": {"type": "loki" if ptype == "logs" else ds_type, "uid": "${datasource}"},
        "targets": [_target(p["expr"])],
        "fieldConfig": {"defaults": {}, "overrides": []},
        "options": {},
    }
    if "unit" in p:
        panel["fieldConfig"]["defaults"]["unit"] = p["unit"]
    if "thresholds" in p:
        steps = [{"color": "green", "value": None}]
        colors = ["orange", "red", "dark-red"]
        for i, v in enumerate(p["thresholds"]):
            steps.append({"color": colors[min(i, 2)], "value": v})
        panel["fieldConfig"]["defaults"]["thresholds"] = {"mode": "absolute", "steps": steps}
    if ptype == "logs":
        panel["options"] = {"showTime": True, "wrapLogMessage": True, "sortOrder": "Descending"}
    return panel, w, h


def build(spec):
    ds_type = spec.get("datasource_type", spec.get("datasource", "prometheus"))
    templating = [{
        "name": "datasource", "type": "datasource", "query": ds_type,
        "current": {}, "hide": 0, "label": "Data source",
    }]
    for v in spec.get("variables", []):
        templating.append({
            "name": v["name"], "type": "query", "query": v["query"],
            "datasource": {"uid": "${datasource}"}, "refresh": 2,
            "multi": bool(v.get("multi")), "includeAll": bool(v.get("multi")),
        })

    panels, pid, y = [], 1, 0
    for row in spec.get("rows", []):
        panels.append({"id": pid, "type": "row", "title": row["title"], "collapsed": False,
                       "gridPos": {"x": 0, "y": y, "w": 24, "h": 1}, "panels": []})
        pid += 1
        y += 1
        x, row_h = 0, 0
        for p in row.get("panels", []):
            panel, w, h = _panel(p, pid, x, y, ds_type)
            if x + w > 24:
                x, y = 0, y + row_h
                row_h = 0
                panel["gridPos"].update({"x": x, "y": y})
            panels.append(panel)
            pid += 1
            x += w
            row_h = max(row_h, h)
        y += row_h

    return {
        "uid": spec["uid"],
        "title": spec["title"],
        "tags": spec.get("tags", []),
        "timezone": "browser",
        "schemaVersion": 39,
        "refresh": spec.get("refresh", "1m"),
        "time": {"from": spec.get("time_from", "now-6h"), "to": "now"},
        "templating": {"list": templating},
        "panels": panels,
        "editable": True,
    }


# ---------- lint ----------

def lint(dash, name):
    problems = []
    ids = [p.get("id") for p in dash.get("panels", [])]
    if len(ids) != len(set(ids)):
        problems.append("duplicate panel ids")
    for p in dash.get("panels", []):
        ds = (p.get("datasource") or {})
        uid = ds.get("uid") if isinstance(ds, dict) else ds
        if p.get("type") != "row" and uid and not str(uid).startswith("$"):
            problems.append(f"panel '{p.get('title')}' hard-codes datasource uid {uid!r}")
        for t in p.get("targets", []):
            expr = t.get("expr", "")
            if re.search(r"rate\([^\[]*\[\d+[smh]\]", expr):
                problems.append(f"panel '{p.get('title')}' uses a fixed rate window; prefer $__rate_interval")
    if dash.get("time", {}).get("from", "").startswith("20"):
        problems.append("absolute time range saved in dashboard")
    for msg in problems:
        print(f"{name}: {msg}")
    return not problems


# ---------- API ----------

def _api(method, path, body=None):
    url = os.environ.get("GRAFANA_URL")
    token = os.environ.get("GRAFANA_TOKEN")
    if not url or not token:
        sys.exit("set GRAFANA_URL and GRAFANA_TOKEN first")
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url.rstrip("/") + path, data=data, method=method, headers={
        "Authorization": f"Bearer {token}",
        "Content-Type": "application/json",
        "Accept": "application/json",
    })
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        sys.exit(f"{method} {path}: HTTP {e.code} {e.read().decode(errors='replace')[:300]}")


def pull(uid, out):
    res = _api("GET", f"/api/dashboards/uid/{uid}")
    dash = res["dashboard"]
    dash.pop("id", None)
    dash.pop("version", None)
    with open(out, "w") as f:
        json.dump(dash, f, indent=2, sort_keys=True)
        f.write("\n")
    print(f"pulled '{dash['title']}' (folder: {res['meta'].get('folderTitle')}) -> {out}")


def push(path, folder_uid, message):
    with open(path) as f:
        dash = json.load(f)
    dash.pop("id", None)
    res = _api("POST", "/api/dashboards/db", {
        "dashboard": dash, "folderUid": folder_uid, "overwrite": True,
        "message": message or f"dashctl push {os.path.basename(path)}",
    })
    print(f"{res.get('status')}: {res.get('url')} (version {res.get('version')})")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build"); b.add_argument("spec"); b.add_argument("-o", "--out", required=True)
    l = sub.add_parser("lint"); l.add_argument("files", nargs="+")
    p = sub.add_parser("pull"); p.add_argument("uid"); p.add_argument("-o", "--out", required=True)
    s = sub.add_parser("push"); s.add_argument("file"); s.add_argument("--folder-uid", required=True)
    s.add_argument("--message", default="")
    a = ap.parse_args()

    if a.cmd == "build":
        if yaml is None:
            sys.exit("pip install pyyaml==6.0.2")
        with open(a.spec) as f:
            dash = build(yaml.safe_load(f))
        os.makedirs(os.path.dirname(a.out) or ".", exist_ok=True)
        with open(a.out, "w") as f:
            json.dump(dash, f, indent=2)
            f.write("\n")
        print(f"wrote {a.out} ({len(dash['panels'])} panels incl. rows)")
    elif a.cmd == "lint":
        ok = True
        for fn in a.files:
            with open(fn) as f:
                ok &= lint(json.load(f), fn)
        sys.exit(0 if ok else 1)
    elif a.cmd == "pull":
        pull(a.uid, a.out)
    elif a.cmd == "push":
        push(a.file, a.folder_uid, a.message)


if __name__ == "__main__":
    main()
