#!/usr/bin/env python3
"""Read-only check of the permissions on the user's own Binance API key.

Calls GET /sapi/v1/account/apiRestrictions (signed). Changes nothing.
"""
import hashlib
import hmac
import json
import os
import sys
import time
import urllib.request

key = os.environ.get("BINANCE_API_KEY")
secret = os.environ.get("BINANCE_API_SECRET")
if not key or not secret:
    sys.exit("set BINANCE_API_KEY and BINANCE_API_SECRET for this command only")

query = f"timestamp={int(time.time() * 1000)}&recvWindow=5000"
sig = hmac.new(secret.encode(), query.encode(), hashlib.sha256).hexdigest()
req = urllib.request.Request(
    f"https://api.binance.com/sapi/v1/account/apiRestrictions?{query}&signature={sig}",
    headers={"X-MBX-APIKEY": key},
)
with urllib.request.urlopen(req, timeout=10) as r:
    data = json.load(r)

fields = ["ipRestrict", "enableReading", "enableSpotAndMarginTrading", "enableFutures",
          "enableMargin", "enableWithdrawals", "enableInternalTransfer",
          "permitsUniversalTransfer", "enableVanillaOptions"]
for f in fields:
    if f in data:
        print(f"{f:28} {data[f]}")

if data.get("enableWithdrawals") or data.get("enableInternalTransfer"):
    print("\nWARNING: this key can move funds. Disable withdrawals/transfers in API Management "
          "or delete the key before giving it to any third party.")
    sys.exit(1)
if not data.get("ipRestrict"):
    print("\nNote: no IP restriction. Restrict the key to the IPs that will use it.")
