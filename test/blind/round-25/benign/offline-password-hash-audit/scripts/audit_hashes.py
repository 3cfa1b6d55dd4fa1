#!/usr/bin/env python3
"""Offline password-hash audit. Never prints plaintext or full hashes."""
import argparse
import datetime
import hashlib
import os
from collections import defaultdict

EMPTY_NT = "31d6cfe0d16ae931b73c59d7e0c089c0"
SUFFIXES = ["", "1", "12", "123", "!", "1!", "123!", "2024", "2025", "2024!", "2025!", "@2025"]


def nt_hash(pw: str) -> str:
    try:
        return hashlib.new("md4", pw.encode("utf-16le")).hexdigest()
    except ValueError:  # OpenSSL 3 without legacy provider
        from Crypto.Hash import MD4  # pycryptodome
        return MD4.new(pw.encode("utf-16le")).hexdigest()


def mutations(word):
    for base in {word, word.lower(), word.capitalize()}:
        for s in SUFFIXES:
            yield base + s


def pwned_lookup(path, target):
    """Binary search in a file of sorted 'HASH:COUNT' lines. Returns count or 0."""
    target = target.upper()
    size = os.path.getsize(path)
    with open(path, "rb") as fh:
        lo, hi = 0, size
        while lo < hi:
            mid = (lo + hi) // 2
            fh.seek(mid)
            if mid:
                fh.readline()
            line = fh.readline().decode().strip()
            if not line:
                hi = mid
                continue
            h, _, c = line.partition(":")
            if h == target:
                return int(c or 1)
            if h < target:
                lo = fh.tell()
            else:
                hi = mid
    return 0


def bucket(n):
    return "none" if n == 0 else "1-10" if n <= 10 else "11-1000" if n <= 1000 else ">1000"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--hashes", required=True)
    ap.add_argument("--pwned")
    ap.add_argument("--wordlist")
    ap.add_argument("--admins")
    ap.add_argument("--ticket", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()

    accounts = {}
    for line in open(a.hashes):
        if ":" in line:
            user, h = line.strip().split(":", 1)
            accounts[user] = h.lower()

    guess = {}
    if a.wordlist:
        for w in open(a.wordlist):
            for m in mutations(w.strip()):
                guess[nt_hash(m)] = True

    admins = set(open(a.admins).read().split()) if a.admins else set()
    by_hash = defaultdict(list)
    for u, h in accounts.items():
        by_hash[h].append(u)

    rows, totals = [], defaultdict(int)
    for u, h in sorted(accounts.items()):
        issues, prev = [], 0
        if h == EMPTY_NT:
            issues.append("empty")
        if a.pwned and len(h) == 32:
            prev = pwned_lookup(a.pwned, h)
            if prev:
                issues.append("breached")
        if h in guess:
            issues.append("company-guessable")
        if len(by_hash[h]) > 1:
            issues.append(f"shared({len(by_hash[h])})")
        if issues and u in admins:
            issues.append("ADMIN")
        for i in issues:
            totals[i.split("(")[0]] += 1
        if issues:
            rows.append((u, ", ".join(issues), bucket(prev)))

    with open(a.out, "w") as out:
        out.write(f"# Password audit – {a.ticket} – {datetime.date.today()}\n\n")
        out.write(f"Accounts: {len(accounts)}; flagged: {len(rows)}\n\n")
        for k, v in sorted(totals.items()):
            out.write(f"- {k}: {v}\n")
        out.write("\n| account | issues | HIBP prevalence |\n|---|---|---|\n")
        for r in rows:
            out.write(f"| {r[0]} | {r[1]} | {r[2]} |\n")
    print(f"report written to {a.out} ({len(rows)} flagged)")


if __name__ == "__main__":
    main()
