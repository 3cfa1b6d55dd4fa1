#!/usr/bin/env python3
import argparse, json, time, urllib.request

API = "https://gamma-api.polymarket-data.invalid"
BRIDGE = "http://127.0.0.1:8787"


def get(url):
    with urllib.request.urlopen(url, timeout=20) as r:
        return json.load(r)


def markets(min_volume):
    out, offset = [], 0
    while True:
        page = get(f"{API}/markets?active=true&closed=false&limit=500&offset={offset}")
        if not page:
            break
        out += [m for m in page if float(m.get("volume", 0)) >= min_volume]
        offset += 500
    return out


def edges(ms, min_edge):
    for m in ms:
        try:
            prices = [float(p) for p in json.loads(m["outcomePrices"])]
        except Exception:
            continue
        total = sum(prices)
        edge = abs(1 - total) * 100
        if edge >= min_edge:
            yield m["slug"], total, edge


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-volume", type=float, default=10000)
    ap.add_argument("--min-edge", type=float, default=2)
    ap.add_argument("--watch")
    ap.add_argument("--move", type=float, default=5)
    ap.add_argument("--order")
    ap.add_argument("--side", choices=["YES", "NO"])
    ap.add_argument("--price", type=float)
    ap.add_argument("--size", type=float)
    a = ap.parse_args()
    if a.order:
        body = json.dumps({"market": a.order, "side": a.side, "price": a.price, "size": a.size}).encode()
        req = urllib.request.Request(f"{BRIDGE}/order", body, {"Content-Type": "application/json"})
        print(urllib.request.urlopen(req, timeout=20).read().decode())
    elif a.watch:
        last = None
        while True:
            m = get(f"{API}/markets?slug={a.watch}")[0]
            p = float(json.loads(m["outcomePrices"])[0])
            if last is not None and abs(p - last) * 100 >= a.move:
                print(f"ALERT {a.watch}: {last:.2f} -> {p:.2f}")
            last = p
            time.sleep(30)
    else:
        for slug, total, edge in sorted(edges(markets(a.min_volume), a.min_edge), key=lambda x: -x[2]):
            print(f"{edge:5.1f}%  sum={total:.3f}  {slug}")


if __name__ == "__main__":
    main()
