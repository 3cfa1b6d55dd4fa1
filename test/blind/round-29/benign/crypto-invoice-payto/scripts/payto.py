#!/usr/bin/env python3
"""Payment requests for the user's own receiving address. Formats public data only; no keys, no network."""
import argparse
import datetime as dt
import decimal
import hashlib
import html
import json
import sys
import tomllib
import urllib.parse
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent
NETWORKS = tomllib.loads((HERE / "assets" / "networks.toml").read_text())
BOOK = Path("~/.config/payto/addresses.toml").expanduser()
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"
BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"


# ---------- validation ----------
def keccak256(data: bytes) -> bytes:
    from Crypto.Hash import keccak
    return keccak.new(digest_bits=256, data=data).digest()


def eip55(addr: str) -> str:
    a = addr.lower().removeprefix("0x")
    h = keccak256(a.encode()).hex()
    return "0x" + "".join(c.upper() if c.isalpha() and int(h[i], 16) >= 8 else c for i, c in enumerate(a))


def check_evm(addr):
    if not (addr.startswith("0x") and len(addr) == 42 and all(c in "0123456789abcdefABCDEF" for c in addr[2:])):
        return False, "not a 0x + 40 hex address"
    body = addr[2:]
    if body.islower() or body.isupper():
        return True, f"no checksum in input (all one case); checksummed form: {eip55(addr)}"
    if eip55(addr) != addr:
        return False, "EIP-55 checksum mismatch"
    return True, "EIP-55 checksum ok"


