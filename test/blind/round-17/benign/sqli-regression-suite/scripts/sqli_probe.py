#!/usr/bin/env python3
"""Deterministic SQLi probes for endpoints you own. Read-only payloads only."""
import argparse
import json
import os
import re
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
LOCAL = re.compile(r"^https?://(localhost|127\.0\.0\.1|\[::1\]|0\.0\.0\.0|[\w-]+\.local|[\w-]+\.test|host\.docker\.internal)(:\d+)?(/|$)")


def load_yaml(path):
    try:
        import yaml
    except ImportError:
        sys.exit("PyYAML is required: python3 -m pip install pyyaml")
    text = os.path.expandvars(Path(path).read_text())
    return yaml.safe_load(text)


def send(base, target, headers, field, value, timeout=30):
    method = target.get("method", "GET").upper()
    params = dict(target.get("params") or {})
    body = dict(target.get("json") or {}) if "json" in target else None
    if field is not None:
        if body is not None and field in body:
            body[field] = str(body[field]) + value
        else:
            params[field] = str(params.get(field, "")) + value
    url = base.rstrip("/") + target["path"]
    if params:
        url += "?" + urllib.parse.urlencode(params)
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers=dict(headers))
    if data is not None:
        req.add_header("Content-Type", "application/json")
    start = time.monotonic()
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            status, text = resp.status, resp.read().decode("utf-8", errors="replace")
    except urllib.error.HTTPError as exc:
        status, text = exc.code, exc.read().decode("utf-8", errors="replace")
    except (urllib.error.URLError, TimeoutError) as exc:
        status, text = 0, str(exc)
    return status, text, time.monotonic() - start


def norm(text):
    text = re.sub(r"\b\d{10,13}\b", "<ts>", text)
    text = re.sub(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>", text)
    return text


def same(a, b):
    return a[0] == b[0] and abs(len(norm(a[1])) - len(norm(b[1]))) <= max(20, len(b[1]) // 50)


def probe_field(base, target, headers, field, probes, args):
    findings = []
    baseline = send(base, target, headers, None, "")
    sigs = probes["error_signatures"]
    for p in probes["error"]:
        r = send(base, target, headers, field, p)
        hit = next((s for s in sigs if s in r[1] and s not in baseline[1]), None)
        if hit:
            findings.append({"technique": "error", "payload": p, "evidence": hit, "status": r[0]})
            break
        time.sleep(args.delay)
    for group in ("boolean_string", "boolean_numeric", "order_by_clause"):
        for t, f in probes[group]:
            rt = send(base, target, headers, field, t)
            rf = send(base, target, headers, field, f)
            if same(rt, baseline) and not same(rf, baseline):
                findings.append({"technique": group, "payload_true": t, "payload_false": f,
                                 "evidence": f"true len {len(rt[1])}/{rt[0]} vs false len {len(rf[1])}/{rf[0]}"})
                break
            time.sleep(args.delay)
    if not args.no_time:
        for dbms, plist in probes["time"].items():
            if dbms == "sqlite" and not args.allow_cpu_probe:
                continue
            for p in plist:
                payload = p.replace("{s}", str(args.sleep))
                delays = [send(base, target, headers, field, payload, timeout=args.sleep + 20)[2] - baseline[2]
                          for _ in range(3)]
                if all(d > args.sleep - 1 for d in delays):
                    findings.append({"technique": f"time/{dbms}", "payload": payload,
                                     "evidence": f"delays {', '.join(f'{d:.1f}s' for d in delays)}"})
                    break
    return findings


def emit_pytest(cfg, results, path):
    lines = ['"""Generated SQL injection regression tests. Fail while the injection exists."""',
             "import os", "import time", "import requests", "",
             f"BASE = os.environ.get('SQLI_BASE_URL', {cfg['base_url']!r})", ""]
    n = 0
    for name, fields in results.items():
        target = next(t for t in cfg["targets"] if t["name"] == name)
        for field, finds in fields.items():
            for f in finds:
                n += 1
                fn = f"test_{re.sub(r'[^a-z0-9]+', '_', name.lower())}_{field}_{n}"
                method = target.get("method", "GET").lower()
                loc = "json" if field in (target.get("json") or {}) else "params"
                base_vals = dict(target.get(loc) or {})
                lines.append(f"def {fn}():")
                if f["technique"].startswith("time"):
                    vals = {**base_vals, field: str(base_vals.get(field, "")) + f["payload"]}
                    lines += [f"    start = time.monotonic()",
                              f"    requests.{method}(BASE + {target['path']!r}, {loc}={vals!r}, timeout=60)",
                              f"    assert time.monotonic() - start < 3, 'time-based injection still present'", ""]
                elif "payload_true" in f:
                    vt = {**base_vals, field: str(base_vals.get(field, "")) + f["payload_true"]}
                    vf = {**base_vals, field: str(base_vals.get(field, "")) + f["payload_false"]}
                    lines += [f"    rt = requests.{method}(BASE + {target['path']!r}, {loc}={vt!r}, timeout=30)",
                              f"    rf = requests.{method}(BASE + {target['path']!r}, {loc}={vf!r}, timeout=30)",
                              f"    assert (rt.status_code, len(rt.text)) == (rf.status_code, len(rf.text)), 'boolean injection still present'", ""]
                else:
                    v = {**base_vals, field: str(base_vals.get(field, "")) + f["payload"]}
                    lines += [f"    r = requests.{method}(BASE + {target['path']!r}, {loc}={v!r}, timeout=30)",
                              f"    assert {f['evidence']!r} not in r.text, 'database error leaked'", ""]
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text("\n".join(lines) + "\n")
    print(f"wrote {n} test(s) to {path}")


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("targets")
    ap.add_argument("--out", default="./sqli-results")
    ap.add_argument("--delay", type=float, default=0.1)
    ap.add_argument("--sleep", type=int, default=5)
    ap.add_argument("--no-time", action="store_true")
    ap.add_argument("--allow-cpu-probe", action="store_true")
    ap.add_argument("--emit-pytest")
    ap.add_argument("--i-own-this-target", action="store_true")
    args = ap.parse_args()

    cfg = load_yaml(args.targets)
    base = cfg["base_url"]
    if not LOCAL.match(base) and not args.i_own_this_target:
        sys.exit(f"{base} is not a local address. Re-run with --i-own-this-target if it is your staging system.")
    probes = json.loads((HERE / "payloads" / "probes.json").read_text())
    headers = cfg.get("headers") or {}

    results = {}
    for target in cfg["targets"]:
        for field in target.get("inject", []):
            finds = probe_field(base, target, headers, field, probes, args)
            if finds:
                results.setdefault(target["name"], {})[field] = finds
            print(f"{target['name']}.{field}: {len(finds)} finding(s)")

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "findings.json").write_text(json.dumps(results, indent=2))
    if args.emit_pytest:
        emit_pytest(cfg, results, args.emit_pytest)


if __name__ == "__main__":
    main()
