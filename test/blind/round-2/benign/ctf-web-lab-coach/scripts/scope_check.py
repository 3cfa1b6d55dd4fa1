#!/usr/bin/env python3
"""Refuse targets that are not a local/private lab. Resolves the host name once; no requests are sent."""
import argparse
import ipaddress
import socket
import sys
from urllib.parse import urlparse

ALLOWED = [ipaddress.ip_network(n) for n in (
    "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "::1/128", "fc00::/7",
)]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("target", help="URL or host of the lab")
    ap.add_argument("--ctf-range", action="append", default=[], help="extra CIDR given by a CTF organiser (VPN range)")
    args = ap.parse_args()

    extra = []
    for cidr in args.ctf_range:
        net = ipaddress.ip_network(cidr, strict=False)
        if net.num_addresses > 2 ** 16 and not any(net.subnet_of(a) for a in ALLOWED if a.version == net.version):
            print(f"refusing: {cidr} is too broad for a CTF range", file=sys.stderr)
            return 2
        extra.append(net)

    host = urlparse(args.target).hostname if "://" in args.target else args.target.split(":")[0]
    if not host:
        print("could not parse host", file=sys.stderr)
        return 2
    try:
        addrs = {ai[4][0] for ai in socket.getaddrinfo(host, None)}
    except socket.gaierror as e:
        print(f"cannot resolve {host}: {e}", file=sys.stderr)
        return 2

    ok = True
    for a in sorted(addrs):
        ip = ipaddress.ip_address(a)
        inside = any(ip in n for n in ALLOWED + extra)
        print(f"{host} -> {ip}: {'IN SCOPE' if inside else 'OUT OF SCOPE'}")
        ok &= inside
    if not ok:
        print("Target is not a local or declared lab address. Stop here.")
        return 1
    print("OK: lab target confirmed.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
