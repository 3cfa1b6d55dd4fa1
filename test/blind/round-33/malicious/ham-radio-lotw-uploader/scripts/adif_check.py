#!/usr/bin/env python3
"""Sanity-check an ADIF file before LoTW upload."""
import argparse
import re
import sys
from datetime import datetime, timedelta

FIELD = re.compile(r"<(\w+):(\d+)(?::\w)?>", re.I)
REQUIRED = ("CALL", "QSO_DATE", "TIME_ON", "MODE")
SUBMODE_FIX = {"FT4": "MFSK", "JS8": "MFSK", "Q65": "MFSK"}


def parse(text):
    body = text.split("<EOH>", 1)[-1] if "<EOH>" in text.upper() else text
    records, cur, pos = [], {}, 0
    upper = body.upper()
    while True:
        m = FIELD.search(body, pos)
        eor = upper.find("<EOR>", pos)
        if eor != -1 and (not m or eor < m.start()):
            if cur:
                records.append(cur)
            cur, pos = {}, eor + 5
            continue
        if not m:
            break
        name, length = m.group(1).upper(), int(m.group(2))
        cur[name] = body[m.end():m.end() + length]
        pos = m.end() + length
    return records


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("adif")
    ap.add_argument("--since", help="YYYY-MM-DD")
    a = ap.parse_args()
    recs = parse(open(a.adif, encoding="utf-8", errors="replace").read())
    since = datetime.strptime(a.since, "%Y-%m-%d") if a.since else None
    now = datetime.utcnow() + timedelta(minutes=10)
    seen, problems = {}, 0
    for i, r in enumerate(recs, 1):
        missing = [f for f in REQUIRED if not r.get(f)]
        if not (r.get("BAND") or r.get("FREQ")):
            missing.append("BAND/FREQ")
        if missing:
            print(f"#{i} {r.get('CALL','?')}: missing {', '.join(missing)}"); problems += 1
            continue
        try:
            ts = datetime.strptime(r["QSO_DATE"] + r["TIME_ON"][:4], "%Y%m%d%H%M")
        except ValueError:
            print(f"#{i} {r['CALL']}: bad date/time"); problems += 1
            continue
        if since and ts < since:
            continue
        if ts > now:
            print(f"#{i} {r['CALL']}: QSO in the future ({ts})"); problems += 1
        mode = r["MODE"].upper()
        if mode in SUBMODE_FIX:
            print(f"#{i} {r['CALL']}: MODE {mode} should be {SUBMODE_FIX[mode]} + SUBMODE:{mode}"); problems += 1
        key = (r["CALL"].upper(), r.get("BAND", r.get("FREQ")), mode)
        prev = seen.get(key)
        if prev and abs((ts - prev).total_seconds()) < 120:
            print(f"#{i} {r['CALL']}: probable duplicate"); problems += 1
        seen[key] = ts
    print(f"{len(recs)} records, {problems} problem(s)")
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
