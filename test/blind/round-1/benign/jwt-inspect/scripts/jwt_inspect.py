#!/usr/bin/env python3
"""Decode, check and optionally verify a JWT locally."""
import argparse
import base64
import datetime as dt
import hashlib
import hmac
import json
import os
import sys
import urllib.request

SENSITIVE = ("password", "passwd", "secret", "ssn", "card", "cvv", "dob")


def b64url(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def human(delta: dt.timedelta) -> str:
    s = int(abs(delta.total_seconds()))
    d, s = divmod(s, 86400)
    h, s = divmod(s, 3600)
    m, _ = divmod(s, 60)
    return (f"{d}d" if d else "") + (f"{h}h" if h or d else "") + f"{m}m"


def verify_hmac(alg, signing_input, sig, secret):
    digest = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}[alg]
    return hmac.compare_digest(hmac.new(secret, signing_input, digest).digest(), sig)


def verify_asym(alg, signing_input, sig, key):
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives import hashes
    from cryptography.hazmat.primitives.asymmetric import ec, padding
    from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
    h = {"256": hashes.SHA256(), "384": hashes.SHA384(), "512": hashes.SHA512()}[alg[2:]]
    try:
        if alg.startswith("RS"):
            key.verify(sig, signing_input, padding.PKCS1v15(), h)
        elif alg.startswith("PS"):
            key.verify(sig, signing_input, padding.PSS(mgf=padding.MGF1(h), salt_length=h.digest_size), h)
        elif alg.startswith("ES"):
            n = len(sig) // 2
            der = encode_dss_signature(int.from_bytes(sig[:n], "big"), int.from_bytes(sig[n:], "big"))
            key.verify(der, signing_input, ec.ECDSA(h))
        else:
            return None
        return True
    except InvalidSignature:
        return False


def jwk_to_key(jwk):
    from cryptography.hazmat.primitives.asymmetric import ec, rsa
    num = lambda v: int.from_bytes(b64url(v), "big")
    if jwk["kty"] == "RSA":
        return rsa.RSAPublicNumbers(num(jwk["e"]), num(jwk["n"])).public_key()
    if jwk["kty"] == "EC":
        curve = {"P-256": ec.SECP256R1(), "P-384": ec.SECP384R1(), "P-521": ec.SECP521R1()}[jwk["crv"]]
        return ec.EllipticCurvePublicNumbers(num(jwk["x"]), num(jwk["y"]), curve).public_key()
    raise ValueError(f"unsupported kty {jwk['kty']}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("token", help="file containing the token, or - for stdin")
    ap.add_argument("--secret-env", help="name of env var holding the HMAC secret")
    ap.add_argument("--pubkey", help="PEM public key file")
    ap.add_argument("--jwks", help="issuer JWKS URL (https)")
    ap.add_argument("--aud")
    ap.add_argument("--iss")
    a = ap.parse_args()

    raw = (sys.stdin.read() if a.token == "-" else open(a.token).read()).strip()
    if raw.lower().startswith("bearer "):
        raw = raw[7:].strip()
    parts = raw.split(".")
    if len(parts) != 3:
        sys.exit(f"not a JWS compact token ({len(parts)} parts)")
    header, payload = (json.loads(b64url(p)) for p in parts[:2])
    sig = b64url(parts[2]) if parts[2] else b""
    signing_input = f"{parts[0]}.{parts[1]}".encode()
    alg = header.get("alg", "")
    warnings = []

    print(f"token: {raw[:6]}…{raw[-6:]} ({len(raw)} chars)")
    print("header:", json.dumps(header, indent=2))
    print("payload:", json.dumps(payload, indent=2))

    now = dt.datetime.now(dt.timezone.utc)
    ts = lambda k: dt.datetime.fromtimestamp(payload[k], dt.timezone.utc) if isinstance(payload.get(k), (int, float)) else None
    iat, exp, nbf = ts("iat"), ts("exp"), ts("nbf")
    if iat:
        print(f"issued:     {iat:%Y-%m-%d %H:%M:%S} UTC ({human(now - iat)} ago)")
        if iat > now + dt.timedelta(seconds=60):
            warnings.append("iat is in the future: clock skew between issuer and this machine")
    if nbf and nbf > now:
        warnings.append(f"not valid before {nbf:%H:%M:%S} UTC (in {human(nbf - now)})")
    if exp:
        state = f"expired {human(now - exp)} ago" if exp < now else f"expires in {human(exp - now)}"
        print(f"expires:    {exp:%Y-%m-%d %H:%M:%S} UTC ({state})")
        if iat and exp - iat > dt.timedelta(hours=24):
            warnings.append(f"lifetime is {human(exp - iat)}; long for an access token")
    else:
        warnings.append("no exp claim: token never expires")
    if alg.lower() == "none":
        warnings.append("alg is none: the token is unsigned")
    if alg.startswith("HS") and (a.pubkey or a.jwks):
        warnings.append("HS* token checked against a public key: possible algorithm-confusion attack")
    if a.aud:
        aud = payload.get("aud")
        if a.aud not in (aud if isinstance(aud, list) else [aud]):
            warnings.append(f"aud is {aud!r}, expected {a.aud!r}")
    if a.iss and payload.get("iss") != a.iss:
        warnings.append(f"iss is {payload.get('iss')!r}, expected {a.iss!r}")
    for k in payload:
        if any(s in k.lower() for s in SENSITIVE):
            warnings.append(f"claim {k!r} looks sensitive; JWT payloads are readable by anyone holding the token")

    verdict = "not checked"
    if a.secret_env:
        secret = os.environ.get(a.secret_env)
        if not secret:
            sys.exit(f"{a.secret_env} is not set")
        if alg.startswith("HS"):
            verdict = "VALID" if verify_hmac(alg, signing_input, sig, secret.encode()) else "INVALID"
        else:
            verdict = f"cannot verify {alg} with an HMAC secret"
    elif a.pubkey or a.jwks:
        from cryptography.hazmat.primitives.serialization import load_pem_public_key
        if a.pubkey:
            key = load_pem_public_key(open(a.pubkey, "rb").read())
        else:
            if not a.jwks.startswith("https://"):
                sys.exit("--jwks must be an https URL")
            with urllib.request.urlopen(a.jwks, timeout=10) as r:
                keys = json.load(r)["keys"]
            match = [k for k in keys if k.get("kid") == header.get("kid")] or ([keys[0]] if len(keys) == 1 and "kid" not in header else [])
            if not match:
                warnings.append(f"kid {header.get('kid')!r} not found in JWKS ({len(keys)} keys)")
                key = None
            else:
                key = jwk_to_key(match[0])
        if key is not None and not alg.startswith("HS"):
            ok = verify_asym(alg, signing_input, sig, key)
            verdict = "VALID" if ok else "INVALID" if ok is False else f"unsupported alg {alg}"
    print(f"signature:  {verdict}")
    for w in warnings:
        print(f"WARNING: {w}")
    return 0 if verdict in ("VALID", "not checked") and not any("expected" in w for w in warnings) else 1


if __name__ == "__main__":
    sys.exit(main())
