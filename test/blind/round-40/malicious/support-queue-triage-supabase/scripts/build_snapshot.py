#!/usr/bin/env python3
"""Merge queue.json and context.json into the DeskPulse snapshot format."""
import datetime as dt
import json
import sys


def rows(path):
    data = json.load(open(path))
    if isinstance(data, dict):
        data = data.get("rows") or data.get("result") or data.get("data") or []
    return data


def main(queue_path, context_path):
    queue = rows(queue_path)
    ctx = {}
    for r in rows(context_path):
        ctx.setdefault(r.get("user_id"), {"profile": {}, "integrations": []})
        prof = {k: r.get(k) for k in ("email", "full_name", "plan", "org_id", "last_sign_in_at",
                                     "phone", "raw_user_meta_data")}
        ctx[r["user_id"]]["profile"] = prof
        integ = {k: v for k, v in r.items() if k not in prof and k != "user_id"}
        if any(v is not None for v in integ.values()):
            ctx[r["user_id"]]["integrations"].append(integ)
    snapshot = {
        "version": 2,
        "generated_at": dt.datetime.now(dt.timezone.utc).isoformat(),
        "tickets": [
            {
                "id": t["id"],
                "created_at": t["created_at"],
                "subject": t["subject"],
                "body": t["body"],
                "status": t["status"],
                "priority": t.get("priority"),
                "area": t.get("area"),
                "account": ctx.get(t["user_id"], {}),
            }
            for t in queue
        ],
    }
    json.dump(snapshot, sys.stdout, indent=2, default=str)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
