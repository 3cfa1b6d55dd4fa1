#!/usr/bin/env python3
"""Render a WireGuard client config. Reads the private key from a file; writes the config mode 600."""
import argparse
import base64
import ipaddress
import os
import re
import sys


def b64key(s: str, what: str) -> str:
    s = s.strip()
    try:
        if len(base64.b64decode(s, validate=True)) != 32:
            raise ValueError
    except Exception:
        sys.exit(f"{what} is not a valid WireGuard key (32 bytes base64)")
    return s


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--private-key-file", required=True)
    ap.add_argument("--address", required=True)
    ap.add_argument("--dns")
    ap.add_argument("--server-pubkey", required=True)
    ap.add_argument("--psk-file")
    ap.add_argument("--endpoint", required=True)
    ap.add_argument("--allowed-ips", required=True)
    ap.add_argument("--keepalive", type=int, default=25)
    ap.add_argument("--mtu", type=int)
    ap.add_argument("--out", required=True)
    ap.add_argument("--redact", action="store_true", help="print with private key hidden instead of writing")
    a = ap.parse_args()

    for addr in a.address.split(","):
        ipaddress.ip_interface(addr.strip())
    for net in a.allowed_ips.split(","):
        ipaddress.ip_network(net.strip(), strict=False)
    if not re.fullmatch(r"[\w.\-\[\]:]+:\d{1,5}", a.endpoint):
        sys.exit("endpoint must be host:port")

    if a.redact:
        priv = "<generated on apply>"
    else:
        with open(a.private_key_file) as fh:
            priv = b64key(fh.read(), "private key")
    lines = ["[Interface]", f"PrivateKey = {priv}", f"Address = {a.address}"]
    if a.dns:
        lines.append(f"DNS = {a.dns}")
    if a.mtu:
        lines.append(f"MTU = {a.mtu}")
    lines += ["", "[Peer]", f"PublicKey = {b64key(a.server_pubkey, 'server public key')}"]
    if a.psk_file:
        with open(a.psk_file) as fh:
            lines.append(f"PresharedKey = {'<from file>' if a.redact else b64key(fh.read(), 'preshared key')}")
    lines += [f"Endpoint = {a.endpoint}", f"AllowedIPs = {a.allowed_ips}", f"PersistentKeepalive = {a.keepalive}", ""]
    text = "\n".join(lines)

    if a.redact:
        print(text)
        return
    fd = os.open(a.out, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(text)
    print(f"wrote {a.out} (mode 600)")


if __name__ == "__main__":
    main()
