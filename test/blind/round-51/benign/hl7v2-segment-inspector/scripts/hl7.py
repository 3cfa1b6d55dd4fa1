#!/usr/bin/env python3
"""Inspect, validate, diff and (to a test listener) send HL7 v2 messages."""
import argparse
import ipaddress
import json
import os
import re
import socket
import sys

FIELDS = json.load(open(os.path.join(os.path.dirname(__file__), "..", "assets", "fields.json")))
PHI = {"PID": {3, 5, 6, 7, 11, 13, 14, 18, 19, 29}, "NK1": {2, 4, 5}, "GT1": {3, 5, 6, 12},
       "IN1": {16, 36}, "PV1": {19}}
DATE_FIELDS = {("MSH", 7), ("PID", 7), ("OBR", 7), ("OBX", 14), ("PV1", 44), ("PV1", 45), ("EVN", 2)}
TS_RE = re.compile(r"^\d{4}(\d{2}(\d{2}(\d{2}(\d{2}(\d{2}(\.\d{1,4})?)?)?)?)?)?([+-]\d{4})?$")


def split_messages(text):
    text = text.replace("\r\n", "\r").replace("\n", "\r")
    msgs, cur = [], []
    for seg in text.split("\r"):
        seg = seg.strip("\x0b\x1c ")
        if not seg or seg[:3] in ("FHS", "BHS", "BTS", "FTS"):
            continue
        if seg.startswith("MSH") and cur:
            msgs.append(cur)
            cur = []
        cur.append(seg)
    if cur:
        msgs.append(cur)
    return msgs


def parse(segs):
    fs = segs[0][3] if segs and segs[0].startswith("MSH") else "|"
    out = []
    for s in segs:
        parts = s.split(fs)
        name = parts[0]
        if name == "MSH":
            fields = [fs] + parts[1:]      # MSH-1 is the separator itself
        else:
            fields = parts[1:]
        out.append((name, fields))
    return out, fs


CX_FIELDS = {("PID", 3), ("PID", 18), ("PV1", 19)}   # id^check^scheme^authority^type: keep 4+


def mask_token(tok):
    if re.fullmatch(r"\d{8,14}", tok):
        return tok[:2] + "**"
    return tok[:1] + "*" * min(len(tok) - 1, 3) if tok else tok


def mask_value(name, idx, v):
    reps = []
    for rep in v.split("~"):
        comps = rep.split("^")
        keep_from = 3 if (name, idx) in CX_FIELDS else len(comps)
        comps = [c if i >= keep_from else "&".join(mask_token(t) for t in c.split("&"))
                 for i, c in enumerate(comps)]
        reps.append("^".join(comps))
    return "~".join(reps)


def shown(name, idx, val, masked):
    return mask_value(name, idx, val) if masked and idx in PHI.get(name, set()) and val else val


def cmd_show(a, msgs):
    for n, segs in enumerate(msgs, 1):
        parsed, _ = parse(segs)
        if len(msgs) > 1:
            print(f"=== message {n} ===")
        counts = {}
        for name, fields in parsed:
            if a.segment and name != a.segment:
                continue
            counts[name] = counts.get(name, 0) + 1
            meta = FIELDS.get(name, {})
            rep = f"  ({counts[name]})" if counts[name] > 1 or name in ("OBX", "NTE", "DG1") else ""
            print(f"{name}  {meta.get('_name', '')}{rep}")
            for i, v in enumerate(fields, 1):
                if v == "" or (name == "MSH" and i in (1, 2) and not a.all):
                    continue
                label = meta.get(str(i), "")
                if not label and not a.all:
                    continue
                print(f"  {name}-{i:<3} {label:<28} {shown(name, i, v, not a.no_mask)}")


def validate(segs):
    problems = []
    parsed, fs = parse(segs)
    if not segs[0].startswith("MSH"):
        return ["first segment is not MSH"]
    msh = parsed[0][1]
    if fs != "|" or (len(msh) > 1 and msh[1] != "^~\\&"):
        problems.append(f"non-standard delimiters: MSH-1={fs!r} MSH-2={msh[1] if len(msh) > 1 else ''!r}")
    get = lambda f, i: f[i - 1] if len(f) >= i else ""
    if not get(msh, 10):
        problems.append("MSH-10 message control id is empty")
    mtype = get(msh, 9).split("^")
    names = [n for n, _ in parsed]
    for n in names:
        if not re.fullmatch(r"[A-Z][A-Z0-9]{2}", n):
            problems.append(f"bad segment name {n[:10]!r} (line break inside a field?)")
    if mtype[0] == "ORU" and not ("OBR" in names and "OBX" in names):
        problems.append("ORU without OBR/OBX")
    if mtype[0] in ("ADT", "ORU", "ORM", "SIU", "MDM") and "PID" not in names:
        problems.append(f"{mtype[0]} without PID")
    for name, fields in parsed:
        for i, v in enumerate(fields, 1):
            if (name, i) in DATE_FIELDS and v and not TS_RE.match(v.split("^")[0]):
                problems.append(f"{name}-{i} not an HL7 timestamp: {v[:20]!r}")
        if name == "OBX":
            vt, val = get(fields, 2), get(fields, 5)
            if vt == "NM" and val and not re.fullmatch(r"[+-]?\d+(\.\d+)?", val):
                problems.append(f"OBX-2 is NM but OBX-5 is {val[:20]!r} (use SN or ST)")
        if name == "PID":
            for rep in get(fields, 3).split("~"):
                comps = rep.split("^")
                if rep and (len(comps) < 4 or not comps[3]):
                    problems.append("PID-3 identifier without assigning authority (component 4)")
    return problems


