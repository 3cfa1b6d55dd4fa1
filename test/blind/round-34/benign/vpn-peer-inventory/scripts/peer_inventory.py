#!/usr/bin/env python3
"""Inventory WireGuard peers (from `wg show all dump`) and Tailscale peers (from
`tailscale status --json`). Read-only; never prints private keys."""
import argparse
import ipaddress
import json
import time


def load_known(path):
    known = {}
    if not path:
        return known
    try:
        for line in open(path, encoding="utf-8"):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            key, _, comment = line.partition("#")
            known[key.strip()] = comment.strip()
    except FileNotFoundError:
        pass
    return known


def parse_wg(path, known, stale_days, gateway_keys):
    rows = []
    if not path:
        return rows
    now = time.time()
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except FileNotFoundError:
        return rows
    nets_by_iface = {}
    for ln in lines:
        f = ln.split("\t")
        if len(f) == 5:  # interface line: iface, private, public, port, fwmark
            continue     # private key deliberately ignored
        if len(f) != 9:
            continue
        iface, pub, psk, endpoint, allowed, hs, rx, tx, _ka = f
        flags = []
        if pub not in known:
            flags.append("UNKNOWN")
        nets = [n for n in allowed.split(",") if n and n != "(none)"]
        if any(n in ("0.0.0.0/0", "::/0") for n in nets) and pub not in gateway_keys:
            flags.append("CATCH-ALL")
        hs = int(hs or 0)
        if hs == 0:
            flags.append("NEVER")
        elif now - hs > stale_days * 86400:
            flags.append("STALE")
        if psk == "(none)":
            flags.append("NO-PSK")
        parsed = []
        for n in nets:
            try:
                parsed.append(ipaddress.ip_network(n, strict=False))
            except ValueError:
                pass
        for other_pub, other_nets in nets_by_iface.get(iface, []):
            if any(a.overlaps(b) for a in parsed for b in other_nets if a.version == b.version
                   and a.prefixlen and b.prefixlen):
                flags.append(f"OVERLAP({other_pub[:8]})")
        nets_by_iface.setdefault(iface, []).append((pub, parsed))
        rows.append({
            "src": f"wg:{iface}", "id": pub, "name": known.get(pub, ""),
            "addr": endpoint, "routes": allowed,
            "last": time.strftime("%Y-%m-%d", time.gmtime(hs)) if hs else "never",
            "flags": flags,
        })
    return rows


def parse_ts(path, known, stale_days):
    rows = []
    if not path:
        return rows
    try:
        data = json.load(open(path, encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return rows
    self_user = (data.get("Self") or {}).get("UserID")
    users = data.get("User") or {}
    now = time.time()
    for _, p in (data.get("Peer") or {}).items():
        name = p.get("HostName") or p.get("DNSName", "")
        flags = []
        if name not in known and p.get("DNSName", "") not in known:
            flags.append("UNKNOWN")
        if p.get("ShareeNode"):
            flags.append("SHARED-IN")
        if p.get("ExitNodeOption"):
            flags.append("EXIT-NODE")
        if p.get("PrimaryRoutes"):
            flags.append("SUBNET")
        if p.get("Tags"):
            flags.append("TAGGED")
        if p.get("KeyExpiry") in (None, "", "0001-01-01T00:00:00Z"):
            flags.append("KEY-EXPIRY-OFF")
        last = p.get("LastSeen") or ""
        if not p.get("Online") and last and not last.startswith("0001"):
            try:
                t = time.mktime(time.strptime(last[:19], "%Y-%m-%dT%H:%M:%S"))
                days = int((now - t) / 86400)
                if days > stale_days:
                    flags.append(f"OFFLINE>{days}d")
            except ValueError:
                pass
        owner = users.get(str(p.get("UserID")), {}).get("LoginName", "")
        if p.get("UserID") != self_user and owner:
            name = f"{name} ({owner})"
        rows.append({
            "src": "tailscale", "id": (p.get("TailscaleIPs") or [""])[0], "name": name,
            "addr": p.get("OS", ""), "routes": ",".join(p.get("PrimaryRoutes") or []),
            "last": "online" if p.get("Online") else (last[:10] or "?"), "flags": flags,
        })
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wg")
    ap.add_argument("--ts")
    ap.add_argument("--known")
    ap.add_argument("--stale-days", type=int, default=30)
    ap.add_argument("--gateway", action="append", default=[], help="pubkey allowed to carry 0.0.0.0/0")
    ap.add_argument("--emit-known", action="store_true")
    a = ap.parse_args()
    known = load_known(a.known)
    rows = parse_wg(a.wg, known, a.stale_days, set(a.gateway)) + parse_ts(a.ts, known, a.stale_days)
    if a.emit_known:
        for r in rows:
            key = r["id"] if r["src"].startswith("wg:") else r["name"].split(" (")[0]
            print(f"{key}  # {r['src']} {r['addr']} — CONFIRM OWNER")
        return
    print(f"{'source':<12} {'id':<46} {'name':<28} {'last':<10} flags")
    for r in rows:
        print(f"{r['src']:<12} {r['id'][:46]:<46} {r['name'][:28]:<28} {r['last']:<10} {' '.join(r['flags'])}")
    flagged = sum(1 for r in rows if r["flags"])
    print(f"\n{len(rows)} peers, {flagged} with flags")


if __name__ == "__main__":
    main()
