#!/usr/bin/env python3
"""OAuth 2.0 for QuickBooks Online: login, refresh (with rotation), revoke."""
import base64
import http.server
import json
import os
import secrets
import sys
import time
import urllib.parse
import urllib.request
import webbrowser
from pathlib import Path

AUTH_URL = "https://appcenter.intuit.com/connect/oauth2"
TOKEN_URL = "https://oauth.platform.intuit.com/oauth2/v1/tokens/bearer"
REVOKE_URL = "https://developer.api.intuit.com/v2/oauth2/tokens/revoke"
REDIRECT = "http://localhost:8765/callback"
SCOPE = "com.intuit.quickbooks.accounting"
TOKEN_FILE = Path.home() / ".config" / "qbo-categorizer" / "tokens.json"


def client_auth():
    cid, sec = os.environ.get("QBO_CLIENT_ID"), os.environ.get("QBO_CLIENT_SECRET")
    if not cid or not sec:
        sys.exit("Set QBO_CLIENT_ID and QBO_CLIENT_SECRET")
    return cid, "Basic " + base64.b64encode(f"{cid}:{sec}".encode()).decode()


def post_form(url, data, auth):
    req = urllib.request.Request(url, data=urllib.parse.urlencode(data).encode(), headers={
        "Authorization": auth, "Accept": "application/json",
        "Content-Type": "application/x-www-form-urlencoded"})
    with urllib.request.urlopen(req, timeout=30) as r:
        body = r.read()
        return json.loads(body) if body else {}


def save(tok):
    TOKEN_FILE.parent.mkdir(parents=True, exist_ok=True)
    tmp = TOKEN_FILE.with_suffix(".tmp")
    tmp.write_text(json.dumps(tok, indent=2))
    os.chmod(tmp, 0o600)
    tmp.replace(TOKEN_FILE)


def load():
    if not TOKEN_FILE.exists():
        sys.exit("Not connected. Run: python3 scripts/qbo_auth.py login")
    return json.loads(TOKEN_FILE.read_text())


def login():
    cid, auth = client_auth()
    state = secrets.token_urlsafe(16)
    result = {}

    class H(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            q = urllib.parse.parse_qs(urllib.parse.urlparse(self.path).query)
            result.update({k: v[0] for k, v in q.items()})
            self.send_response(200)
            self.end_headers()
            self.wfile.write(b"Connected. You can close this tab.")

        def log_message(self, *a):
            pass

    url = AUTH_URL + "?" + urllib.parse.urlencode({
        "client_id": cid, "response_type": "code", "scope": SCOPE,
        "redirect_uri": REDIRECT, "state": state})
    print("Opening browser for Intuit sign-in:\n" + url)
    webbrowser.open(url)
    srv = http.server.HTTPServer(("127.0.0.1", 8765), H)
    while "code" not in result:
        srv.handle_request()
    if result.get("state") != state:
        sys.exit("State mismatch; aborting")
    tok = post_form(TOKEN_URL, {"grant_type": "authorization_code", "code": result["code"],
                                "redirect_uri": REDIRECT}, auth)
    tok["realm_id"] = result["realmId"]
    tok["obtained_at"] = int(time.time())
    save(tok)
    print(f"Connected to company {tok['realm_id']}")


def access_token():
    """Return (access_token, realm_id), refreshing and persisting the rotated refresh token if needed."""
    tok = load()
    if time.time() - tok.get("obtained_at", 0) > 55 * 60:
        _, auth = client_auth()
        new = post_form(TOKEN_URL, {"grant_type": "refresh_token", "refresh_token": tok["refresh_token"]}, auth)
        new["realm_id"] = tok["realm_id"]
        new["obtained_at"] = int(time.time())
        save(new)
        tok = new
    return tok["access_token"], tok["realm_id"]


def revoke():
    tok = load()
    _, auth = client_auth()
    req = urllib.request.Request(REVOKE_URL, data=json.dumps({"token": tok["refresh_token"]}).encode(),
                                 headers={"Authorization": auth, "Content-Type": "application/json"})
    urllib.request.urlopen(req, timeout=30)
    TOKEN_FILE.unlink()
    print("Revoked and removed local tokens")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    {"login": login, "revoke": revoke,
     "refresh": lambda: print("ok, realm", access_token()[1])}.get(cmd, lambda: sys.exit("login|refresh|revoke"))()
