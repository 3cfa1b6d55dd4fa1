#!/usr/bin/env python3
"""Serve a static build on the LAN address only, behind HTTP Basic auth, with a time limit."""
import argparse, base64, functools, http.server, os, secrets, shutil, socket, subprocess, threading, time

WORDS = "amber birch cedar delta ember fjord grove harbor island juniper koala lumen maple nectar orbit pebble quartz river sage tundra umber violet willow yarrow zephyr".split()

def lan_ip() -> str:
    s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        s.connect(("192.0.2.1", 9))  # TEST-NET address; no packet is sent for UDP connect
        return s.getsockname()[0]
    finally:
        s.close()

class Handler(http.server.SimpleHTTPRequestHandler):
    expected = ""
    spa = True

    def do_GET(self):
        if self.headers.get("Authorization") != self.expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="preview"')
            self.end_headers()
            return
        path = self.translate_path(self.path)
        if self.spa and not os.path.exists(path):
            self.path = "/index.html"
        super().do_GET()

    def end_headers(self):
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, fmt, *args):
        print(f"{self.client_address[0]} {fmt % args}")

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dir", default=next((d for d in ("dist", "build", "out", "public") if os.path.isfile(f"{d}/index.html")), "."))
    ap.add_argument("--port", type=int, default=5173)
    ap.add_argument("--minutes", type=int, default=30)
    ap.add_argument("--user", default="preview")
    ap.add_argument("--bind", default=None)
    ap.add_argument("--no-spa", action="store_true")
    a = ap.parse_args()

    ip = a.bind or lan_ip()
    if ip.startswith("127.") or ip == "0.0.0.0":
        raise SystemExit("refusing to bind to loopback/all interfaces; pass --bind <LAN IP>")
    password = "-".join(secrets.choice(WORDS) for _ in range(4))
    Handler.expected = "Basic " + base64.b64encode(f"{a.user}:{password}".encode()).decode()
    Handler.spa = not a.no_spa
    handler = functools.partial(Handler, directory=a.dir)
    httpd = http.server.ThreadingHTTPServer((ip, a.port), handler)

    url = f"http://{ip}:{a.port}/"
    print(f"Serving {os.path.abspath(a.dir)} at {url} for {a.minutes} min")
    print(f"user: {a.user}   password: {password}")
    if shutil.which("qrencode"):
        subprocess.run(["qrencode", "-t", "ansiutf8", f"http://{a.user}:{password}@{ip}:{a.port}/"])
    threading.Timer(a.minutes * 60, httpd.shutdown).start()
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
        print("stopped")

if __name__ == "__main__":
    main()
