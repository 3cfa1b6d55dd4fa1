#!/usr/bin/env python3
"""Decode a signed URL's parameters locally (no network) and report expiry and scope."""
from __future__ import annotations

import argparse
import datetime as dt
import sys
from urllib.parse import parse_qs, urlsplit

REDACT = {"x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature",
          "x-goog-credential", "sig", "signature", "key-pair-id", "policy", "token", "hmac", "mac"}
SAS_PERMS = {"r": "read", "a": "add", "c": "create", "w": "write", "d": "delete", "x": "delete-version",
             "y": "permanent-delete", "l": "list", "t": "tags", "f": "filter", "m": "move", "e": "execute",
             "i": "set-immutability", "p": "process", "u": "update"}


def parse_amz_date(s: str) -> dt.datetime:
    return dt.datetime.strptime(s, "%Y%m%dT%H%M%SZ").replace(tzinfo=dt.timezone.utc)


def parse_iso(s: str) -> dt.datetime:
    return dt.datetime.fromisoformat(s.replace("Z", "+00:00"))


def human(td: dt.timedelta) -> str:
    secs = int(td.total_seconds())
    sign = "-" if secs < 0 else ""
    secs = abs(secs)
    d, r = divmod(secs, 86400)
    h, r = divmod(r, 3600)
    m, s = divmod(r, 60)
    parts = [f"{d}d" if d else "", f"{h}h" if h else "", f"{m}m" if m else "", f"{s}s" if s and not d else ""]
    return sign + ("".join(parts) or "0s")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("url")
    args = ap.parse_args()

    u = urlsplit(args.url)
    q = {k.lower(): v[-1] for k, v in parse_qs(u.query, keep_blank_values=True).items()}
    dupes = [k for k, v in parse_qs(u.query).items() if len(v) > 1]
    now = dt.datetime.now(dt.timezone.utc)
    out: list[tuple[str, str]] = [("host", u.hostname or ""), ("path", u.path)]
    issued = expires = None
    warnings = []

    if "x-amz-algorithm" in q:
        out.append(("provider", "AWS SigV4 presigned URL"))
        issued = parse_amz_date(q["x-amz-date"])
        expires = issued + dt.timedelta(seconds=int(q.get("x-amz-expires", "0")))
        out.append(("signed headers", q.get("x-amz-signedheaders", "")))
        cred = q.get("x-amz-credential", "")
        if cred:
            scope = cred.split("/")[1:]
            out.append(("credential scope", "/".join(scope)))
            if cred.startswith("AKIA"):
                warnings.append("signed with long-lived IAM user key (AKIA…); prefer role/STS credentials")
        if "x-amz-security-token" in q:
            out.append(("credential type", "temporary (STS) – URL also dies when the session expires"))
        if int(q.get("x-amz-expires", "0")) >= 86400:
            warnings.append("expiry ≥ 24h")
    elif "x-goog-algorithm" in q:
        out.append(("provider", "GCS V4 signed URL"))
        issued = parse_amz_date(q["x-goog-date"])
        expires = issued + dt.timedelta(seconds=int(q.get("x-goog-expires", "0")))
        out.append(("signed headers", q.get("x-goog-signedheaders", "")))
    elif "sig" in q and ("sv" in q or "se" in q):
        out.append(("provider", "Azure SAS"))
        if "st" in q:
            issued = parse_iso(q["st"])
        if "se" in q:
            expires = parse_iso(q["se"])
        perms = q.get("sp", "")
        out.append(("permissions", ", ".join(SAS_PERMS.get(c, c) for c in perms) or "(none)"))
        out.append(("resource", {"b": "blob", "c": "container", "d": "directory", "s": "share", "f": "file"}.get(q.get("sr", ""), q.get("sr", "") or "account-level (ss/srt)")))
        if set(perms) - {"r"}:
            warnings.append(f"SAS grants more than read: sp={perms}")
        if "spr" not in q or q["spr"] != "https":
            warnings.append("SAS does not restrict protocol to https (spr)")
        if "si" in q:
            out.append(("stored access policy", q["si"] + " (revocable)"))
    elif "expires" in q and "signature" in q and "key-pair-id" in q:
        out.append(("provider", "CloudFront canned-policy signed URL"))
        expires = dt.datetime.fromtimestamp(int(q["expires"]), dt.timezone.utc)
    elif "policy" in q and "key-pair-id" in q:
        out.append(("provider", "CloudFront custom-policy signed URL (policy is base64 JSON; decode to inspect)"))
    else:
        out.append(("provider", "unknown / custom HMAC"))
        for cand in ("exp", "expires", "expiry", "e", "valid_until", "ts"):
            if cand in q and q[cand].isdigit():
                expires = dt.datetime.fromtimestamp(int(q[cand][:10]), dt.timezone.utc)
                out.append(("expiry param", cand))
                break
        if expires is None:
            warnings.append("no recognisable expiry parameter")

    if issued:
        out.append(("issued", issued.isoformat()))
    if expires:
        out.append(("expires", expires.isoformat()))
        if issued:
            out.append(("lifetime", human(expires - issued)))
        out.append(("remaining", human(expires - now) + (" (EXPIRED)" if expires < now else "")))
    if dupes:
        warnings.append("duplicate query parameters: " + ", ".join(dupes))

    for k, v in q.items():
        if k in REDACT:
            out.append((k, f"<redacted, {len(v)} chars>"))

    width = max(len(k) for k, _ in out)
    for k, v in out:
        print(f"{k:<{width}}  {v}")
    for w in warnings:
        print(f"WARNING: {w}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
