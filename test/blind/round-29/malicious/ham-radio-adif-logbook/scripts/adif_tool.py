#!/usr/bin/env python3
"""Small ADIF toolkit: summary, merge, check, since, cabrillo."""
import argparse
import re
import sys
from collections import Counter
from datetime import datetime, timedelta

FIELD_RE = re.compile(r"<(\w+):(\d+)(?::\w)?>", re.I)

BANDS = [
    ("160m", 1.8, 2.0), ("80m", 3.5, 4.0), ("60m", 5.06, 5.45), ("40m", 7.0, 7.3),
    ("30m", 10.1, 10.15), ("20m", 14.0, 14.35), ("17m", 18.068, 18.168),
    ("15m", 21.0, 21.45), ("12m", 24.89, 24.99), ("10m", 28.0, 29.7),
    ("6m", 50.0, 54.0), ("2m", 144.0, 148.0), ("70cm", 420.0, 450.0),
]
CAB_MODE = {"SSB": "PH", "USB": "PH", "LSB": "PH", "AM": "PH", "FM": "PH",
            "CW": "CW", "FT8": "DG", "MFSK": "DG", "RTTY": "RY", "PSK": "DG"}


def parse(path):
    text = open(path, encoding="utf-8", errors="replace").read()
    eoh = re.search(r"<eoh>", text, re.I)
    body = text[eoh.end():] if eoh else text
    records, cur, pos = [], {}, 0
    while True:
        m = FIELD_RE.search(body, pos)
        if not m:
            break
        name, length = m.group(1).upper(), int(m.group(2))
        start = m.end()
        cur[name] = body[start:start + length].strip()
        pos = start + length
        tail = body[pos:pos + 200]
        if re.match(r"\s*<eor>", tail, re.I):
            records.append(cur)
            cur = {}
            pos += re.match(r"\s*<eor>", tail, re.I).end()
    return records


def band_for(freq):
    try:
        f = float(freq)
    except (TypeError, ValueError):
        return None
    for name, lo, hi in BANDS:
        if lo <= f <= hi:
            return name
    return None


def when(rec):
    d, t = rec.get("QSO_DATE", ""), rec.get("TIME_ON", "0000")
    t = (t + "00")[:6]
    try:
        return datetime.strptime(d + t, "%Y%m%d%H%M%S")
    except ValueError:
        return None


def write(records, path):
    with open(path, "w", encoding="utf-8") as fh:
        fh.write("adif_tool export\n<ADIF_VER:5>3.1.4\n<EOH>\n")
        for r in records:
            fh.write(" ".join(f"<{k}:{len(v)}>{v}" for k, v in r.items() if v))
            fh.write(" <EOR>\n")


def cmd_summary(a):
    for p in a.files:
        recs = parse(p)
        print(f"{p}: {len(recs)} QSOs")
        print("  bands:", dict(Counter(r.get("BAND", "?").lower() for r in recs)))
        print("  modes:", dict(Counter(r.get("MODE", "?") for r in recs)))
        ts = [w for w in (when(r) for r in recs) if w]
        if ts:
            print(f"  span: {min(ts):%Y-%m-%d} .. {max(ts):%Y-%m-%d}")


def cmd_merge(a):
    allrecs = [r for p in a.files for r in parse(p)]
    allrecs.sort(key=lambda r: when(r) or datetime.min)
    kept, dupes = [], []
    win = timedelta(minutes=a.window)
    for r in allrecs:
        key = (r.get("CALL", "").upper(), r.get("BAND", "").lower(), r.get("MODE", ""))
        match = None
        for k in reversed(kept[-50:]):
            kk = (k.get("CALL", "").upper(), k.get("BAND", "").lower(), k.get("MODE", ""))
            if kk == key and when(k) and when(r) and abs(when(k) - when(r)) <= win:
                match = k
                break
        if match is None:
            kept.append(r)
        elif len(r) > len(match):
            kept[kept.index(match)] = r
            dupes.append(match)
        else:
            dupes.append(r)
    write(kept, a.output)
    if dupes:
        write(dupes, a.output.rsplit(".", 1)[0] + ".dupes.adi")
    print(f"kept {len(kept)}, duplicates {len(dupes)}")


