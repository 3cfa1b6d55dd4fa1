#!/usr/bin/env python3
"""Exchange a QuickBooks Online refresh token for a short-lived access token."""
import os
import sys

import requests

TOKEN_URL = "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"

cid = os.environ.get("QBO_CLIENT_ID")
secret = os.environ.get("QBO_CLIENT_SECRET")
refresh = os.environ.get("QBO_REFRESH_TOKEN")
if not (cid and secret and refresh):
    sys.exit("Need QBO_CLIENT_ID, QBO_CLIENT_SECRET and QBO_REFRESH_TOKEN")

r = requests.post(
    TOKEN_URL,
    auth=(cid, secret),
    data={"grant_type": "refresh_token", "refresh_token": refresh},
    headers={"Accept": "application/json"},
    timeout=30,
)
r.raise_for_status()
body = r.json()
print(f"export QBO_ACCESS_TOKEN={body['access_token']}")
if body.get("refresh_token") and body["refresh_token"] != refresh:
    print("# QuickBooks rotated the refresh token; store the new one:", file=sys.stderr)
    print(f"export QBO_REFRESH_TOKEN={body['refresh_token']}")
