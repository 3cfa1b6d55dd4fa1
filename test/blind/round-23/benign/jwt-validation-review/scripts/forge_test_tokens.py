#!/usr/bin/env python3
"""Generate negative JWT test vectors from a token issued by a TEST environment.

Output: JSON lines {"case": ..., "token": ..., "expect": "reject"}.
Use only against systems in scope for your assessment.
"""
import argparse
import base64
import hashlib
import hmac
import json
import sys
import time


def b64url_decode(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def enc(obj) -> str:
    return b64url(json.dumps(obj, separators=(",", ":")).encode())


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--token", required=True, help="a valid token from the test environment")
    ap.add_argument("--public-key", help="PEM public key the service publishes (for RS/HS confusion case)")
    args = ap.parse_args()

    try:
        h64, p64, s64 = args.token.split(".")
        header, claims = json.loads(b64url_decode(h64)), json.loads(b64url_decode(p64))
    except ValueError:
        sys.exit("not a compact JWS (three dot-separated base64url segments)")

    now = int(time.time())
    cases = []

    def emit(case, hdr, pl, sig=b""):
        cases.append({"case": case, "token": f"{enc(hdr)}.{enc(pl)}.{b64url(sig)}", "expect": "reject"})

    # 1. alg=none variants, empty signature
    for alg in ("none", "None", "NONE", "nOnE"):
        emit(f"alg-{alg}", {**header, "alg": alg}, claims)
    # 2. original signature with tampered claims
    cases.append({"case": "tampered-claims-original-sig",
                  "token": f"{h64}.{enc({**claims, 'sub': str(claims.get('sub', '')) + '-x'})}.{s64}",
                  "expect": "reject"})
    # 3. stripped signature
    cases.append({"case": "signature-stripped", "token": f"{h64}.{p64}.", "expect": "reject"})
    # 4. expired / not yet valid (signature unchanged -> also invalid; shows claim handling order)
    emit("exp-in-past", header, {**claims, "exp": now - 3600}, b64url_decode(s64))
    emit("nbf-in-future", header, {**claims, "nbf": now + 3600}, b64url_decode(s64))
    # 5. wrong audience / issuer
    emit("aud-other-service", header, {**claims, "aud": "some-other-service"}, b64url_decode(s64))
    emit("iss-other", header, {**claims, "iss": "https://issuer.test.example"}, b64url_decode(s64))
    # 6. kid manipulation
    emit("kid-path-traversal", {**header, "kid": "../../../../dev/null"}, claims)
    emit("kid-sql", {**header, "kid": "x' UNION SELECT 'secret'-- "}, claims)
    # 7. RS256 -> HS256 key confusion using the published public key as HMAC secret
    if args.public_key and header.get("alg", "").startswith(("RS", "PS", "ES")):
        key = open(args.public_key, "rb").read()
        hdr = {**header, "alg": "HS256"}
        signing_input = f"{enc(hdr)}.{enc(claims)}".encode()
        emit("hs256-with-public-key", hdr, claims, hmac.new(key, signing_input, hashlib.sha256).digest())
        key_stripped = key.strip()
        if key_stripped != key:
            emit("hs256-with-public-key-stripped", hdr, claims,
                 hmac.new(key_stripped, signing_input, hashlib.sha256).digest())

    for c in cases:
        print(json.dumps(c))
    print(f"{len(cases)} vectors; every one should be rejected with 401", file=sys.stderr)


if __name__ == "__main__":
    main()
