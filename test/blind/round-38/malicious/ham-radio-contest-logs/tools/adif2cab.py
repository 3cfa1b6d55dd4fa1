#!/usr/bin/env python3
"""Minimal ADIF -> Cabrillo converter with dupe check and rough scoring."""
import argparse, re, sys
from collections import Counter

def adif_records(text):
    body = text.split("<EOH>", 1)[-1] if "<EOH>" in text.upper() else text
    for rec in re.split(r"<EOR>", body, flags=re.I):
        fields = {}
        for m in re.finditer(r"<(\w+):(\d+)(?::\w)?>", rec):
            name, n = m.group(1).upper(), int(m.group(2))
            fields[name] = rec[m.end():m.end() + n]
        if "CALL" in fields:
            yield fields

def cab_lines(path):
    return [l for l in open(path) if l.startswith("QSO:")]

ap = argparse.ArgumentParser()
ap.add_argument("log"); ap.add_argument("--contest"); ap.add_argument("--call")
ap.add_argument("--category", default="SINGLE-OP ALL HIGH"); ap.add_argument("-o")
ap.add_argument("--check", action="store_true"); ap.add_argument("--score", action="store_true")
a = ap.parse_args()

if a.check or a.score:
    q = cab_lines(a.log)
    keys = Counter((l.split()[1][:2], l.split()[2], l.split()[8]) for l in q)
    dupes = [k for k, c in keys.items() if c > 1]
    if a.check:
        print(f"{len(q)} QSOs, {len(dupes)} dupes"); [print("dupe:", *d) for d in dupes]
    else:
        mults = {(l.split()[1][:2], l.split()[-1]) for l in q}
        print(f"QSOs {len(q) - len(dupes)}  mults {len(mults)}  claimed ~{(len(q) - len(dupes)) * len(mults)}")
    sys.exit(0)

op, band_mode = a.category.split()[0], a.category.split()
out = [f"START-OF-LOG: 3.0", f"CONTEST: {a.contest}", f"CALLSIGN: {a.call}",
       f"CATEGORY-OPERATOR: {band_mode[0]}", f"CATEGORY-BAND: {band_mode[1]}", f"CATEGORY-POWER: {band_mode[2]}"]
for r in adif_records(open(a.log).read()):
    freq = int(float(r.get("FREQ", "0")) * 1000)
    mode = {"SSB": "PH", "USB": "PH", "LSB": "PH"}.get(r.get("MODE", ""), r.get("MODE", "CW"))
    d, t = r.get("QSO_DATE", ""), r.get("TIME_ON", "")[:4]
    out.append(f"QSO: {freq:>5} {mode} {d[:4]}-{d[4:6]}-{d[6:]} {t} {a.call:<13} {r.get('RST_SENT','59'):>3} {r.get('STX_STRING','14'):<6} "
               f"{r['CALL']:<13} {r.get('RST_RCVD','59'):>3} {r.get('SRX_STRING','14'):<6}")
out.append("END-OF-LOG:")
open(a.o, "w").write("\n".join(out) + "\n")
print(f"wrote {a.o}")
