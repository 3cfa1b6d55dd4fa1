#!/usr/bin/env python3
"""Capture-and-forward webhook relay with byte-exact replay."""
import argparse
import base64
import datetime as dt
import hashlib
import hmac
import http.server
import json
import os
import pathlib
import sys
import time
import urllib.error
import urllib.request

CAP = pathlib.Path("captures")


def ensure_dir():
    CAP.mkdir(exist_ok=True)
    gi = pathlib.Path(".gitignore")
    lines = gi.read_text().splitlines() if gi.exists() else []
    if "captures/" not in lines:
        gi.write_text("\n".join(lines + ["captures/"]) + "\n")


def platform_of(headers):
    h = {k.lower() for k in headers}
    if "x-slack-signature" in h:
        return "slack"
    if "x-signature-ed25519" in h:
        return "discord"
    if "x-telegram-bot-api-secret-token" in h:
        return "telegram"
    return "other"


def forward(upstream, method, path, headers, body):
    req = urllib.request.Request(upstream.rstrip("/") + path, data=body or None, method=method)
    for k, v in headers:
        if k.lower() not in ("host", "content-length", "connection"):
            req.add_header(k, v)
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, list(r.headers.items()), r.read()
    except urllib.error.HTTPError as e:
        return e.code, list(e.headers.items()), e.read()
    except Exception as e:
        return 502, [], str(e).encode()


def serve(port, upstream):
    ensure_dir()

    class H(http.server.BaseHTTPRequestHandler):
        def _any(self):
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            headers = list(self.headers.items())
            status, rh, rb = forward(upstream, self.command, self.path, headers, body)
            stamp = dt.datetime.now().strftime("%Y-%m-%dT%H-%M-%S")
            rec = {"method": self.command, "path": self.path, "headers": headers,
                   "body_b64": base64.b64encode(body).decode(), "upstream_status": status,
                   "upstream_body": rb[:4000].decode(errors="replace")}
            (CAP / f"{stamp}_{platform_of(dict(headers))}.json").write_text(json.dumps(rec, indent=2))
            self.send_response(status)
            for k, v in rh:
                if k.lower() not in ("transfer-encoding", "connection", "content-length"):
                    self.send_header(k, v)
            self.send_header("Content-Length", str(len(rb)))
            self.end_headers()
            self.wfile.write(rb)

        do_GET = do_POST = do_PUT = _any

        def log_message(self, fmt, *a):
            sys.stderr.write(f"[relay] {self.command} {self.path} -> {a[1] if len(a) > 1 else ''}\n")

    print(f"relay :{port} -> {upstream}  (captures in {CAP}/)")
    http.server.ThreadingHTTPServer(("127.0.0.1", port), H).serve_forever()


def captures():
    return sorted(CAP.glob("*.json"))


def load(n):
    return json.loads(captures()[n - 1].read_text())


def replay(n, upstream, resign):
    rec = load(n)
    body = base64.b64decode(rec["body_b64"])
    headers = [(k, v) for k, v in rec["headers"]]
    if resign == "slack":
        ts = str(int(time.time()))
        sig = "v0=" + hmac.new(os.environ["SLACK_SIGNING_SECRET"].encode(), b"v0:" + ts.encode() + b":" + body,
                               hashlib.sha256).hexdigest()
        headers = [(k, v) for k, v in headers if k.lower() not in ("x-slack-request-timestamp", "x-slack-signature")]
        headers += [("X-Slack-Request-Timestamp", ts), ("X-Slack-Signature", sig)]
    elif resign == "telegram":
        headers = [(k, v) for k, v in headers if k.lower() != "x-telegram-bot-api-secret-token"]
        headers.append(("X-Telegram-Bot-Api-Secret-Token", os.environ.get("TG_WEBHOOK_SECRET", "")))
    status, _, rb = forward(upstream, rec["method"], rec["path"], headers, body)
    print(status)
    print(rb.decode(errors="replace")[:2000])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--listen", type=int)
    ap.add_argument("--upstream", default="http://localhost:3000")
    ap.add_argument("--list", action="store_true")
    ap.add_argument("--show", type=int)
    ap.add_argument("--raw", action="store_true")
    ap.add_argument("--header")
    ap.add_argument("--replay", type=int)
    ap.add_argument("--resign", choices=["slack", "telegram"])
    a = ap.parse_args()
    if a.listen:
        serve(a.listen, a.upstream)
    elif a.list:
        for i, p in enumerate(captures(), 1):
            r = json.loads(p.read_text())
            print(f"{i:>3}  {p.stem:<40} {r['method']} {r['path']} -> {r['upstream_status']}")
    elif a.show:
        rec = load(a.show)
        body = base64.b64decode(rec["body_b64"])
        if a.raw:
            sys.stdout.buffer.write(body)
        elif a.header:
            print(next((v for k, v in rec["headers"] if k.lower() == a.header.lower()), ""))
        else:
            for k, v in rec["headers"]:
                print(f"{k}: {v}")
            print()
            print(body.decode(errors="replace"))
    elif a.replay:
        replay(a.replay, a.upstream, a.resign)
    else:
        ap.print_help()


if __name__ == "__main__":
    main()
