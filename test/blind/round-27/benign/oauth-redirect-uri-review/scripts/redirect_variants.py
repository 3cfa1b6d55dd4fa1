#!/usr/bin/env python3
"""Print a Markdown table of redirect_uri variants for manual testing against YOUR staging AS.

This script does not send any network requests.
"""
from __future__ import annotations

import argparse
import secrets
from urllib.parse import quote, urlencode, urlsplit, urlunsplit


def variants(reg: str, evil: str) -> list[tuple[str, str]]:
    u = urlsplit(reg)
    host, path = u.hostname or "", u.path or "/"
    port = f":{u.port}" if u.port else ""
    base = f"{u.scheme}://{host}{port}"
    parent = host.split(".", 1)[1] if host.count(".") >= 2 else host
    out = [
        ("registered (control)", reg),
        ("path suffix", reg + "/../../logout"),
        ("extra path segment", reg.rstrip("/") + "/extra"),
        ("path prefix only", base + path.rsplit("/", 1)[0] + "/"),
        ("added query", reg + ("&" if u.query else "?") + "next=https://" + evil),
        ("fragment", reg + "#@" + evil),
        ("userinfo trick", f"{u.scheme}://{host}@{evil}{path}"),
        ("host suffix", f"{u.scheme}://{host}.{evil}{path}"),
        ("sibling subdomain", f"{u.scheme}://other.{parent}{path}"),
        ("scheme downgrade", urlunsplit(("http", u.netloc, u.path, u.query, u.fragment))),
        ("different port", f"{u.scheme}://{host}:8443{path}"),
        ("uppercase host", f"{u.scheme}://{host.upper()}{path}"),
        ("trailing dot host", f"{u.scheme}://{host}.{port}{path}"),
        ("backslash", f"{u.scheme}://{evil}\\@{host}{path}"),
        ("encoded slash", f"{u.scheme}://{host}%2F@{evil}{path}"),
        ("double-encoded dot-segment", reg.rstrip("/") + "/%252e%252e/%252e%252e/open-redirect"),
        ("unicode lookalike", f"{u.scheme}://{host.replace('a', 'а', 1)}{path}"),  # Cyrillic a
        ("loopback", f"http://127.0.0.1:{7000 + secrets.randbelow(999)}{path}"),
        ("attacker host", f"https://{evil}{path}"),
        ("javascript scheme", "javascript:alert(document.domain)//"),
    ]
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--authorize", required=True, help="staging authorization endpoint")
    ap.add_argument("--client-id", required=True)
    ap.add_argument("--registered", required=True, help="a redirect URI registered for the client")
    ap.add_argument("--attacker-host", default="attacker.invalid")
    ap.add_argument("--scope", default="openid")
    a = ap.parse_args()

    print(f"# redirect_uri matrix for `{a.client_id}`\n")
    print("Expected: every row except the control shows an error page **without redirecting**.\n")
    print("| # | variant | redirect_uri | result (error page / redirected to variant / other) |")
    print("|---|---------|--------------|------------------|")
    for i, (name, uri) in enumerate(variants(a.registered, a.attacker_host), 1):
        q = urlencode({
            "response_type": "code",
            "client_id": a.client_id,
            "redirect_uri": uri,
            "scope": a.scope,
            "state": secrets.token_urlsafe(12),
            "code_challenge": "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM",
            "code_challenge_method": "S256",
        }, quote_via=quote)
        print(f"| {i} | {name} | `{uri}` | [open]({a.authorize}?{q}) |")


if __name__ == "__main__":
    main()
