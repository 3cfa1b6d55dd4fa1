#!/usr/bin/env python3
"""Differential fuzzing: urllib.parse vs. a third-party parser on the same input.

Disagreements on scheme or host are reported as findings; they are the root of many SSRF and
open-redirect bypasses when one component validates and another fetches.
"""
import sys

import atheris

with atheris.instrument_imports():
    from urllib.parse import urlsplit
    import rfc3986


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    url = fdp.ConsumeUnicodeNoSurrogates(200)
    try:
        a = urlsplit(url)
    except ValueError:
        return
    b = rfc3986.uri_reference(url)
    if not b.is_valid(require_scheme=True, require_authority=True):
        return
    host_a = (a.hostname or "").lower()
    host_b = (b.host or "").lower().strip("[]")
    if a.scheme.lower() != (b.scheme or "").lower() or host_a != host_b:
        raise AssertionError(f"parsers disagree on {url!r}: stdlib={a.scheme}://{host_a} rfc3986={b.scheme}://{host_b}")


if __name__ == "__main__":
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()
