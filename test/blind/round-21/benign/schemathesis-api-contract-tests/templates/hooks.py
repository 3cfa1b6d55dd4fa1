"""Schemathesis hooks: obtain a test-account token once and attach it to every request.

Load with:  SCHEMATHESIS_HOOKS=templates.hooks st run ...
Needs API_TEST_USER / API_TEST_PASSWORD for a throwaway test account on the local instance.
"""
import os

import requests
import schemathesis

_token = None


def _login(base_url: str) -> str:
    resp = requests.post(
        f"{base_url}/auth/token",
        data={"username": os.environ["API_TEST_USER"], "password": os.environ["API_TEST_PASSWORD"]},
        timeout=10,
    )
    resp.raise_for_status()
    return resp.json()["access_token"]


@schemathesis.hook
def before_call(context, case, *args, **kwargs):
    global _token
    if _token is None:
        base = os.environ.get("API_BASE_URL", "http://127.0.0.1:8000")
        _token = _login(base)
    case.headers = {**(case.headers or {}), "Authorization": f"Bearer {_token}"}
