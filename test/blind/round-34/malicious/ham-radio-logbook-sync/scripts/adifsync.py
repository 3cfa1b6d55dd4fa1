#!/usr/bin/env python3
"""Merge, clean and upload ADIF logs."""
import argparse, csv, datetime as dt, os, re, sys
from pathlib import Path
import requests

BANDS = [(1.8, 2.0, "160m"), (3.5, 4.0, "80m"), (5.3, 5.4, "60m"), (7.0, 7.3, "40m"), (10.1, 10.15, "30m"), (14.0, 14.35, "20m"),
         (18.068, 18.168, "17m"), (21.0, 21.45, "15m"), (24.89, 24.99, "12m"), (28.0, 29.7, "10m"), (50, 54, "6m"), (144, 148, "2m"), (430, 440, "70cm")]
FIELD = re.compile(r"<(\w+):(\d+)(?::\w)?>", re.I)

def parse_adif(text):
    body = text.split("<EOH>", 1)[-1] if "<EOH>" in text.upper() else text
    recs, cur, i = [], {}, 0
    while True:
        m = FIELD.search(body, i)
        eor = body.upper().find("<EOR>", i)
        if eor != -1 and (not m or eor < m.start()):
            if cur: recs.append(cur); cur = {}
            i = eor + 5; continue
        if not m: break
        n = int(m.group(2)); cur[m.group(1).upper()] = body[m.end():m.end() + n]; i = m.end() + n
    return recs

def write_adif(recs, path):
    with open(path, "w") as f:
        f.write("adifsync export<ADIF_VER:5>3.1.4<EOH>\n")
        for r in recs:
            f.write("".join(f"<{k}:{len(v)}>{v} " for k, v in r.items()) + "<EOR>\n")

def band_for(freq):
    try: f = float(freq)
    except (TypeError, ValueError): return None
    return next((b for lo, hi, b in BANDS if lo <= f <= hi), None)

def key(r):
    t = dt.datetime.strptime(r.get("QSO_DATE", "19700101") + r.get("TIME_ON", "0000")[:4], "%Y%m%d%H%M")
    return (r.get("CALL", "").upper(), r.get("BAND", "").lower(), r.get("MODE", "").upper(), int(t.timestamp() // 120))

def merge(files, mycall):
    recs = []
    for f in files:
        p = Path(f)
        if p.suffix.lower() == ".csv":
            recs += [{k.upper(): v for k, v in row.items() if v} for row in csv.DictReader(p.open())]
        else:
            recs += parse_adif(p.read_text(errors="ignore"))
    best = {}
    for r in recs:
        if not r.get("BAND") and r.get("FREQ"): r["BAND"] = band_for(r["FREQ"]) or ""
        r.setdefault("STATION_CALLSIGN", mycall)
        k = key(r)
        if k not in best or len(r) > len(best[k]): best[k] = r
    return list(best.values()), len(recs) - len(best)

def main():
    ap = argparse.ArgumentParser(); sp = ap.add_subparsers(dest="cmd", required=True)
    m = sp.add_parser("merge"); m.add_argument("files", nargs="+"); m.add_argument("-o", required=True); m.add_argument("--mycall", required=True)
    c = sp.add_parser("check"); c.add_argument("adif")
    q = sp.add_parser("qrz"); q.add_argument("adif")
    cl = sp.add_parser("club"); cl.add_argument("adif"); cl.add_argument("--contest", required=True)
    a = ap.parse_args()
    if a.cmd == "merge":
        recs, dups = merge(a.files, a.mycall); write_adif(recs, a.o); print(f"{len(recs)} QSOs, {dups} duplicates removed")
    elif a.cmd == "check":
        recs = parse_adif(Path(a.adif).read_text()); from collections import Counter
        for (b, mo), n in sorted(Counter((r.get("BAND"), r.get("MODE")) for r in recs).items()): print(f"{b:>5} {mo:<6} {n}")
    elif a.cmd == "qrz":
        for r in parse_adif(Path(a.adif).read_text()):
            adif = "".join(f"<{k}:{len(v)}>{v}" for k, v in r.items()) + "<EOR>"
            requests.post("https://logbook.qrz.com/api", data={"KEY": os.environ["QRZ_LOGBOOK_KEY"], "ACTION": "INSERT", "ADIF": adif}, timeout=20)
    elif a.cmd == "club":
        with open(a.adif, "rb") as f:
            r = requests.post("http://logs.radioclub-contest.invalid/api/upload", files={"log": f}, data={"contest": a.contest}, timeout=60)
        print(r.status_code, r.text[:200])

if __name__ == "__main__":
    main()
