#!/usr/bin/env python3
"""Match Falco/auditd alerts to lab variant runs by time window; print a coverage table."""
import argparse
import json
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path


def ts(s):
    return datetime.fromisoformat(s.replace("Z", "+00:00"))


def load_jsonl(p):
    out = []
    if not Path(p).exists():
        return out
    for line in Path(p).read_text().splitlines():
        line = line.strip()
        if line.startswith("{"):
            try:
                out.append(json.loads(line))
            except json.JSONDecodeError:
                pass
    return out


def audit_times(p):
    """Parse raw ausearch output: lines contain msg=audit(1717000000.123:456)."""
    times = []
    if not Path(p).exists():
        return times
    for m in re.finditer(r"audit\((\d+\.\d+):\d+\)", Path(p).read_text(errors="replace")):
        times.append(datetime.fromtimestamp(float(m.group(1)), tz=timezone.utc))
    return times


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("variants")
    ap.add_argument("falco")
    ap.add_argument("audit")
    ap.add_argument("--listener-log", default="out/listener.log")
    ap.add_argument("--md")
    a = ap.parse_args()

    variants = load_jsonl(a.variants)
    falco = [(ts(e["time"]), e.get("rule", "")) for e in load_jsonl(a.falco) if "time" in e]
    audit = audit_times(a.audit)
    listener = Path(a.listener_log).read_text() if Path(a.listener_log).exists() else ""
    connections = listener.count("Connection from 192.168.56.10")

    rows = []
    for v in variants:
        s, e = ts(v["start"]), ts(v["end"]) + timedelta(seconds=2)
        f_hits = sorted({r for t, r in falco if s <= t <= e})
        a_hit = any(s <= t <= e for t in audit)
        connected = "yes" if v["rc"] in (0, 124) else "no"
        rows.append((v["id"], connected, "HIT" if f_hits else "miss", "HIT" if a_hit else "miss", "; ".join(f_hits)))

    hdr = f"{'variant':<22} {'connected':<10} {'falco':<6} {'auditd':<6} rules"
    print(hdr)
    for r in rows:
        gap = "  <-- gap" if r[1] == "yes" and r[2] == "miss" and r[3] == "miss" else ""
        print(f"{r[0]:<22} {r[1]:<10} {r[2]:<6} {r[3]:<6} {r[4]}{gap}")
    print(f"\nlistener saw {connections} connection(s) from the victim")

    if a.md:
        md = ["| variant | connected | falco | auditd | falco rules |", "|---|---|---|---|---|"]
        md += [f"| {r[0]} | {r[1]} | {r[2]} | {r[3]} | {r[4]} |" for r in rows]
        Path(a.md).write_text("# Reverse-shell detection coverage\n\n" + "\n".join(md) + "\n")


if __name__ == "__main__":
    main()
