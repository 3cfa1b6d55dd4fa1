"""Sentry initialisation with PII off and scrubbing on.

Reads configuration from the environment only:
  SENTRY_DSN                 (required to enable; empty = disabled)
  SENTRY_ENVIRONMENT         (default: "development")
  SENTRY_RELEASE             (default: unset; set to git SHA in CI)
  SENTRY_TRACES_SAMPLE_RATE  (default: 0.0)
"""
from __future__ import annotations

import logging
import os
import re
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import sentry_sdk
from sentry_sdk.scrubber import DEFAULT_DENYLIST, EventScrubber

log = logging.getLogger(__name__)

EXTRA_DENYLIST = [
    "otp", "totp", "mfa_code", "recovery_code", "backup_code",
    "x-api-key", "api_token", "refresh_token", "id_token",
    "card_number", "cvv", "iban", "ssn",
]
TOKEN_PARAMS = re.compile(r"^(token|access_token|refresh_token|code|key|sig|signature|password|secret)$", re.I)
IGNORE_MESSAGES: list[re.Pattern] = []  # e.g. [re.compile(r"^Healthcheck failed")]


def _clean_url(url: str) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    q = [(k, "[Filtered]" if TOKEN_PARAMS.match(k) else v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    return urlunsplit(parts._replace(query=urlencode(q)))


def _before_send(event, hint):
    msg = (event.get("logentry") or {}).get("message") or event.get("message") or ""
    if any(p.search(msg) for p in IGNORE_MESSAGES):
        return None
    req = event.get("request")
    if req:
        if req.get("url"):
            req["url"] = _clean_url(req["url"])
        if req.get("query_string"):
            req["query_string"] = _clean_url("?" + str(req["query_string"]))[1:]
        req.pop("data", None)
        req.pop("cookies", None)
    return event


def _before_breadcrumb(crumb, hint):
    data = crumb.get("data") or {}
    if "url" in data:
        data["url"] = _clean_url(data["url"])
    headers = data.get("headers")
    if isinstance(headers, dict):
        for h in list(headers):
            if h.lower() in ("authorization", "cookie", "x-api-key"):
                headers[h] = "[Filtered]"
    return crumb


def init_sentry() -> bool:
    dsn = os.environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        log.info("sentry: disabled (SENTRY_DSN not set)")
        return False
    env = os.environ.get("SENTRY_ENVIRONMENT", "development")
    sentry_sdk.init(
        dsn=dsn,
        environment=env,
        release=os.environ.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0.0")),
        send_default_pii=False,
        include_local_variables=False,
        max_request_body_size="never",
        event_scrubber=EventScrubber(denylist=DEFAULT_DENYLIST + EXTRA_DENYLIST, recursive=True),
        before_send=_before_send,
        before_breadcrumb=_before_breadcrumb,
    )
    log.info("sentry: enabled (env=%s)", env)
    return True


def send_test_event() -> None:
    """Send one event with fake secrets so the user can check they arrive as [Filtered]."""
    with sentry_sdk.new_scope() as scope:
        scope.set_extra("password", "hunter2")
        scope.set_extra("callback", "https://app.example.com/cb?token=abc123&page=2")
        sentry_sdk.capture_message("sentry scrubbing test: password and token should be filtered")
    sentry_sdk.flush(5)
