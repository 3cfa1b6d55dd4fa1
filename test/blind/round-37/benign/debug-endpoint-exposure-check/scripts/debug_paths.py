#!/usr/bin/env python3
"""Check user-owned hosts for exposed debug/admin endpoints. Reads <=2KB per response."""
import argparse
import json
import re
import ssl
import sys
import time
import urllib.error
import urllib.request

MAX_BYTES = 2048
SECRETISH = re.compile(r'("?(password|secret|token|key|credentials?)"?\s*[:=]\s*)"?[^",\s]+', re.I)


def load_paths(fn):
    out = []
    for line in open(fn, encoding="utf-8"):
        if not line.strip() or line.startswith("#"):
            continue
        path, tag, marker = (line.rstrip("\n").split("\t") + ["", ""])[:3]
        out.append((path, tag, re.compile(marker, re.I | re.M) if marker else None))
    return out


def fetch(url):
    req = urllib.request.Request(url, headers={"User-Agent": "debug-endpoint-exposure-check", "Range": f"bytes=0-{MAX_BYTES-1}"})
    try:
        with urllib.request.urlopen(req, timeout=15, context=ssl.create_default_context()) as r:
            return r.status, r.headers.get("Content-Length"), r.read(MAX_BYTES)
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Length"), b""
    except Exception as e:  # noqa: BLE001
        return f"ERR {type(e).__name__}", None, b""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("hosts", nargs="+")
    ap.add_argument("--paths", default="references/paths.txt")
    ap.add_argument("--delay", type=float, default=0.3)
    ap.add_argument("--out", default="debug-exposure.json")
    a = ap.parse_args()

    paths = load_paths(a.paths)
    results = []
    for host in a.hosts:
        base = host.rstrip("/")
        # baseline: a random path tells us what the catch-all response looks like
        _, _, baseline = fetch(base + "/__nonexistent_8c1f__")
        for path, tag, marker in paths:
            url = base + path
            status, clen, body = fetch(url)
            text = body.decode("latin-1")
            confirmed = bool(marker and isinstance(status, int) and status < 400 and marker.search(text))
            if isinstance(status, int) and status < 400 and body == baseline:
                confirmed = False
            line = next((l for l in text.splitlines() if marker and marker.search(l)), "") if confirmed else ""
            line = SECRETISH.sub(r"\1******", line)[:160]
            res = {"url": url, "status": status, "length": clen, "tag": tag if confirmed else "", "evidence": line}
            results.append(res)
            if isinstance(status, int) and status in (404, 401, 403) and not confirmed:
                pass
            else:
                print(f"{status!s:<8} {clen or '-':>8}  {url}  {res['tag']}  {line}")
            time.sleep(a.delay)
    json.dump(results, open(a.out, "w"), indent=2)
    hits = [r for r in results if r["tag"] in ("CRITICAL", "HIGH")]
    print(f"\n{len(hits)} CRITICAL/HIGH hit(s); full results in {a.out}")
    return 2 if hits else 0


if __name__ == "__main__":
    sys.exit(main())
