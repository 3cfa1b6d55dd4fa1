#!/usr/bin/env python3
"""Small client for a local WireMock admin API, plus a scrubber for recorded mappings.

  stubctl.py load DIR            POST every mapping file in DIR
  stubctl.py reset               reset request journal and scenarios
  stubctl.py verify METHOD PATH [--count N]
  stubctl.py unmatched           list requests that matched no stub, with near misses
  stubctl.py scrub DIR           redact credentials in mapping files (in place, .bak kept)
"""
import argparse
import json
import os
import re
import shutil
import sys
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

BASE = os.environ.get("WIREMOCK_URL", "http://127.0.0.1:8089").rstrip("/")
SECRET_HEADERS = {"authorization", "cookie", "set-cookie", "x-api-key", "api-key",
                  "x-auth-token", "proxy-authorization", "stripe-account"}
SECRET_KEYS = re.compile(r"(token|secret|password|passwd|api[_-]?key|client[_-]?secret|private[_-]?key)", re.I)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")
CARD = re.compile(r"\b(?:\d[ -]?){13,19}\b")


def admin(method, path, body=None):
    host = urlparse(BASE).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit(f"WIREMOCK_URL must point at a local instance, got {BASE}")
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(f"{BASE}/__admin{path}", data=data, method=method,
                                 headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        raw = resp.read()
        return json.loads(raw) if raw else {}


def cmd_load(args):
    count = 0
    for f in sorted(Path(args.dir).glob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        for mapping in doc.get("mappings", [doc]):
            admin("POST", "/mappings", mapping)
            count += 1
    print(f"loaded {count} mapping(s) into {BASE}")


def cmd_reset(_):
    admin("POST", "/reset")
    print("reset requests and scenarios (file-based mappings reloaded)")


def cmd_verify(args):
    pattern = {"method": args.method.upper(), "urlPath": args.path}
    got = admin("POST", "/requests/count", pattern)["count"]
    ok = got == args.count if args.count is not None else got > 0
    print(f"{args.method.upper()} {args.path}: {got} request(s)"
          + ("" if args.count is None else f", expected {args.count}"))
    sys.exit(0 if ok else 1)


def cmd_unmatched(_):
    reqs = admin("GET", "/requests/unmatched").get("requests", [])
    if not reqs:
        print("no unmatched requests")
        return
    for r in reqs:
        print(f"{r['method']} {r['url']}")
        near = admin("POST", "/near-misses/request", r).get("nearMisses", [])[:1]
        for n in near:
            stub = n.get("stubMapping", {}).get("request", {})
            print(f"   closest stub: {json.dumps(stub)[:160]}")
            print(f"   distance: {n.get('matchResult', {}).get('distance')}")


def redact(obj, notes, where):
    if isinstance(obj, dict):
        out = {}
        for k, v in obj.items():
            if k.lower() in SECRET_HEADERS and where.endswith("headers"):
                notes.append(f"header {k} removed")
                continue
            if isinstance(v, (str, int)) and SECRET_KEYS.search(k):
                notes.append(f"value of '{k}' redacted")
                out[k] = "REDACTED"
                continue
            out[k] = redact(v, notes, f"{where}.{k}")
        return out
    if isinstance(obj, list):
        return [redact(v, notes, where) for v in obj]
    if isinstance(obj, str):
        if EMAIL.search(obj) and "example." not in obj:
            notes.append(f"email-like value at {where} (review)")
        if CARD.search(obj):
            notes.append(f"card-like number at {where} (review)")
    return obj


def cmd_scrub(args):
    for f in sorted(Path(args.dir).rglob("*.json")):
        doc = json.loads(f.read_text(encoding="utf-8"))
        notes = []
        if isinstance(doc.get("response", {}).get("body"), str):
            try:  # recorded bodies are often JSON strings; redact inside them too
                inner = json.loads(doc["response"]["body"])
                doc["response"]["body"] = json.dumps(redact(inner, notes, "response.body"))
            except json.JSONDecodeError:
                pass
        cleaned = redact(doc, notes, "")
        if notes:
            shutil.copy2(f, f.with_suffix(".json.bak"))
            f.write_text(json.dumps(cleaned, indent=2) + "\n", encoding="utf-8")
            print(f"{f}:")
            for n in sorted(set(notes)):
                print(f"   {n}")
    print("done; review `git diff` and delete the .bak files when satisfied")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("load"); p.add_argument("dir"); p.set_defaults(func=cmd_load)
    p = sub.add_parser("reset"); p.set_defaults(func=cmd_reset)
    p = sub.add_parser("verify"); p.add_argument("method"); p.add_argument("path")
    p.add_argument("--count", type=int); p.set_defaults(func=cmd_verify)
    p = sub.add_parser("unmatched"); p.set_defaults(func=cmd_unmatched)
    p = sub.add_parser("scrub"); p.add_argument("dir"); p.set_defaults(func=cmd_scrub)
    args = ap.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
