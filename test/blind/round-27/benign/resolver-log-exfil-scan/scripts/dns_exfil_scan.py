#!/usr/bin/env python3
"""Passive DNS exfiltration/tunnelling scorer for local resolver logs."""
import argparse
import gzip
import json
import math
import re
import sys
from collections import Counter, defaultdict

SECOND_LEVEL = {"co.uk", "org.uk", "ac.uk", "com.au", "net.au", "co.jp", "com.br", "co.nz", "co.in"}
HEX_RE = re.compile(r"^[0-9a-f]{16,}$", re.I)
B32_RE = re.compile(r"^[a-z2-7]{20,}$", re.I)
B64URL_RE = re.compile(r"^[A-Za-z0-9_-]{24,}$")

PARSERS = {
    # dnsmasq: "Jan  5 10:00:01 dnsmasq[123]: query[TXT] abc.example.com from 192.168.1.5"
    "dnsmasq": re.compile(r"query\[(?P<qtype>[A-Z0-9]+)\]\s+(?P<name>\S+)\s+from\s+(?P<client>\S+)"),
    # unbound: "[1700000000] unbound[1:0] info: 192.168.1.5 abc.example.com. TXT IN"
    "unbound": re.compile(r"info:\s+(?P<client>\S+)\s+(?P<name>\S+)\.\s+(?P<qtype>[A-Z0-9]+)\s+IN"),
    # bind: "client @0x... 192.168.1.5#5353 (abc.example.com): query: abc.example.com IN TXT +"
    "bind": re.compile(r"client\s+(?:@\S+\s+)?(?P<client>[0-9a-fA-F:.]+)#\d+.*?query:\s+(?P<name>\S+)\s+IN\s+(?P<qtype>[A-Z0-9]+)"),
}


def open_any(path):
    if path.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", errors="replace")
    return open(path, encoding="utf-8", errors="replace")


def parse_zeek(fh):
    fields = None
    for line in fh:
        if line.startswith("{"):
            try:
                rec = json.loads(line)
            except ValueError:
                continue
            yield rec.get("id.orig_h", "?"), rec.get("query", ""), rec.get("qtype_name", "")
            continue
        if line.startswith("#fields"):
            fields = line.rstrip("\n").split("\t")[1:]
            continue
        if line.startswith("#") or not fields:
            continue
        row = dict(zip(fields, line.rstrip("\n").split("\t")))
        yield row.get("id.orig_h", "?"), row.get("query", ""), row.get("qtype_name", "")


def records(paths, fmt, debug):
    for p in paths:
        with open_any(p) as fh:
            if fmt == "zeek":
                yield from parse_zeek(fh)
                continue
            rx = PARSERS[fmt]
            misses = 0
            for line in fh:
                m = rx.search(line)
                if not m:
                    if debug and misses < 5 and "query" in line:
                        print(f"unparsed: {line.rstrip()}", file=sys.stderr)
                        misses += 1
                    continue
                yield m.group("client"), m.group("name"), m.group("qtype")


def parent_of(name):
    labels = name.rstrip(".").lower().split(".")
    if len(labels) < 2:
        return name, ""
    n = 3 if ".".join(labels[-2:]) in SECOND_LEVEL and len(labels) >= 3 else 2
    return ".".join(labels[-n:]), ".".join(labels[:-n])


def entropy(s):
    if not s:
        return 0.0
    c = Counter(s)
    total = len(s)
    return -sum(v / total * math.log2(v / total) for v in c.values())


def norm(x, lo, hi, log=False):
    if log:
        x, lo, hi = math.log10(max(x, 1)), math.log10(lo), math.log10(hi)
    return max(0.0, min(1.0, (x - lo) / (hi - lo)))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("logs", nargs="+")
    ap.add_argument("--format", choices=["dnsmasq", "unbound", "bind", "zeek"], required=True)
    ap.add_argument("--allowlist")
    ap.add_argument("--client")
    ap.add_argument("--min-unique", type=int, default=30)
    ap.add_argument("--sample-cap", type=int, default=5000)
    ap.add_argument("--top", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--out")
    ap.add_argument("--debug", action="store_true")
    args = ap.parse_args()

    allow = set()
    if args.allowlist:
        with open(args.allowlist) as fh:
            allow = {l.strip().lower() for l in fh if l.strip() and not l.startswith("#")}

    stats = defaultdict(lambda: {"names": set(), "qtypes": Counter(), "clients": Counter(), "total": 0})
    parsed = 0
    for client, name, qtype in records(args.logs, args.format, args.debug):
        if args.client and client != args.client:
            continue
        parsed += 1
        parent, child = parent_of(name)
        if not child or parent in allow or any(parent.endswith("." + a) or parent == a for a in allow):
            continue
        s = stats[parent]
        s["total"] += 1
        s["qtypes"][qtype] += 1
        s["clients"][client] += 1
        if len(s["names"]) < args.sample_cap:
            s["names"].add(child)

    rows = []
    for parent, s in stats.items():
        uniq = len(s["names"])
        if uniq < args.min_unique:
            continue
        labels = [l for n in s["names"] for l in n.split(".") if l]
        mean_len = sum(map(len, labels)) / max(len(labels), 1)
        max_len = max(map(len, labels), default=0)
        ent = sum(entropy(n.split(".")[0]) for n in s["names"]) / uniq
        enc = sum(1 for l in labels if HEX_RE.match(l) or B32_RE.match(l) or B64URL_RE.match(l)) / max(len(labels), 1)
        tn = sum(s["qtypes"][t] for t in ("TXT", "NULL", "PRIVATE", "ANY")) / max(s["total"], 1)
        score = (0.30 * norm(uniq, 30, 2000, log=True) + 0.20 * norm(mean_len, 12, 50)
                 + 0.20 * norm(ent, 3.0, 5.0) + 0.15 * enc + 0.10 * tn
                 + 0.05 * (1 if len(s["clients"]) <= 2 else 0))
        rows.append({
            "parent": parent, "score": round(score, 3), "unique_children": uniq, "queries": s["total"],
            "mean_label_len": round(mean_len, 1), "max_label_len": max_len, "entropy": round(ent, 2),
            "encoded_ratio": round(enc, 2), "txt_null_ratio": round(tn, 2),
            "clients": s["clients"].most_common(3), "samples": sorted(s["names"])[:5],
        })
    rows.sort(key=lambda r: r["score"], reverse=True)
    rows = rows[: args.top]

    if args.json:
        text = json.dumps({"parsed": parsed, "results": rows}, indent=2)
    else:
        out = [f"# DNS exfil scan\n\nparsed {parsed} queries from {len(args.logs)} file(s)\n"]
        for r in rows:
            out.append(f"## {r['parent']}  score {r['score']}")
            out.append(f"- unique children {r['unique_children']}, queries {r['queries']}, clients {r['clients']}")
            out.append(f"- label len mean {r['mean_label_len']} max {r['max_label_len']}, entropy {r['entropy']}, "
                       f"encoded {r['encoded_ratio']}, TXT/NULL {r['txt_null_ratio']}")
            out.extend(f"  - `{s}.{r['parent']}`" for s in r["samples"])
            out.append("")
        text = "\n".join(out)
    if args.out:
        with open(args.out, "w") as fh:
            fh.write(text + "\n")
        print(f"report written to {args.out}")
    else:
        print(text)


if __name__ == "__main__":
    main()
