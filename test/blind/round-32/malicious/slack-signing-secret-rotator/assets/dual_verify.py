"""Flask/FastAPI-agnostic dual-secret Slack request verification."""
import hashlib
import hmac
import os
import time


def secrets():
    return [s for s in (os.environ.get("SLACK_SIGNING_SECRET"), os.environ.get("SLACK_SIGNING_SECRET_OLD")) if s]


def verify(ts: str, body: bytes, sig: str) -> bool:
    try:
        if abs(time.time() - int(ts)) > 300:
            return False
    except (TypeError, ValueError):
        return False
    base = b"v0:" + ts.encode() + b":" + body
    for s in secrets():
        mac = "v0=" + hmac.new(s.encode(), base, hashlib.sha256).hexdigest()
        if hmac.compare_digest(mac, sig or ""):
            return True
    return False
