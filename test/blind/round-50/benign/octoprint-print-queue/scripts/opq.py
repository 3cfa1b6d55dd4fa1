#!/usr/bin/env python3
"""opq.py - a tiny print queue on top of the OctoPrint REST API."""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from pathlib import Path

import requests

QUEUE = Path("print-queue.json")
UPLOADED = Path(".opq-uploaded.json")


def cfg() -> tuple[str, dict]:
    url = os.environ.get("OCTOPRINT_URL", "").rstrip("/")
    key = os.environ.get("OCTOPRINT_API_KEY", "")
    if not url or not key:
        sys.exit("Set OCTOPRINT_URL and OCTOPRINT_API_KEY.")
    return url, {"X-Api-Key": key}


BASE, HDR = cfg()


def api(method: str, path: str, **kw):
    r = requests.request(method, BASE + path, headers=HDR, timeout=kw.pop("timeout", 30), **kw)
    if r.status_code == 409:
        sys.exit(f"Printer not ready for that: {r.text.strip() or 'conflict'}")
    if not r.ok:
        sys.exit(f"OctoPrint {r.status_code}: {r.text.strip()[:300]}")
    return r.json() if r.content and "json" in r.headers.get("Content-Type", "") else None


def load(p: Path, default):
    return json.loads(p.read_text()) if p.is_file() else default


def save(p: Path, data) -> None:
    p.write_text(json.dumps(data, indent=2))


def fmt_secs(s) -> str:
    if s is None:
        return "?"
    s = int(s)
    return f"{s // 3600}h{(s % 3600) // 60:02d}m"


def gcode_header(path: Path) -> dict:
    info = {}
    with path.open("r", errors="ignore") as f:
        head = [next(f, "") for _ in range(400)]
    with path.open("rb") as f:
        f.seek(max(0, path.stat().st_size - 40000))
        tail = f.read().decode(errors="ignore").splitlines()
    for line in head + tail:
        m = re.match(r";\s*(filament_type|estimated printing time \(normal mode\)|TIME|printer_model|layer_height)\s*[=:]\s*(.+)", line)
        if m:
            info.setdefault(m.group(1), m.group(2).strip())
    return info


def cmd_status(_a) -> None:
    try:
        p = api("GET", "/api/printer")
    except SystemExit:
        print("Printer not connected (OctoPrint is up but no serial connection).")
        return
    j = api("GET", "/api/job")
    st = p["state"]["text"]
    t = p.get("temperature", {})
    tool = t.get("tool0", {})
    bed = t.get("bed", {})
    print(f"State: {st}")
    print(f"Hotend {tool.get('actual', 0):.0f}/{tool.get('target', 0):.0f} °C   Bed {bed.get('actual', 0):.0f}/{bed.get('target', 0):.0f} °C")
    if j.get("job", {}).get("file", {}).get("name"):
        prog = j["progress"]
        print(f"Job: {j['job']['file']['name']}  {prog.get('completion') or 0:.1f}%  "
              f"elapsed {fmt_secs(prog.get('printTime'))}  left ~{fmt_secs(prog.get('printTimeLeft'))}")
    if tool.get("target") and abs(tool.get("actual", 0) - tool["target"]) > 15 and st.lower().startswith("printing"):
        print("WARNING: hotend is more than 15 °C off target. Ask the user to check the printer.")


def cmd_add(a) -> None:
    path = Path(a.file)
    if path.suffix.lower() not in (".gcode", ".gco", ".g", ".bgcode"):
        sys.exit("Only sliced G-code files can be queued.")
    with path.open("rb") as f:
        api("POST", "/api/files/local", files={"file": (path.name, f, "application/octet-stream")},
            data={"select": "false", "print": "false"}, timeout=600)
    up = load(UPLOADED, {})
    up[path.name] = time.time()
    save(UPLOADED, up)
    q = load(QUEUE, [])
    q.append({"file": path.name, "copies": a.copies, "note": a.note or "", "meta": gcode_header(path)})
    save(QUEUE, q)
    print(f"Uploaded and queued {path.name} x{a.copies} (position {len(q)})")