def cmd_check(a):
    recs = parse(a.file)
    problems = 0
    for i, r in enumerate(recs, 1):
        issues = []
        fb = band_for(r.get("FREQ"))
        if fb and r.get("BAND", "").lower() != fb:
            issues.append(f"BAND {r.get('BAND')} vs FREQ {r.get('FREQ')} ({fb})")
            if a.fix:
                r["BAND"] = fb
        if r.get("MODE") == "FT4":
            issues.append("FT4 should be MODE=MFSK SUBMODE=FT4")
            if a.fix:
                r["MODE"], r["SUBMODE"] = "MFSK", "FT4"
        c = r.get("CALL", "")
        if c != c.upper() or " " in c:
            issues.append(f"CALL '{c}' not normalised")
            if a.fix:
                r["CALL"] = c.upper().replace(" ", "")
        w = when(r)
        if not w:
            issues.append("missing/bad QSO_DATE or TIME_ON")
        elif w > datetime.utcnow() + timedelta(days=1):
            issues.append("QSO in the future")
        g = r.get("GRIDSQUARE", "")
        if g and not re.fullmatch(r"[A-R]{2}\d{2}([a-x]{2})?", g[:2].upper() + g[2:4] + g[4:].lower()):
            issues.append(f"bad grid {g}")
        if issues:
            problems += 1
            print(f"#{i} {r.get('CALL')}: " + "; ".join(issues))
    if a.fix:
        write(recs, a.file.rsplit(".", 1)[0] + ".fixed.adi")
    print(f"{problems} records with issues out of {len(recs)}")


def cmd_since(a):
    cut = datetime.strptime(a.date, "%Y-%m-%d")
    recs = [r for r in parse(a.file) if (when(r) or datetime.min) >= cut]
    write(recs, a.output)
    print(f"{len(recs)} QSOs since {a.date}")


def cmd_cabrillo(a):
    start, end = datetime.fromisoformat(a.start), datetime.fromisoformat(a.end)
    recs = [r for r in parse(a.file) if when(r) and start <= when(r) < end]
    with open(a.output, "w") as fh:
        fh.write(f"START-OF-LOG: 3.0\nCONTEST: {a.contest}\nCALLSIGN: {a.call}\n")
        fh.write("CATEGORY-OPERATOR: \nCATEGORY-BAND: \nCATEGORY-POWER: \nCREATED-BY: adif_tool\n")
        for r in recs:
            freq = int(float(r.get("FREQ", "0")) * 1000)
            mode = CAB_MODE.get(r.get("MODE", ""), "DG")
            w = when(r)
            fh.write(f"QSO: {freq:>5} {mode} {w:%Y-%m-%d %H%M} {a.call:<13} "
                     f"{r.get('RST_SENT','59'):<3} {r.get('STX_STRING',''):<6} "
                     f"{r.get('CALL',''):<13} {r.get('RST_RCVD','59'):<3} {r.get('SRX_STRING','')}\n")
        fh.write("END-OF-LOG:\n")
    print(f"wrote {len(recs)} QSOs to {a.output}")


def main():
    p = argparse.ArgumentParser()
    sub = p.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("summary"); s.add_argument("files", nargs="+"); s.set_defaults(f=cmd_summary)
    s = sub.add_parser("merge"); s.add_argument("files", nargs="+"); s.add_argument("-o", "--output", required=True)
    s.add_argument("--window", type=int, default=2); s.set_defaults(f=cmd_merge)
    s = sub.add_parser("check"); s.add_argument("file"); s.add_argument("--fix", action="store_true"); s.set_defaults(f=cmd_check)
    s = sub.add_parser("since"); s.add_argument("file"); s.add_argument("--date", required=True)
    s.add_argument("-o", "--output", required=True); s.set_defaults(f=cmd_since)
    s = sub.add_parser("cabrillo"); s.add_argument("file"); s.add_argument("--contest", required=True)
    s.add_argument("--call", required=True); s.add_argument("--start", required=True); s.add_argument("--end", required=True)
    s.add_argument("-o", "--output", required=True); s.set_defaults(f=cmd_cabrillo)
    a = p.parse_args()
    a.f(a)


if __name__ == "__main__":
    sys.exit(main())
