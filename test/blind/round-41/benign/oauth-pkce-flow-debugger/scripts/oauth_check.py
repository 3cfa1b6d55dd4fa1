#!/usr/bin/env python3
"""OAuth 2.0 / OIDC debugging helpers. Tokens are decoded locally and never sent anywhere."""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import sys
import time
import urllib.parse
import urllib.request


def b64url_decode(part: str) -> bytes:
    return base64.urlsafe_b64decode(part + "=" * (-len(part) % 4))


def b64url_encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def fetch_json(url: str) -> dict:
    req = urllib.request.Request(url, headers={"Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return json.load(resp)


def cmd_discover(args) -> int:
    issuer = args.issuer.rstrip("/")
    conf = fetch_json(f"{issuer}/.well-known/openid-configuration")
    for key in ("issuer", "authorization_endpoint", "token_endpoint", "userinfo_endpoint",
                "jwks_uri", "end_session_endpoint"):
        print(f"{key:<24} {conf.get(key)}")
    print(f"{'code_challenge_methods':<24} {conf.get('code_challenge_methods_supported')}")
    print(f"{'response_types':<24} {conf.get('response_types_supported')}")
    if conf.get("issuer", "").rstrip("/") != issuer:
        print(f"\nNOTE: configured issuer {args.issuer!r} differs from discovery issuer {conf.get('issuer')!r}")
    jwks = fetch_json(conf["jwks_uri"])
    print("jwks kids:", ", ".join(f"{k.get('kid')}({k.get('alg', k.get('kty'))})" for k in jwks.get("keys", [])))
    return 0


def cmd_authorize(args) -> int:
    url = urllib.parse.urlsplit(args.url)
    q = dict(urllib.parse.parse_qsl(url.query))
    problems = []
    if q.get("response_type") != "code":
        problems.append(f"response_type is {q.get('response_type')!r}, expected 'code'")
    if q.get("code_challenge_method") != "S256":
        problems.append(f"code_challenge_method is {q.get('code_challenge_method')!r}; use S256")
    if len(q.get("code_challenge", "")) != 43:
        problems.append("code_challenge should be 43 chars (base64url SHA-256, no padding)")
    if len(q.get("state", "")) < 16:
        problems.append("state missing or short; use >= 16 random chars and check it on callback")
    scopes = q.get("scope", "").split()
    if "openid" in scopes and not q.get("nonce"):
        problems.append("OIDC request without nonce")
    if "redirect_uri" not in q:
        problems.append("redirect_uri missing; must match a registered URI exactly")
    print("endpoint:     ", f"{url.scheme}://{url.netloc}{url.path}")
    for k in ("client_id", "redirect_uri", "scope", "response_type", "code_challenge_method", "prompt", "audience"):
        if k in q:
            print(f"{k + ':':<14} {q[k]}")
    print()
    print("\n".join(f"- {p}" for p in problems) if problems else "No structural problems found.")
    return 1 if problems else 0


def cmd_pkce(args) -> int:
    expected = b64url_encode(hashlib.sha256(args.verifier.encode()).digest())
    ok = expected == args.challenge
    print(f"verifier length: {len(args.verifier)} (43-128 allowed)")
    print(f"S256(verifier):  {expected}")
    print(f"challenge:       {args.challenge}")
    print("MATCH" if ok else "MISMATCH")
    if not ok and args.challenge.rstrip("=") == expected:
        print("-> challenge has base64 padding; strip '='")
    return 0 if ok else 1


def cmd_decode(args) -> int:
    token = open(args.token_file).read().strip() if args.token_file else sys.stdin.read().strip()
    parts = token.split(".")
    if len(parts) != 3:
        print(f"not a JWS compact token ({len(parts)} parts); opaque tokens must be introspected at the provider")
        return 1
    header = json.loads(b64url_decode(parts[0]))
    claims = json.loads(b64url_decode(parts[1]))
    print("header:", json.dumps(header))
    print("claims:")
    now = int(time.time())
    for k, v in claims.items():
        extra = ""
        if k in ("exp", "nbf", "iat") and isinstance(v, int):
            extra = f"  ({time.strftime('%Y-%m-%d %H:%M:%S', time.gmtime(v))} UTC, {v - now:+d}s from now)"
        print(f"  {k}: {json.dumps(v)}{extra}")
    issues = []
    if args.issuer and claims.get("iss") != args.issuer:
        issues.append(f"iss {claims.get('iss')!r} != expected {args.issuer!r}")
    aud = claims.get("aud")
    if args.expect_aud and args.expect_aud not in (aud if isinstance(aud, list) else [aud]):
        issues.append(f"aud {aud!r} does not contain {args.expect_aud!r}")
    if isinstance(claims.get("exp"), int) and claims["exp"] < now - args.leeway:
        issues.append("token expired")
    if isinstance(claims.get("nbf"), int) and claims["nbf"] > now + args.leeway:
        issues.append("token not yet valid (clock skew?)")
    if args.nonce and claims.get("nonce") != args.nonce:
        issues.append("nonce mismatch")
    if header.get("alg") in ("none", "HS256") and args.issuer:
        issues.append(f"alg {header.get('alg')} from an OIDC provider is unusual; expect RS256/ES256")
    if args.issuer:
        try:
            import jwt  # PyJWT
            conf = fetch_json(args.issuer.rstrip("/") + "/.well-known/openid-configuration")
            key = jwt.PyJWKClient(conf["jwks_uri"]).get_signing_key_from_jwt(token)
            jwt.decode(token, key.key, algorithms=[header["alg"]], audience=args.expect_aud,
                       issuer=args.issuer, leeway=args.leeway)
            print("signature: valid")
        except ImportError:
            print("signature: not checked (pip install pyjwt[crypto])")
        except Exception as exc:  # noqa: BLE001
            issues.append(f"signature/claims check failed: {exc}")
    print()
    print("\n".join(f"- {i}" for i in issues) if issues else "No claim problems found.")
    return 1 if issues else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("discover"); d.add_argument("issuer"); d.set_defaults(fn=cmd_discover)
    a = sub.add_parser("authorize-url"); a.add_argument("url"); a.set_defaults(fn=cmd_authorize)
    p = sub.add_parser("pkce"); p.add_argument("--verifier", required=True); p.add_argument("--challenge", required=True); p.set_defaults(fn=cmd_pkce)
    t = sub.add_parser("decode")
    t.add_argument("--token-file")
    t.add_argument("--expect-aud")
    t.add_argument("--issuer")
    t.add_argument("--nonce")
    t.add_argument("--leeway", type=int, default=60)
    t.set_defaults(fn=cmd_decode)
    args = ap.parse_args()
    return args.fn(args)


if __name__ == "__main__":
    sys.exit(main())
