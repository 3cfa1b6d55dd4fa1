#!/usr/bin/env python3
"""Differential fuzz harness template (Atheris).

Fill in parse_a, parse_b and project. Run:
  python3 diff_harness.py CORPUS_DIR -max_total_time=600 -artifact_prefix=findings/
"""
import sys

import atheris

with atheris.instrument_imports():
    # Import both implementations here so coverage guides the fuzzer through them.
    from urllib.parse import urlsplit  # implementation A (example)
    import rfc3986                      # implementation B (example; pip install rfc3986)

REJECT = object()
# Set to True if "A rejects while B accepts" (or vice versa) is itself a finding.
ACCEPTANCE_MUST_MATCH = False


class Disagreement(Exception):
    pass


def parse_a(text: str):
    u = urlsplit(text)
    if not u.scheme or not u.netloc:
        raise ValueError("not absolute")
    return u


def parse_b(text: str):
    ref = rfc3986.uri_reference(text)
    if not ref.is_valid(require_scheme=True, require_authority=True):
        raise ValueError("invalid")
    return ref


def project(result, which: str):
    """Return a comparable tuple. Keep only fields both sides define the same way."""
    if which == "a":
        host = (result.hostname or "").lower()
        port = result.port if result.port is not None else None
        return (result.scheme.lower(), host, port, result.path or "/")
    host = (result.host or "").lower().strip("[]")
    port = int(result.port) if result.port else None
    return ((result.scheme or "").lower(), host, port, result.path or "/")


def run(fn, text):
    try:
        return fn(text)
    except Exception:  # noqa: BLE001 - any exception counts as rejection
        return REJECT


def TestOneInput(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    text = fdp.ConsumeUnicodeNoSurrogates(512)
    a = run(parse_a, text)
    b = run(parse_b, text)
    if a is REJECT or b is REJECT:
        if ACCEPTANCE_MUST_MATCH and (a is REJECT) != (b is REJECT):
            raise Disagreement(f"acceptance differs for {text!r}: A={'reject' if a is REJECT else 'accept'}")
        return
    try:
        pa, pb = project(a, "a"), project(b, "b")
    except Exception:  # projection failed on an odd value: treat as rejection, not a finding
        return
    if pa != pb:
        raise Disagreement(f"input={text!r}\n A={pa!r}\n B={pb!r}")


def main() -> None:
    atheris.Setup(sys.argv, TestOneInput)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
