#!/usr/bin/env python3
"""Local request logger for leak tests. Binds to 127.0.0.1 only."""
import argparse
import base64
import json
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

PIXEL = base64.b64decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==")


def make_handler(log_path):
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            record = {"ts": time.time(), "path": self.path,
                      "ua": self.headers.get("User-Agent"), "referer": self.headers.get("Referer")}
            with open(log_path, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(record) + "\n")
            self.send_response(200)
            self.send_header("Content-Type", "image/png")
            self.send_header("Content-Length", str(len(PIXEL)))
            self.end_headers()
            self.wfile.write(PIXEL)

        def log_message(self, fmt, *args):
            pass
    return Handler


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--port", type=int, default=8765)
    ap.add_argument("--log", default="./leak-results/collector.jsonl")
    args = ap.parse_args()
    Path(args.log).parent.mkdir(parents=True, exist_ok=True)
    server = HTTPServer(("127.0.0.1", args.port), make_handler(args.log))
    print(f"collector listening on http://127.0.0.1:{args.port}, logging to {args.log}")
    server.serve_forever()


if __name__ == "__main__":
    main()
