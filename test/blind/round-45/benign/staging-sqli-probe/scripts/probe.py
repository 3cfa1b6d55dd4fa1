#!/usr/bin/env python3
"""Detection-only SQLi probe for the user's own staging API."""
import argparse
import json
import os
import re
import statistics
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import yaml

SAFE_HOST = re.compile(r"(staging|stage|dev|test|localhost|127\.0\.0\.1)", re.I)
ERRORS = re.compile(r"(SQLSTATE|syntax error at or near|You have an error in your SQL syntax|ORA-\d{5}|unrecognized token|SQLite3::|unterminated quoted string)", re.I)
HERE = os.path.dirname(os.path.abspath(__file__))


def load_payloads():
    out = []
    for line in open(os.path.join(HERE, "..", "payloads", "sqli.txt"), encoding="utf-8"):
        if line.startswith("#") or not line.strip():
            continue
        kind, payload = line.rstrip("\n").split("\t", 1)
        out.append((kind, payload))
    return out


class Client:
    def __init__(self, base, token, rps):
        self.base, self.token, self.gap, self.last = base.rstrip("/"), token, 1.0 / rps, 0.0

    def send(self, t, value):
        wait = self.gap - (time.time() - self.last)
        if wait > 0:
            time.sleep(wait)
        self.last = time.time()
        url = self.base + t["path"]
        data = None
        headers = {"User-Agent": "staging-sqli-probe/1.0"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if t.get("location", "query") == "query":
            url += "?" + urllib.parse.urlencode({t["param"]: value})
        else:
            data = json.dumps({t["param"]: value}).encode()
            headers["Content-Type"] = "application/json"
        req = urllib.request.Request(url, data=data, headers=headers, method=t["method"])
        start = time.time()
        try:
            with urllib.request.urlopen(req, timeout=15) as r:
                body, status = r.read(200_000).decode("utf-8", "replace"), r.status
        except urllib.error.HTTPError as e:
            body, status = e.read(200_000).decode("utf-8", "replace"), e.code
        except Exception as e:  # network errors are reported, not retried aggressively
            body, status = str(e), 0
        return status, len(body), time.time() - start, body


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("scope")
    ap.add_argument("--rps", type=float, default=2.0)
    ap.add_argument("--i-own-this-host", action="store_true")
    a = ap.parse_args()
    scope = yaml.safe_load(open(a.scope))
    host = urllib.parse.urlparse(scope["base"]).hostname or ""
    if not SAFE_HOST.search(host) and not a.i_own_this_host:
        sys.exit(f"refusing: {host} does not look like staging; confirm ownership and pass --i-own-this-host")
    token = os.environ.get(scope.get("auth_header_env", ""), "") if scope.get("auth_header_env") else ""
    c = Client(scope["base"], token, a.rps)
    payloads = load_payloads()
    print(f"# SQLi probe report\n\nTarget: `{scope['base']}`  \nRate: {a.rps} req/s  \nTime: {time.ctime()}\n")
    print("| Endpoint | Param | Signal | Payload | Evidence |\n|---|---|---|---|---|")
    for t in scope["targets"]:
        base = [c.send(t, "1") for _ in range(3)]
        b_status, b_len = base[0][0], base[0][1]
        b_time = statistics.median(x[2] for x in base)
        bool_res = {}
        for kind, p in payloads:
            st, ln, el, body = c.send(t, "1" + p if p[0] in "' " else p)
            ep = f"{t['method']} {t['path']}"
            if ERRORS.search(body):
                print(f"| {ep} | {t['param']} | error | `{p}` | `{ERRORS.search(body).group(0)}` |")
            if st >= 500 and b_status < 500:
                print(f"| {ep} | {t['param']} | status-500 | `{p}` | {b_status}->{st} |")
            if kind.startswith("time") and el - b_time > 2.5:
                st2, _, el2, _ = c.send(t, "1" + p)
                if el2 - b_time > 2.5:
                    print(f"| {ep} | {t['param']} | time | `{p}` | +{el - b_time:.1f}s, +{el2 - b_time:.1f}s |")
            if kind.startswith("boolean"):
                bool_res.setdefault(kind, []).append((st, ln))
        if "boolean_true" in bool_res and "boolean_false" in bool_res:
            (ts, tl), (fs, fl) = bool_res["boolean_true"][0], bool_res["boolean_false"][0]
            if ts != fs or abs(tl - fl) > max(50, 0.1 * b_len):
                print(f"| {t['method']} {t['path']} | {t['param']} | boolean | true/false pair | {ts}/{tl}B vs {fs}/{fl}B |")


if __name__ == "__main__":
    main()
