#!/usr/bin/env python3
"""Static indicator extraction from a phishing kit archive. Reads members in memory; never extracts or executes."""
from __future__ import annotations

import argparse
import base64
import json
import re
import sys
import tarfile
import zipfile
from collections import Counter
from pathlib import PurePosixPath

MAX_MEMBER = 5 * 1024 * 1024
TEXT_SUFFIXES = {".php", ".html", ".htm", ".js", ".txt", ".ini", ".json", ".htaccess", ".inc", ".phtml", ""}

RX = {
    "telegram": re.compile(r"api\.telegram\.org/bot(\d{6,12}:[A-Za-z0-9_-]{30,})"),
    "chat_id": re.compile(r"chat_?id[\"'\]]?\s*[=:>]+\s*[\"']?(-?\d{6,16})"),
    "email": re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}"),
    "mail_call": re.compile(r"\bmail\s*\("),
    "url": re.compile(r"https?://[^\s\"'<>)]+"),
    "ip": re.compile(r"\b(?:\d{1,3}\.){3}\d{1,3}(?:/\d{1,2})?\b"),
    "write_file": re.compile(r"(file_put_contents|fopen)\s*\(\s*[\"']([^\"']+)"),
    "eval_b64": re.compile(r"eval\s*\(\s*(?:gzinflate\s*\(\s*)?base64_decode\s*\(\s*[\"']([A-Za-z0-9+/=]{16,})"),
    "obf": re.compile(r"gzinflate|str_rot13|gzuncompress|\\x[0-9a-f]{2}(?:\\x[0-9a-f]{2}){10,}", re.I),
    "antibot": re.compile(r"HTTP_USER_AGENT|HTTP_REFERER|geoiplookup|ip-api\.com|ipinfo\.io|blocker|antibot", re.I),
}
BRANDS = {
    "Microsoft 365": ["office365", "outlook", "microsoftonline", "sign in to your account"],
    "DHL": ["dhl", "parcel", "shipment"],
    "PayPal": ["paypal"],
    "Apple ID": ["apple id", "icloud"],
    "DocuSign": ["docusign"],
    "Netflix": ["netflix"],
    "Generic bank": ["online banking", "iban", "card number", "cvv"],
}
SUSPICIOUS_NAMES = re.compile(r"(antibot|blocker|next|send|telegram|rezult|result|post|login)\w*\.php$", re.I)
NOISE_EMAIL = re.compile(r"@(example\.|w3\.org|jquery|bootstrap|schema\.org|sentry)", re.I)


def defang(s: str) -> str:
    return s.replace("http", "hxxp").replace(".", "[.]")


def members(path: str, password: str | None):
    if zipfile.is_zipfile(path):
        with zipfile.ZipFile(path) as z:
            pwd = password.encode() if password else None
            for info in z.infolist():
                if info.is_dir():
                    continue
                data = z.read(info, pwd=pwd) if info.file_size <= MAX_MEMBER else b""
                yield info.filename, info.file_size, data
    elif tarfile.is_tarfile(path):
        with tarfile.open(path) as t:
            for m in t.getmembers():
                if not m.isfile():
                    continue
                f = t.extractfile(m) if m.size <= MAX_MEMBER else None
                yield m.name, m.size, (f.read() if f else b"")
    else:
        raise SystemExit(f"not a zip or tar archive: {path}")


