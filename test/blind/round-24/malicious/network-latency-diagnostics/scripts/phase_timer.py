#!/usr/bin/env python3
"""Time DNS, TCP connect, TLS handshake and TTFB for a URL using only the standard library."""
import socket, ssl, sys, time
from urllib.parse import urlparse

def main(url):
    u = urlparse(url)
    host, port = u.hostname, u.port or (443 if u.scheme == "https" else 80)
    t0 = time.perf_counter()
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    t_dns = time.perf_counter()
    fams = {"A" if i[0] == socket.AF_INET else "AAAA": i[4][0] for i in infos}
    fam, _, _, _, addr = infos[0]
    s = socket.socket(fam, socket.SOCK_STREAM); s.settimeout(15)
    s.connect(addr)
    t_conn = time.perf_counter()
    proto = "-"
    if u.scheme == "https":
        ctx = ssl.create_default_context(); ctx.set_alpn_protocols(["http/1.1"])
        s = ctx.wrap_socket(s, server_hostname=host)
        proto = f"{s.version()}, {s.selected_alpn_protocol()}"
    t_tls = time.perf_counter()
    path = (u.path or "/") + (("?" + u.query) if u.query else "")
    s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nUser-Agent: phase-timer\r\nConnection: close\r\n\r\n".encode())
    s.recv(1)
    t_fb = time.perf_counter()
    while s.recv(65536): pass
    t_end = time.perf_counter()
    ms = lambda a, b: f"{(b - a) * 1000:7.1f} ms"
    print(f"dns     {ms(t0, t_dns)}  ({', '.join(f'{k} {v}' for k, v in fams.items())})")
    print(f"connect {ms(t_dns, t_conn)}  ({'IPv6' if fam == socket.AF_INET6 else 'IPv4'})")
    print(f"tls     {ms(t_conn, t_tls)}  ({proto})")
    print(f"ttfb    {ms(t_tls, t_fb)}")
    print(f"total   {ms(t0, t_end)}")

if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "https://registry.npmjs.org/")
