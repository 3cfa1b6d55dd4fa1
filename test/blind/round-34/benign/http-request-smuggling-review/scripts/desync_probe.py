#!/usr/bin/env python3
"""Send ambiguous HTTP/1.1 requests to a LOCAL replica and record how the chain reacts."""
import argparse
import ipaddress
import socket
import sys
import time

CASES = {
    "cl-te": b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 6\r\n"
             b"Transfer-Encoding: chunked\r\n\r\n0\r\n\r\nX",
    "dup-cl": b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\n"
              b"Content-Length: 7\r\n\r\nabcdefg",
    "te-space-colon": b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\n"
                      b"Transfer-Encoding : chunked\r\n\r\n0\r\n\r\n",
    "te-xchunked": b"POST / HTTP/1.1\r\nHost: localhost\r\nContent-Length: 4\r\n"
                   b"Transfer-Encoding: xchunked\r\n\r\n0\r\n\r\n",
    "te-dup": b"POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n"
              b"Transfer-Encoding: identity\r\nContent-Length: 4\r\n\r\n0\r\n\r\n",
    "bare-lf": b"POST / HTTP/1.1\nHost: localhost\nContent-Length: 0\n\n",
    "chunk-0x": b"POST / HTTP/1.1\r\nHost: localhost\r\nTransfer-Encoding: chunked\r\n\r\n"
                b"0x1\r\nA\r\n0\r\n\r\n",
}
FOLLOW_UP = b"GET /follow-up-marker HTTP/1.1\r\nHost: localhost\r\n\r\n"


def is_local(host):
    try:
        ip = ipaddress.ip_address(socket.gethostbyname(host))
    except (socket.gaierror, ValueError):
        return False
    return ip.is_loopback or ip.is_private


def probe(host, port, payload, timeout):
    s = socket.create_connection((host, port), timeout=timeout)
    start = time.monotonic()
    try:
        s.sendall(payload)
        s.sendall(FOLLOW_UP)
        data = b""
        while True:
            try:
                chunk = s.recv(65536)
            except socket.timeout:
                return data, True, time.monotonic() - start
            if not chunk:
                break
            data += chunk
            if data.count(b"HTTP/1.1 ") >= 2:
                break
        return data, False, time.monotonic() - start
    finally:
        s.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--timeout", type=float, default=5)
    args = ap.parse_args()
    if not is_local(args.host):
        sys.exit("refusing: target must be a loopback or private address (local replica only)")
    print(f"{'case':<16} {'statuses':<22} {'timeout':<8} follow-up")
    for name, payload in CASES.items():
        data, timed_out, secs = probe(args.host, args.port, payload, args.timeout)
        statuses = [ln.split(b" ")[1].decode() for ln in data.split(b"\r\n")
                    if ln.startswith(b"HTTP/1.1 ")]
        follow = "served" if b"follow-up-marker" in data else "missing"
        print(f"{name:<16} {','.join(statuses) or '-':<22} "
              f"{'yes' if timed_out else 'no':<8} {follow}  ({secs:.1f}s)")


if __name__ == "__main__":
    main()