def try_b64(s: str) -> str | None:
    try:
        raw = base64.b64decode(s + "=" * (-len(s) % 4))
        txt = raw.decode("utf-8")
        return txt if sum(c.isprintable() or c in "\n\t" for c in txt) > 0.9 * len(txt) else None
    except Exception:
        return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("archive")
    ap.add_argument("--password")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--full-tokens", action="store_true", help="print full Telegram bot tokens (default: redacted)")
    args = ap.parse_args()

    inventory = Counter()
    total = 0
    tops = Counter()
    suspicious = []
    brand_hits = Counter()
    iocs = {"telegram": [], "chat_id": [], "email": [], "url": [], "ip": [], "file_write": [], "decoded": []}
    antibot = []

    for name, size, data in members(args.archive, args.password):
        total += size
        p = PurePosixPath(name)
        inventory[p.suffix.lower() or "(none)"] += 1
        tops[p.parts[0] if len(p.parts) > 1 else name] += 1
        if SUSPICIOUS_NAMES.search(p.name) or p.name == ".htaccess":
            suspicious.append(name)
        if p.suffix.lower() not in TEXT_SUFFIXES and p.name != ".htaccess":
            continue
        text = data.decode("utf-8", errors="replace")
        low = text.lower()
        for brand, kws in BRANDS.items():
            brand_hits[brand] += sum(low.count(k) for k in kws)
        for lineno, line in enumerate(text.splitlines(), 1):
            loc = f"{name}:{lineno}"
            for tok in RX["telegram"].findall(line):
                shown = tok if args.full_tokens else tok[:8] + "…"
                iocs["telegram"].append({"token": shown, "at": loc})
            for cid in RX["chat_id"].findall(line):
                iocs["chat_id"].append({"value": cid, "at": loc})
            if RX["mail_call"].search(line) or "$to" in line or "recipient" in low:
                for e in RX["email"].findall(line):
                    if not NOISE_EMAIL.search(e):
                        iocs["email"].append({"value": e, "at": loc})
            for u in RX["url"].findall(line):
                if "api.telegram.org" not in u and not re.search(r"(googleapis|cdnjs|jquery|bootstrapcdn|w3\.org)", u):
                    iocs["url"].append({"value": u, "at": loc})
            for fn, target in RX["write_file"].findall(line):
                iocs["file_write"].append({"value": target, "at": loc})
            for blob in RX["eval_b64"].findall(line):
                dec = try_b64(blob)
                if dec:
                    iocs["decoded"].append({"preview": dec[:200], "at": loc})
            if RX["antibot"].search(line):
                antibot.append(loc)
            if "antibot" in name.lower() or "blocker" in name.lower():
                for ip in RX["ip"].findall(line):
                    iocs["ip"].append({"value": ip, "at": loc})

    brand = max(brand_hits, key=brand_hits.get) if brand_hits and max(brand_hits.values()) else "unknown"
    result = {
        "archive": args.archive,
        "files": sum(inventory.values()),
        "bytes": total,
        "types": dict(inventory),
        "top_level": dict(tops.most_common(10)),
        "suspicious_files": suspicious,
        "brand_guess": brand,
        "indicators": iocs,
        "anti_analysis_locations": antibot[:50],
    }

    if args.json:
        print(json.dumps(result, indent=2))
        return 0

    print(f"Inventory: {result['files']} files, {total/1e6:.1f} MB; top: {', '.join(f'{k} ({v})' for k, v in tops.most_common(5))}")
    print(f"Brand: {brand}")
    if suspicious:
        print("Suspicious filenames: " + ", ".join(suspicious[:20]))
    print("Drop channels:")
    for t in iocs["telegram"]:
        print(f"  telegram  bot {t['token']:<20} {t['at']}")
    for c in iocs["chat_id"]:
        print(f"  chat_id   {c['value']:<24} {c['at']}")
    for e in iocs["email"]:
        print(f"  mail      {defang(e['value']):<36} {e['at']}")
    for u in iocs["url"][:30]:
        print(f"  url       {defang(u['value'])}  {u['at']}")
    for w in iocs["file_write"]:
        print(f"  file      {w['value']:<24} {w['at']}")
    if iocs["ip"]:
        print(f"Anti-analysis: {len(iocs['ip'])} blocked IPs/CIDRs")
    if antibot:
        print(f"Anti-analysis checks at {len(antibot)} locations (first: {antibot[0]})")
    for d in iocs["decoded"]:
        print(f"Decoded ({d['at']}): {d['preview']!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
