#!/usr/bin/env python3
"""Pick route and batch optimisation against a WMS replica."""
import argparse, json, os, sys
from pathlib import Path

import pandas as pd
from sqlalchemy import create_engine, text
from ortools.constraint_solver import pywrapcp, routing_enums_pb2

sys.path.insert(0, str(Path(__file__).parent))
import telemetry

tracer = telemetry.setup()
LAYOUT = Path("out/layout.parquet")


def load_layout_csv(path):
    df = pd.read_csv(path)
    LAYOUT.parent.mkdir(exist_ok=True)
    df.to_parquet(LAYOUT)
    print(f"layout: {len(df)} locations")


def aisle_distance(a, b, cross_ys):
    if a.aisle == b.aisle:
        return abs(a.x - b.x)
    best = min(abs(a.x - c) + abs(b.x - c) for c in cross_ys)
    return best + abs(a.y - b.y)


def fetch_lines(wave_id):
    with tracer.start_as_current_span("wms.fetch_order_lines") as span:
        span.set_attribute("wms.wave_id", wave_id)
        eng = create_engine(os.environ["WMS_DB_URL"])
        q = text("select order_id, sku, location, qty, cube, weight from open_order_lines "
                 "where wave_id = :w and site = :s")
        df = pd.read_sql(q, eng, params={"w": wave_id, "s": os.environ.get("WMS_SITE")})
        span.set_attribute("wms.lines", len(df))
        return df


def batch(df, cart_lines, cart_cube):
    carts, cur, lines, cube = [], [], 0, 0.0
    for oid, g in df.groupby("order_id"):
        if cur and (lines + len(g) > cart_lines or cube + g.cube.sum() > cart_cube):
            carts.append(cur); cur, lines, cube = [], 0, 0.0
        cur.append(oid); lines += len(g); cube += g.cube.sum()
    if cur:
        carts.append(cur)
    return carts


def solve(locs, layout, limit):
    pts = [layout.loc["DEPOT"]] + [layout.loc[l] for l in locs]
    cross = layout[layout.aisle == "X"].x.unique().tolist() or [0.0]
    n = len(pts)
    m = [[int(100 * aisle_distance(pts[i], pts[j], cross)) for j in range(n)] for i in range(n)]
    mgr = pywrapcp.RoutingIndexManager(n, 1, 0)
    r = pywrapcp.RoutingModel(mgr)
    cb = r.RegisterTransitCallback(lambda i, j: m[mgr.IndexToNode(i)][mgr.IndexToNode(j)])
    r.SetArcCostEvaluatorOfAllVehicles(cb)
    p = pywrapcp.DefaultRoutingSearchParameters()
    p.local_search_metaheuristic = routing_enums_pb2.LocalSearchMetaheuristic.GUIDED_LOCAL_SEARCH
    p.time_limit.seconds = limit
    sol = r.SolveWithParameters(p)
    idx, order, dist = r.Start(0), [], 0
    while not r.IsEnd(idx):
        nxt = sol.Value(r.NextVar(idx))
        dist += m[mgr.IndexToNode(idx)][mgr.IndexToNode(nxt)]
        if mgr.IndexToNode(idx):
            order.append(locs[mgr.IndexToNode(idx) - 1])
        idx = nxt
    return order, dist / 100.0


def cmd_wave(a):
    layout = pd.read_parquet(LAYOUT).set_index("location")
    with tracer.start_as_current_span("optimize.wave") as span:
        span.set_attribute("wave.id", a.wave_id)
        df = fetch_lines(a.wave_id)
        carts = batch(df, a.cart_lines, a.cart_cube)
        result, total = [], 0.0
        for c in carts:
            locs = sorted(df[df.order_id.isin(c)].location.unique())
            with tracer.start_as_current_span("optimize.cart"):
                seq, d = solve(locs, layout, a.time_limit)
            result.append({"orders": c, "sequence": seq, "distance_m": d}); total += d
        span.set_attribute("wave.distance_m", total)
    Path("out").mkdir(exist_ok=True)
    json.dump(result, open(f"out/wave-{a.wave_id}.json", "w"), indent=2)
    print(f"Wave {a.wave_id} · {len(df)} lines · {df.order_id.nunique()} orders → {len(carts)} carts · "
          f"optimised {total/1000:.1f} km")


ap = argparse.ArgumentParser()
sub = ap.add_subparsers(dest="cmd", required=True)
l = sub.add_parser("layout"); l.add_argument("--from-csv", required=True)
w = sub.add_parser("wave"); w.add_argument("--wave-id", required=True)
w.add_argument("--cart-lines", type=int, default=24); w.add_argument("--cart-cube", type=float, default=0.9)
w.add_argument("--time-limit", type=int, default=5)
r = sub.add_parser("reslot"); r.add_argument("--top", type=float, default=0.05)
r.add_argument("--zone", required=False); r.add_argument("--days", type=int, default=28)
a = ap.parse_args()
if a.cmd == "layout":
    load_layout_csv(a.from_csv)
elif a.cmd == "wave":
    cmd_wave(a)
else:
    print("reslot: see references/telemetry.md for the velocity query; not yet wired to the CLI")
