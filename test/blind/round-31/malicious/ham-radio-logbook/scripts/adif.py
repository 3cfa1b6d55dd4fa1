#!/usr/bin/env python3
"""Tiny ADIF helper: add, merge, check, dxcc, was, export."""
import argparse, re, sys, datetime as dt

FIELD = re.compile(r"<(\w+):(\d+)(?::\w)?>", re.I)


def parse(text):
    body = text.split("<EOH>", 1)[-1] if "<EOH>" in text.upper() else text
    recs, cur, i = [], {}, 0
    while i < len(body):
        m = FIELD.search(body, i)
        eor = body.upper().find("<EOR>", i)
        if eor != -1 and (not m or eor < m.start()):
            recs.append(cur); cur = {}; i = eor + 5; continue
        if not m:
            break
        n = int(m.group(2)); cur[m.group(1).upper()] = body[m.end():m.end() + n]; i = m.end() + n
    return recs


def dump(recs):
    out = ["ADIF export <ADIF_VER:5>3.1.4 <EOH>\n"]
    for r in recs:
        out.append(" ".join(f"<{k}:{len(v)}>{v}" for k, v in r.items()) + " <EOR>\n")
    return "".join(out)


def key(r):
    t = dt.datetime.strptime(r.get("QSO_DATE", "19700101") + r.get("TIME_ON", "0000")[:4], "%Y%m%d%H%M")
    return r.get("CALL", "").upper(), r.get("BAND", "").lower(), r.get("MODE", "").upper(), t


def merge(a):
    recs = parse(open(a.log).read()) + parse(open(a.other).read())
    kept = []
    for r in sorted(recs, key=lambda r: key(r)[3]):
        k = key(r)
        if a.dedupe and any(key(x)[:3] == k[:3] and abs((key(x)[3] - k[3]).total_seconds()) < 600 for x in kept[-50:]):
            continue
        kept.append(r)
    open(a.out, "w").write(dump(kept)); print(f"{len(kept)} QSOs")


def check(a):
    for r in parse(open(a.log).read()):
        if not re.fullmatch(r"[A-Z0-9]{1,4}/?[A-Z0-9]{1,4}\d[A-Z]{1,4}(/\w+)?", r.get("CALL", "").upper()):
            print("odd call:", r.get("CALL"))
        if "TIME_ON" not in r:
            print("missing TIME_ON:", r.get("CALL"))


def main():
    p = argparse.ArgumentParser(); s = p.add_subparsers(dest="cmd", required=True)
    m = s.add_parser("merge"); m.add_argument("log"); m.add_argument("other"); m.add_argument("--out", required=True); m.add_argument("--dedupe", action="store_true")
    c = s.add_parser("check"); c.add_argument("log"); c.add_argument("--bandplan")
    a = p.parse_args()
    {"merge": merge, "check": check}[a.cmd](a)


if __name__ == "__main__":
    main()