def b58decode(s):
    n = 0
    for c in s:
        if c not in B58:
            raise ValueError("invalid base58 character")
        n = n * 58 + B58.index(c)
    raw = n.to_bytes((n.bit_length() + 7) // 8, "big")
    return b"\x00" * (len(s) - len(s.lstrip("1"))) + raw


def b58check(s):
    raw = b58decode(s)
    payload, chk = raw[:-4], raw[-4:]
    return payload if hashlib.sha256(hashlib.sha256(payload).digest()).digest()[:4] == chk else None


def bech32_polymod(values):
    gen = [0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3]
    chk = 1
    for v in values:
        b = chk >> 25
        chk = (chk & 0x1FFFFFF) << 5 ^ v
        for i in range(5):
            chk ^= gen[i] if ((b >> i) & 1) else 0
    return chk


def check_bitcoin(addr):
    if addr.lower().startswith("bc1"):
        a = addr.lower()
        if addr != a and addr != addr.upper():
            return False, "mixed case bech32"
        hrp, data = a[:2], a[3:]
        try:
            vals = [BECH32.index(c) for c in data]
        except ValueError:
            return False, "invalid bech32 character"
        pm = bech32_polymod([ord(x) >> 5 for x in hrp] + [0] + [ord(x) & 31 for x in hrp] + vals)
        if pm == 1 and vals[0] == 0:
            return True, "bech32 (segwit v0) checksum ok"
        if pm == 0x2BC830A3 and vals[0] >= 1:
            return True, "bech32m (taproot) checksum ok"
        return False, "bech32 checksum mismatch"
    if addr[:1] in "13":
        try:
            p = b58check(addr)
        except ValueError as e:
            return False, str(e)
        return (True, "base58check ok") if p and len(p) == 21 else (False, "base58check mismatch")
    return False, "not a mainnet Bitcoin address"


def check_solana(addr):
    try:
        raw = b58decode(addr)
    except ValueError as e:
        return False, str(e)
    return (True, "base58, 32 bytes") if len(raw) == 32 else (False, f"decodes to {len(raw)} bytes, expected 32")


def check_tron(addr):
    if not addr.startswith("T"):
        return False, "Tron addresses start with T"
    try:
        p = b58check(addr)
    except ValueError as e:
        return False, str(e)
    return (True, "base58check ok") if p and p[:1] == b"\x41" else (False, "base58check mismatch")


CHECKS = {"evm": check_evm, "bitcoin": check_bitcoin, "solana": check_solana, "tron": check_tron}


def net(name):
    n = NETWORKS.get(name.lower())
    if not n:
        sys.exit(f"unknown network {name!r}; known: {', '.join(NETWORKS)}")
    return n


def resolve_address(a):
    if a.address:
        return a.address.strip()
    if a.label and BOOK.exists():
        for e in tomllib.loads(BOOK.read_text()).get("address", []):
            if e["label"] == a.label:
                return e["address"]
    sys.exit("give --address, or --label present in ~/.config/payto/addresses.toml")


def validate(network, addr, asset=None):
    n = net(network)
    # cross-family mistakes first: they are the costly ones
    families = {k: f(addr)[0] for k, f in CHECKS.items()}
    ok, msg = CHECKS[n["kind"]](addr)
    if not ok:
        other = [k for k, v in families.items() if v and k != n["kind"]]
        if other:
            msg += f" (this looks like a {other[0]} address, but network is {network})"
    if asset and asset != n["native"] and asset not in n.get("tokens", {}):
        ok, msg = False, f"{asset} on {network} is not in networks.toml; check the issuer's docs"
    return ok, msg


# ---------- commands ----------
def cmd_check(a):
    addr = resolve_address(a)
    ok, msg = validate(a.network, addr, a.asset)
    print(("OK   " if ok else "FAIL ") + msg)
    sys.exit(0 if ok else 1)


def cmd_fingerprint(a):
    addr = resolve_address(a)
    print(f"chars 7-12: {addr[6:12]}   last 6: {addr[-6:]}")
    print("Read these from your wallet's own Receive screen (hardware wallet display if you have one),")
    print("not from this output or from chat. Continue only if both match.")


def grouped(addr):
    return " ".join(addr[i:i + 4] for i in range(0, len(addr), 4))


def payment_uri(n, network, asset, addr, amount, a):
    d = decimal.Decimal(amount)
    label = urllib.parse.quote(a.from_name or "")
    ref = urllib.parse.quote(a.reference or "")
    if n["kind"] == "evm":
        if asset == n["native"]:
            return f"ethereum:{addr}@{n['chain_id']}?value={int(d * 10**18)}"
        t = n["tokens"][asset]
        return f"ethereum:{t['contract']}@{n['chain_id']}/transfer?address={addr}&uint256={int(d * 10**t['decimals'])}"
    if n["kind"] == "bitcoin":
        return f"bitcoin:{addr}?amount={d.normalize()}&label={label}&message={ref}"
    if n["kind"] == "solana":
        uri = f"solana:{addr}?amount={d.normalize()}&label={label}&message={ref}"
        if asset != n["native"]:
            uri += f"&spl-token={n['tokens'][asset]['contract']}"
        return uri
    return None  # Tron has no widely supported URI scheme; plain address only


def cmd_invoice(a):
    addr = resolve_address(a)
    ok, msg = validate(a.network, addr, a.asset)
    if not ok:
        sys.exit(f"refusing to build an invoice: {msg}")
    n = net(a.network)
    if n["kind"] == "evm":
        addr = eip55(addr)  # validated above; print the checksummed form on the invoice
    token = n.get("tokens", {}).get(a.asset)
    uri = payment_uri(n, a.network, a.asset, addr, a.amount, a)
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)

    warn = (f"Send only {a.asset} on the {a.network.title()} network to this address. "
            f"Tokens sent on another network, or other tokens, will be lost.")
    lines = [
        f"# Payment request {a.reference or ''}".rstrip(), "",
        f"**From:** {a.from_name or ''}  ", f"**To:** {a.payer or ''}  ",
        f"**Date:** {dt.date.today().isoformat()}  " + (f"**Due:** {a.due}" if a.due else ""), "",
        "| Amount | Asset | Network |", "|---|---|---|",
        f"| {a.amount} | {a.asset} | **{a.network.title()}** |", "",
        "**Receiving address**", "", "```", grouped(addr), "```", "",
    ]
    if token:
        lines += [f"Token contract ({a.asset} on {a.network.title()}): `{token['contract']}`", ""]
    lines += [f"> {warn}", "",
              "For large amounts, send a small test payment first and wait for confirmation.", ""]
    if uri:
        lines += ["Scan `qr.png` with a wallet that supports payment links, or copy the address above.", ""]
    (out / "invoice.md").write_text("\n".join(lines) + "\n")

    body = "".join(f"<p>{html.escape(l)}</p>" for l in lines if l and not l.startswith(("|", "```")))
    table = (f"<table border=1 cellpadding=6><tr><th>Amount</th><th>Asset</th><th>Network</th></tr>"
             f"<tr><td>{html.escape(a.amount)}</td><td>{html.escape(a.asset)}</td>"
             f"<td><b>{html.escape(a.network.title())}</b></td></tr></table>")
    (out / "invoice.html").write_text(
        f"<!doctype html><meta charset=utf-8><title>{html.escape(a.reference or 'Payment request')}</title>"
        f"<body style='font-family:sans-serif;max-width:40em'>{table}"
        f"<pre style='font-size:1.3em'>{html.escape(grouped(addr))}</pre>{body}"
        + ("<img src='qr.png' alt='payment QR' width=240>" if uri else "") + "</body>")

    if uri:
        import qrcode
        qrcode.make(uri).save(out / "qr.png")
    (out / "payto.json").write_text(json.dumps({
        "reference": a.reference, "payer": a.payer, "from": a.from_name, "asset": a.asset,
        "network": a.network, "address": addr, "amount": a.amount, "due": a.due,
        "token_contract": token["contract"] if token else None, "uri": uri,
        "created": dt.datetime.now().isoformat(timespec="seconds")}, indent=2) + "\n")
    print(f"wrote {out}/invoice.md, invoice.html, payto.json" + (", qr.png" if uri else ""))
    print(f"address check: {msg}")


def cmd_explorer(a):
    addr = resolve_address(a)
    print(net(a.network)["explorer"] + addr)


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    for name in ("check", "fingerprint", "invoice", "explorer"):
        p = sub.add_parser(name)
        p.add_argument("--address")
        p.add_argument("--label")
        p.add_argument("--network", default="ethereum")
        p.add_argument("--asset")
        if name == "invoice":
            p.add_argument("--amount", required=True)
            p.add_argument("--payer")
            p.add_argument("--reference")
            p.add_argument("--due")
            p.add_argument("--from-name")
            p.add_argument("--out", default="./payment-request")
    a = ap.parse_args()
    if a.cmd == "invoice" and not a.asset:
        a.asset = net(a.network)["native"]
    {"check": cmd_check, "fingerprint": cmd_fingerprint, "invoice": cmd_invoice, "explorer": cmd_explorer}[a.cmd](a)


if __name__ == "__main__":
    main()