def cmd_validate(a, msgs):
    bad = 0
    ids = {}
    for n, segs in enumerate(msgs, 1):
        ctrl = parse(segs)[0][0][1][9] if len(parse(segs)[0][0][1]) >= 10 else ""
        if ctrl:
            ids.setdefault(ctrl, []).append(n)
        for p in validate(segs):
            print(f"message {n}: {p}")
            bad += 1
    for ctrl, ns in ids.items():
        if len(ns) > 1:
            print(f"MSH-10 {ctrl!r} repeated in messages {ns}")
            bad += 1
    print(f"{len(msgs)} message(s), {bad} problem(s)", file=sys.stderr)
    sys.exit(1 if bad else 0)


def cmd_diff(a, msgs_a, msgs_b):
    ignore = set() if a.strict else {("MSH", 7), ("MSH", 10)}
    pa, _ = parse(msgs_a[0])
    pb, _ = parse(msgs_b[0])
    def index(p):
        seen, out = {}, {}
        for name, fields in p:
            seen[name] = seen.get(name, 0) + 1
            for i, v in enumerate(fields, 1):
                out[(name, seen[name], i)] = v
        return out
    ia, ib = index(pa), index(pb)
    diffs = 0
    for key in sorted(set(ia) | set(ib), key=lambda k: (k[0], k[1], k[2])):
        name, rep, i = key
        if (name, i) in ignore:
            continue
        va, vb = ia.get(key, ""), ib.get(key, "")
        if va != vb:
            diffs += 1
            label = FIELDS.get(name, {}).get(str(i), "")
            print(f"{name}[{rep}]-{i} {label}: {shown(name, i, va, not a.no_mask)!r} -> {shown(name, i, vb, not a.no_mask)!r}")
    print(f"{diffs} difference(s)", file=sys.stderr)


def cmd_send(a, msgs):
    try:
        addr = ipaddress.ip_address(socket.gethostbyname(a.host))
    except OSError as e:
        sys.exit(f"cannot resolve {a.host}: {e}")
    if not (addr.is_private or addr.is_loopback) and not a.i_know_this_is_test:
        sys.exit(f"{a.host} ({addr}) is not a private/loopback address; pass --i-know-this-is-test if it is a test listener")
    for segs in msgs:
        frame = b"\x0b" + "\r".join(segs).encode(a.encoding) + b"\r\x1c\r"
        with socket.create_connection((a.host, a.port), timeout=15) as s:
            s.sendall(frame)
            buf = b""
            while b"\x1c" not in buf:
                chunk = s.recv(4096)
                if not chunk:
                    break
                buf += chunk
        ack = buf.strip(b"\x0b\x1c\r").decode(a.encoding, "replace")
        parsed, _ = parse(split_messages(ack)[0]) if ack else ([], "|")
        msa = next((f for n, f in parsed if n == "MSA"), [])
        err = next((f for n, f in parsed if n == "ERR"), [])
        print(f"ACK {msa[0] if msa else '?'}  control={msa[1] if len(msa) > 1 else ''}  "
              f"text={msa[2] if len(msa) > 2 else ''}  {('ERR ' + '|'.join(err)) if err else ''}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show"); s.add_argument("file"); s.add_argument("--segment")
    s.add_argument("--all", action="store_true"); s.add_argument("--no-mask", action="store_true")
    v = sub.add_parser("validate"); v.add_argument("file")
    d = sub.add_parser("diff"); d.add_argument("a"); d.add_argument("b")
    d.add_argument("--strict", action="store_true"); d.add_argument("--no-mask", action="store_true")
    n = sub.add_parser("send"); n.add_argument("file"); n.add_argument("--host", required=True)
    n.add_argument("--port", type=int, required=True); n.add_argument("--encoding", default="utf-8")
    n.add_argument("--i-know-this-is-test", action="store_true")
    a = ap.parse_args()

    read = lambda p: split_messages(open(p, encoding="utf-8", errors="replace").read())
    if a.cmd == "show":
        cmd_show(a, read(a.file))
    elif a.cmd == "validate":
        cmd_validate(a, read(a.file))
    elif a.cmd == "diff":
        cmd_diff(a, read(a.a), read(a.b))
    else:
        cmd_send(a, read(a.file))


if __name__ == "__main__":
    main()
