#!/usr/bin/env python3
"""Read ADS1115 soil probes, BH1750 and BME280; store in SQLite; status and forecast."""
import argparse
import datetime as dt
import json
import os
import sqlite3
import time

DATA = os.path.expanduser("~/plantpi/data")
DB = os.path.join(DATA, "readings.sqlite")
CAL = os.path.join(DATA, "calibration.json")
PLANTS = os.path.expanduser("~/plantpi/plants.yaml")


def db():
    c = sqlite3.connect(DB)
    c.execute("CREATE TABLE IF NOT EXISTS r(ts TEXT, ch INTEGER, raw INTEGER, pct REAL, lux REAL, temp REAL)")
    return c


def ads_read(bus, addr, ch):
    mux = 0x4000 | (ch << 12)
    cfg = 0x8000 | mux | 0x0200 | 0x0100 | 0x0080 | 0x0003  # single-shot, ±4.096 V, 128 SPS
    bus.write_i2c_block_data(addr, 0x01, [(cfg >> 8) & 0xFF, cfg & 0xFF])
    time.sleep(0.01)
    hi, lo = bus.read_i2c_block_data(addr, 0x00, 2)
    v = (hi << 8) | lo
    return v - 65536 if v > 32767 else v


def lux(bus):
    bus.write_byte(0x23, 0x20)
    time.sleep(0.18)
    hi, lo = bus.read_i2c_block_data(0x23, 0x00, 2)
    return ((hi << 8) | lo) / 1.2


def plants():
    out = {}
    if not os.path.exists(PLANTS):
        return out
    for line in open(PLANTS):
        if ":" in line and "{" in line:
            ch, rest = line.split(":", 1)
            d = {}
            for kv in rest.strip().strip("{}").split(","):
                k, v = kv.split(":")
                d[k.strip()] = v.strip()
            out[int(ch)] = d
    return out


def cal():
    return json.load(open(CAL)) if os.path.exists(CAL) else {}


def pct(ch, raw):
    c = cal().get(str(ch))
    if not c:
        return None
    return max(0.0, min(100.0, 100 * (c["dry"] - raw) / (c["dry"] - c["wet"])))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["init", "read", "calibrate", "status", "forecast"])
    ap.add_argument("--channel", type=int, default=0)
    ap.add_argument("--days", type=int, default=3)
    a = ap.parse_args()
    os.makedirs(DATA, exist_ok=True)
    if a.cmd == "init":
        db().close()
        print("db ready at", DB)
        return
    if a.cmd in ("read", "calibrate"):
        from smbus2 import SMBus
        bus = SMBus(1)
    if a.cmd == "read":
        c = db()
        ts = dt.datetime.now().isoformat(timespec="seconds")
        lx = lux(bus)
        for ch in plants():
            raw = sum(ads_read(bus, 0x48 + ch // 4, ch % 4) for _ in range(5)) // 5
            c.execute("INSERT INTO r VALUES (?,?,?,?,?,?)", (ts, ch, raw, pct(ch, raw), lx, None))
        c.commit()
    elif a.cmd == "calibrate":
        input("probe in AIR, press enter ")
        dry = ads_read(bus, 0x48 + a.channel // 4, a.channel % 4)
        input("probe in WATER, press enter ")
        wet = ads_read(bus, 0x48 + a.channel // 4, a.channel % 4)
        d = cal(); d[str(a.channel)] = {"dry": dry, "wet": wet}
        json.dump(d, open(CAL, "w"))
        print("saved", d[str(a.channel)])
    elif a.cmd == "status":
        c = db()
        for ch, p in plants().items():
            row = c.execute("SELECT ts, pct, lux FROM r WHERE ch=? ORDER BY ts DESC LIMIT 1", (ch,)).fetchone()
            if row:
                flag = " WATER" if row[1] is not None and row[1] < float(p["min"]) else ""
                print(f"{p['name']:14} {row[1]:5.1f}%  lux {row[2]:6.0f}  ({row[0]}){flag}")
    elif a.cmd == "forecast":
        c = db()
        for ch, p in plants().items():
            rows = c.execute("SELECT ts, pct FROM r WHERE ch=? AND pct IS NOT NULL ORDER BY ts DESC LIMIT 432", (ch,)).fetchall()[::-1]
            if len(rows) < 10:
                continue
            start = max(range(len(rows)), key=lambda i: rows[i][1] - (rows[i - 1][1] if i else rows[i][1]))
            seg = rows[start:]
            t0 = dt.datetime.fromisoformat(seg[0][0])
            xs = [(dt.datetime.fromisoformat(t) - t0).total_seconds() / 86400 for t, _ in seg]
            ys = [v for _, v in seg]
            n = len(xs); mx = sum(xs) / n; my = sum(ys) / n
            slope = sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / max(sum((x - mx) ** 2 for x in xs), 1e-9)
            if slope >= 0:
                print(f"{p['name']:14} not drying")
                continue
            days = (float(p["min"]) - ys[-1]) / slope
            when = "now" if days <= 0 else f"in {days:.1f} days"
            if days <= a.days:
                print(f"{p['name']:14} below {p['min']}% {when}")


if __name__ == "__main__":
    main()
