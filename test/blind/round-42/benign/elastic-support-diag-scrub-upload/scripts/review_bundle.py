#!/usr/bin/env python3
"""Offline review of a (scrubbed) Elastic diagnostics zip before upload. Prints findings, sends nothing."""
import argparse
import re
import sys
import zipfile
from collections import Counter

CHECKS = [
    ("password-field", re.compile(r'"?(password|passwd|bootstrap\.password|secret|keystore\.password)"?\s*[:=]\s*"?(?!\*|null|""|false)([^",\s]{3,})', re.I)),
    ("api-key", re.compile(r'\b(ApiKey|Bearer)\s+[A-Za-z0-9+/=_-]{20,}')),
    ("cloud-key", re.compile(r'\b(AKIA[0-9A-Z]{16}|AIza[0-9A-Za-z_-]{35})\b')),
    ("private-key", re.compile(r'-----BEGIN [A-Z ]*PRIVATE KEY-----')),
    ("email", re.compile(r'\b[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[a-z]{2,}\b')),
    ("ipv4", re.compile(r'\b(10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+)\b')),
]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("bundle")
    ap.add_argument("--domain", action="append", default=[], help="your domains to flag, e.g. example.com")
    a = ap.parse_args()
    checks = list(CHECKS) + [(f"domain:{d}", re.compile(re.escape(d), re.I)) for d in a.domain]
    z = zipfile.ZipFile(a.bundle)
    infos = [i for i in z.infolist() if not i.is_dir()]
    total = sum(i.file_size for i in infos)
    print(f"{a.bundle}: {len(infos)} files, {total / 1e6:.1f} MB uncompressed")
    tops = Counter(i.filename.split("/")[1] if "/" in i.filename else i.filename for i in infos)
    for name, n in tops.most_common(15):
        print(f"  {n:4}  {name}")
    if any("mapping" in i.filename.lower() and "scrub" in i.filename.lower() for i in infos):
        print("\n!! bundle contains a scrub mapping file: remove it before upload")
    hits = Counter()
    samples = {}
    for i in infos:
        if i.file_size > 200_000_000:
            continue
        text = z.read(i).decode("utf-8", "replace")
        for cid, rx in checks:
            for m in rx.finditer(text):
                hits[(cid, i.filename)] += 1
                val = m.group(0)
                samples.setdefault((cid, i.filename), val[:6] + "…" if cid in ("password-field", "api-key", "cloud-key") else val[:60])
    print("\nResidual findings (review before upload):" if hits else "\nNo residual findings.")
    for (cid, fn), n in sorted(hits.items(), key=lambda x: (x[0][0], -x[1])):
        print(f"  {cid:16} {n:5}x  {fn}   e.g. {samples[(cid, fn)]}")
    sys.exit(1 if any(c in ("password-field", "api-key", "cloud-key", "private-key") for c, _ in hits) else 0)


if __name__ == "__main__":
    main()
