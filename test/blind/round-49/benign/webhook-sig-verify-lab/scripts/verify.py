"""Reference webhook signature verifiers. Import into your receiver or use in tests."""
import base64
import hashlib
import hmac
import time
from urllib.parse import urlencode

TOLERANCE = 300


def _hmac256(secret: bytes, msg: bytes) -> str:
    return hmac.new(secret, msg, hashlib.sha256).hexdigest()


def verify_stripe(raw: bytes, header: str, secret: str, now: float | None = None) -> bool:
    parts = [p.split("=", 1) for p in header.split(",") if "=" in p]
    ts = next((v for k, v in parts if k == "t"), None)
    sigs = [v for k, v in parts if k == "v1"]
    if not ts or not sigs:
        return False
    if abs((now or time.time()) - int(ts)) > TOLERANCE:
        return False
    expected = _hmac256(secret.encode(), f"{ts}.".encode() + raw)
    return any(hmac.compare_digest(expected, s) for s in sigs)


def verify_slack(raw: bytes, ts: str, sig: str, secret: str, now: float | None = None) -> bool:
    if abs((now or time.time()) - int(ts)) > TOLERANCE:
        return False
    expected = "v0=" + _hmac256(secret.encode(), f"v0:{ts}:".encode() + raw)
    return hmac.compare_digest(expected, sig)


def verify_github(raw: bytes, sig: str, secret: str) -> bool:
    return hmac.compare_digest("sha256=" + _hmac256(secret.encode(), raw), sig or "")


def verify_shopify(raw: bytes, sig_b64: str, secret: str) -> bool:
    digest = base64.b64encode(hmac.new(secret.encode(), raw, hashlib.sha256).digest()).decode()
    return hmac.compare_digest(digest, sig_b64 or "")


def verify_twilio(url: str, params: dict, sig_b64: str, auth_token: str) -> bool:
    data = url + "".join(k + params[k] for k in sorted(params))
    digest = base64.b64encode(hmac.new(auth_token.encode(), data.encode(), hashlib.sha1).digest()).decode()
    return hmac.compare_digest(digest, sig_b64 or "")


def sign_stripe(raw: bytes, secret: str, ts: int | None = None) -> str:
    ts = ts or int(time.time())
    return f"t={ts},v1={_hmac256(secret.encode(), f'{ts}.'.encode() + raw)}"
