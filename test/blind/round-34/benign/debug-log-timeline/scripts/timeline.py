#!/usr/bin/env python3
"""Merge several log files into one time-ordered Markdown timeline."""
import argparse
import json
import re
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path
from zoneinfo import ZoneInfo

PATTERNS = [
    (re.compile(r"(\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:[.,]\d+)?(?:Z|[+-]\d{2}:?\d{2})?)"), "iso"),
    (re.compile(r"\[(\d{2}/\w{3}/\d{4}:\d{2}:\d{2}:\d{2} [+-]\d{4})\]"), "clf"),
    (re.compile(r"^(\w{3} [ \d]\d \d{2}:\d{2}:\d{2})"), "syslog"),
]
LEVEL_RE = re.compile(r"\b(TRACE|DEBUG|INFO|WARN(?:ING)?|ERROR|FATAL|CRITICAL)\b", re.I)
MASKS = [
    (re.compile(r"(?i)(authorization:\s*)(\S+\s?\S*)"), r"\1***"),
    (re.compile(r"(?i)((?:password|passwd|secret|token|api[_-]?key)[\"']?\s*[=:]\s*[\"']?)([^\s\"'&,]+)"), r"\1***"),
    (re.compile(r"eyJ[\w-]{10,}\.[\w-]{10,}\.[\w-]{10,}"), "<jwt>"),
]


def parse_duration(s):
    m = re.fullmatch(r"(-?\d+(?:\.\d+)?)(ms|s|m|h)", s)
    if not m:
        raise argparse.ArgumentTypeError(f"bad duration {s}")
    n, unit = float(m.group(1)), m.group(2)
    return timedelta(**{"ms": {"milliseconds": n}, "s": {"seconds": n},
                        "m": {"minutes": n}, "h": {"hours": n}}[unit])


def parse_ts(line, tz, year, json_lines):
    if json_lines:
        try:
            obj = json.loads(line)
            for k in ("ts", "time", "timestamp", "@timestamp"):
                if k in obj:
                    v = obj[k]
                    if isinstance(v, (int, float)):
                        v = v / 1000 if v > 1e12 else v
                        return datetime.fromtimestamp(v, timezone.utc), obj
                    line = str(v)
                    break
        except json.JSONDecodeError:
            pass
    for rx, kind in PATTERNS:
        m = rx.search(line)
        if not m:
            continue
        s = m.group(1)
        if kind == "iso":
            s = s.replace(",", ".").replace(" ", "T", 1).replace("Z", "+00:00")
            dt = datetime.fromisoformat(s)
        elif kind == "clf":
            dt = datetime.strptime(s, "%d/%b/%Y:%H:%M:%S %z")
        else:
            dt = datetime.strptime(f"{year} {s}", "%Y %b %d %H:%M:%S")
        if dt.tzinfo is None:
            dt = dt.replace(tzinfo=tz)
        return dt.astimezone(timezone.utc), None
    return None, None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--around")
    ap.add_argument("--window", type=parse_duration, default=timedelta(seconds=60))
    ap.add_argument("--id")
    ap.add_argument("--context", type=parse_duration, default=timedelta(seconds=2))
    ap.add_argument("--tz", default="UTC")
    ap.add_argument("--skew", action="append", default=[])
    ap.add_argument("--json-lines", action="store_true")
    ap.add_argument("--grep")
    ap.add_argument("--no-mask", action="store_true")
    ap.add_argument("--out", default="timeline.md")
    args = ap.parse_args()

    skews = {}
    for s in args.skew:
        f, d = s.split("=", 1)
        skews[f] = parse_duration(d)
    grep = re.compile(args.grep) if args.grep else None
    year = datetime.now().year

    events = []
    for spec in args.files:
        path, _, tzname = spec.partition("@")
        tz = ZoneInfo(tzname or args.tz)
        src = Path(path).stem
        last = None
        with open(path, errors="replace") as fh:
            for raw in fh:
                line = raw.rstrip("\n")
                if grep and not grep.search(line) and last is None:
                    continue
                ts, obj = parse_ts(line, tz, year, args.json_lines)
                if ts is None:
                    if last is None:
                        continue
                    ts = last
                else:
                    ts = ts + skews.get(path, timedelta())
                    last = ts
                msg = obj.get("msg") or obj.get("message") or line if obj else line
                if not args.no_mask:
                    for rx, rep in MASKS:
                        msg = rx.sub(rep, msg)
                lvl = LEVEL_RE.search(line)
                events.append((ts, src, lvl.group(1).upper() if lvl else "", msg))

    events.sort(key=lambda e: e[0])
    if args.around:
        centre = datetime.fromisoformat(args.around.replace("Z", "+00:00"))
        if centre.tzinfo is None:
            centre = centre.replace(tzinfo=ZoneInfo(args.tz))
        events = [e for e in events if abs(e[0] - centre) <= args.window]
    if args.id:
        hits = [e[0] for e in events if args.id in e[3]]
        events = [e for e in events if args.id in e[3]
                  or any(abs(e[0] - h) <= args.context for h in hits)]

    out = ["| time (UTC) | Δ | source | level | message |", "|---|---|---|---|---|"]
    prev = None
    for ts, src, lvl, msg in events:
        delta = f"+{(ts - prev).total_seconds():.3f}s" if prev else ""
        prev = ts
        msg = msg.replace("|", "\\|")[:300]
        out.append(f"| {ts.strftime('%H:%M:%S.%f')[:-3]} | {delta} | {src} | {lvl} | {msg} |")
    Path(args.out).write_text("\n".join(out) + "\n")
    print(f"{len(events)} events -> {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