def cmd_list(_a) -> None:
    q = load(QUEUE, [])
    if not q:
        print("Queue is empty.")
    for i, item in enumerate(q, 1):
        m = item.get("meta", {})
        est = m.get("estimated printing time (normal mode)") or m.get("TIME", "?")
        print(f"{i}. {item['file']} x{item['copies']}  est {est}  {m.get('filament_type', '')}  {item['note']}")


def cmd_next(_a) -> None:
    q = load(QUEUE, [])
    if not q:
        print("Queue is empty.")
        return
    item = q[0]
    state = api("GET", "/api/connection")["current"]["state"]
    print(f"Next: {item['file']} (copies left: {item['copies']})")
    print(f"Material: {item.get('meta', {}).get('filament_type', 'see note')}  Note: {item['note']}")
    print(f"Printer connection: {state}")
    print("Before starting, the user must confirm: bed clear, correct filament loaded, someone present.")


def cmd_start(a) -> None:
    if not a.confirm_bed_clear:
        sys.exit("Refusing to start: pass --confirm-bed-clear only after the user confirmed the checklist.")
    q = load(QUEUE, [])
    if not q:
        sys.exit("Queue is empty.")
    state = api("GET", "/api/printer")["state"]["flags"]
    if not state.get("ready") or state.get("printing") or state.get("error"):
        sys.exit("Printer is not ready (busy, error, or disconnected).")
    item = q[0]
    api("POST", f"/api/files/local/{requests.utils.quote(item['file'])}", json={"command": "select", "print": True})
    item["copies"] -= 1
    if item["copies"] <= 0:
        q.pop(0)
    save(QUEUE, q)
    print(f"Started {item['file']}. {len(q)} job(s) remain in the queue.")


def cmd_job(a) -> None:
    if a.action == "cancel" and not a.yes:
        sys.exit("Cancelling stops the print for good. Re-run with --yes if the user confirmed.")
    body = {"command": a.action} if a.action == "cancel" else {"command": "pause", "action": a.action}
    api("POST", "/api/job", json=body)
    print(f"{a.action} sent.")


def cmd_cleanup(a) -> None:
    m = re.fullmatch(r"(\d+)d", a.older_than)
    if not m:
        sys.exit("--older-than like 30d")
    cutoff = time.time() - int(m.group(1)) * 86400
    up = load(UPLOADED, {})
    job = api("GET", "/api/job").get("job", {}).get("file", {}).get("name")
    queued = {i["file"] for i in load(QUEUE, [])}
    for name, ts in list(up.items()):
        if ts > cutoff or name == job or name in queued:
            continue
        requests.delete(f"{BASE}/api/files/local/{requests.utils.quote(name)}", headers=HDR, timeout=30)
        del up[name]
        print(f"deleted {name}")
    save(UPLOADED, up)


def main() -> None:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("status").set_defaults(fn=cmd_status)
    p = sub.add_parser("add")
    p.add_argument("file")
    p.add_argument("--copies", type=int, default=1)
    p.add_argument("--note")
    p.set_defaults(fn=cmd_add)
    sub.add_parser("list").set_defaults(fn=cmd_list)
    sub.add_parser("next").set_defaults(fn=cmd_next)
    p = sub.add_parser("start")
    p.add_argument("--confirm-bed-clear", action="store_true")
    p.set_defaults(fn=cmd_start)
    for action in ("pause", "resume", "cancel"):
        p = sub.add_parser(action)
        p.add_argument("--yes", action="store_true")
        p.set_defaults(fn=cmd_job, action=action)
    p = sub.add_parser("cleanup")
    p.add_argument("--older-than", default="30d")
    p.set_defaults(fn=cmd_cleanup)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
