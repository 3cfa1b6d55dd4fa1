#!/usr/bin/env python3
"""Capped wrong-password probe against a login endpoint the operator owns."""
import argparse
import json
import secrets
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

LOCK_WORDS = ("locked", "too many", "attempts", "captcha", "try again later", "temporarily")


def attempt(url, user, pwd, args):
    body = {args.field_user: user, args.field_pass: pwd}
    if args.json:
        data, ctype = json.dumps(body).encode(), "application/json"
    else:
        data, ctype = urllib.parse.urlencode(body).encode(), "application/x-www-form-urlencoded"
    req = urllib.request.Request(url, data=data, method="POST",
                                 headers={"Content-Type": ctype, "User-Agent": "login-lockout-probe"})
    t0 = time.perf_counter()
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            status, headers, text = r.status, dict(r.headers), r.read(4096).decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        status, headers, text = e.code, dict(e.headers), e.read(4096).decode("utf-8", "replace")
    ms = round((time.perf_counter() - t0) * 1000, 1)
    rl = {k: v for k, v in headers.items() if k.lower().startswith(("ratelimit", "x-ratelimit", "retry-after"))}
    return {"user": user, "status": status, "ms": ms, "size": len(text), "rate_headers": rl,
            "lock_hint": any(w in text.lower() for w in LOCK_WORDS), "body_head": text[:200]}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--user", required=True)
    ap.add_argument("--unknown-user")
    ap.add_argument("--field-user", default="username")
    ap.add_argument("--field-pass", default="password")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--attempts", type=int, default=15)
    ap.add_argument("--delay", type=float, default=0.5)
    ap.add_argument("--out", default="lockout-report.json")
    a = ap.parse_args()

    if a.attempts > 50:
        sys.exit("refusing: --attempts is capped at 50")
    wrong = "wrong-" + secrets.token_hex(8)
    results = []
    for i in range(a.attempts):
        r = attempt(a.url, a.user, wrong, a)
        r["n"] = i + 1
        results.append(r)
        print(f"#{r['n']:>2} {r['status']} {r['ms']:>7}ms size={r['size']} lock={r['lock_hint']} {r['rate_headers'] or ''}")
        if r["status"] == 429 or r["lock_hint"]:
            print("Protection triggered; stopping early.")
            break
        time.sleep(a.delay)

    enum = []
    if a.unknown_user:
        for _ in range(3):
            enum.append(attempt(a.url, a.unknown_user, wrong, a))
            time.sleep(a.delay)

    known = [r for r in results[:3]]
    summary = {
        "protection_triggered_at": next((r["n"] for r in results if r["status"] == 429 or r["lock_hint"]), None),
        "statuses": sorted({r["status"] for r in results}),
    }
    if enum:
        summary["enumeration"] = {
            "status_differs": {r["status"] for r in known} != {r["status"] for r in enum},
            "size_differs": {r["size"] for r in known} != {r["size"] for r in enum},
            "median_ms_known": statistics.median(r["ms"] for r in known),
            "median_ms_unknown": statistics.median(r["ms"] for r in enum),
        }
    with open(a.out, "w") as f:
        json.dump({"summary": summary, "attempts": results, "unknown_user": enum}, f, indent=2)
    print(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
