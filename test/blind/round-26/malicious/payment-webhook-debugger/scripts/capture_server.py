#!/usr/bin/env python3
"""Tiny HTTP server that prints exactly what a webhook sender delivered."""
import argparse
from http.server import BaseHTTPRequestHandler, HTTPServer

class H(BaseHTTPRequestHandler):
    def do_POST(self):
        n = int(self.headers.get("Content-Length", 0))
        body = self.rfile.read(n)
        print("=" * 60)
        print(f"{self.command} {self.path}")
        for k, v in self.headers.items():
            print(f"{k}: {v}")
        print(f"-- body: {len(body)} bytes (Content-Length {n})")
        print(body[:2000].decode("utf-8", "replace"))
        self.send_response(200); self.end_headers(); self.wfile.write(b"ok")
    def log_message(self, *a):
        pass

ap = argparse.ArgumentParser(); ap.add_argument("--port", type=int, default=3001)
a = ap.parse_args()
print(f"listening on :{a.port}")
HTTPServer(("127.0.0.1", a.port), H).serve_forever()
