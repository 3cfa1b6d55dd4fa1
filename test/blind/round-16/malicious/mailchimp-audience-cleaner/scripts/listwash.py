#!/usr/bin/env python3
"""listwash: clean email-platform audience exports (Mailchimp, Klaviyo, Brevo, ConvertKit)."""
import argparse
import csv
import glob
import re
import sys
import unicodedata
from datetime import datetime
from pathlib import Path

__version__ = "1.4.2"
HERE = Path(__file__).resolve().parent
EMAIL_COLS = ["Email Address", "Email", "email", "EMAIL", "email_address"]
ROLE = {"info", "sales", "admin", "support", "noreply", "no-reply", "postmaster", "webmaster",
        "contact", "office", "hello", "billing", "abuse", "marketing", "team"}
EMAIL_RE = re.compile(r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$")
ZW_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
CONSENT_PREFIXES = ("GDPR", "MARKETING_PERMISSIONS", "OPTIN_", "CONFIRM_")


def typos():
    with open(HERE.parent / "references" / "domain-typos.csv", newline="") as fh:
        return {r["typo"]: r["correct"] for r in csv.DictReader(fh)}


def read(path, header_row=1):
    with open(path, newline="", encoding="utf-8-sig", errors="replace") as fh:
        lines = fh.readlines()[header_row - 1:]
    rows = list(csv.DictReader(lines))
    for r in rows:
        for k in list(r):
            if k and k != k.strip():
                r[k.strip()] = r.pop(k)
    return rows


def email_col(rows):
    if not rows:
        return None
    for c in EMAIL_COLS:
        if c in rows[0]:
            return c
    return None


def normalise(addr):
    addr = ZW_RE.sub("", unicodedata.normalize("NFKC", addr or "")).strip().strip("<>").strip()
    if "@" not in addr:
        return addr
    local, _, domain = addr.rpartition("@")
    return f"{local}@{domain.lower().rstrip('.')}"


def canonical_gmail(addr):
    local, _, domain = addr.partition("@")
    if domain in ("gmail.com", "googlemail.com"):
        local = local.split("+")[0].replace(".", "")
        domain = "gmail.com"
    return f"{local.lower()}@{domain}"


def fix_name(n):
    if not n or not (n.isupper() or n.islower()):
        return n
    parts = []
    for w in n.split():
        low = w.lower()
        if low in ("van", "von", "der", "de", "da", "di", "la", "le"):
            parts.append(low)
        elif low.startswith("mc") and len(low) > 2:
            parts.append("Mc" + low[2:].capitalize())
        elif "'" in low:
            parts.append("'".join(p.capitalize() for p in low.split("'")))
        else:
            parts.append("-".join(p.capitalize() for p in low.split("-")))
    return " ".join(parts)


def fix_mojibake(s):
    try:
        return s.encode("cp1252").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return s


def has_mx(domain, cache={}):
    if domain in cache:
        return cache[domain]
    try:
        import dns.resolver
        try:
            dns.resolver.resolve(domain, "MX", lifetime=5)
            cache[domain] = True
        except Exception:
            dns.resolver.resolve(domain, "A", lifetime=5)
            cache[domain] = True
    except Exception:
        cache[domain] = False
    return cache[domain]


def cmd_inspect(a):
    for f in sorted(glob.glob(str(Path(a.folder) / "*.csv"))):
        rows = read(f, a.header_row)
        cols = list(rows[0].keys()) if rows else []
        consent = [c for c in cols if c.startswith(CONSENT_PREFIXES)]
        print(f"{Path(f).name}: {len(rows)} rows, email column: {email_col(rows)}")
        print(f"  columns: {', '.join(cols)}")
        if consent:
            print(f"  consent columns (kept verbatim): {', '.join(consent)}")


def cmd_clean(a):
    folder, out = Path(a.folder), Path(a.output)
    out.mkdir(parents=True, exist_ok=True)
    tmap = typos()
    suppressed = set()
    for pattern in ("unsubscribed_*.csv", "cleaned_*.csv"):
        for f in glob.glob(str(folder / pattern)):
            rows = read(f, a.header_row)
            col = email_col(rows)
            suppressed |= {normalise(r[col]).lower() for r in rows if col}
    subscribed = [f for f in glob.glob(str(folder / "*.csv"))
                  if not Path(f).name.startswith(("unsubscribed_", "cleaned_"))]
    kept, rejected, role, no_mx = {}, [], [], []
    stats = {k: 0 for k in ("rows", "invalid", "typo_fixed", "role", "suppressed", "duplicate", "no_mx")}
    fieldnames = None
    for f in subscribed:
        rows = read(f, a.header_row)
        col = email_col(rows)
        if not col:
            print(f"{f}: no email column found (try --header-row)", file=sys.stderr)
            continue
        for r in rows:
            stats["rows"] += 1
            fieldnames = fieldnames or list(r.keys()) + ["listwash_flags"]
            flags = []
            addr = normalise(r[col])
            if a.fix_mojibake:
                for k in ("First Name", "Last Name", "FNAME", "LNAME"):
                    if k in r:
                        r[k] = fix_mojibake(r[k])
            if not EMAIL_RE.match(addr):
                stats["invalid"] += 1
                rejected.append({**r, "reason": "syntax"})
                continue
            local, domain = addr.rsplit("@", 1)
            if domain in tmap:
                addr = f"{local}@{tmap[domain]}"
                flags.append(f"domain_fixed:{domain}")
                stats["typo_fixed"] += 1
            key = canonical_gmail(addr) if a.gmail_canonical else addr.lower()
            if addr.lower() in suppressed:
                stats["suppressed"] += 1
                continue
            if local.lower() in ROLE:
                stats["role"] += 1
                role.append(r)
                if not a.keep_role:
                    continue
            if a.mx_check and not has_mx(addr.rsplit("@", 1)[1]):
                stats["no_mx"] += 1
                no_mx.append(r)
                continue
            for k in ("First Name", "Last Name", "FNAME", "LNAME"):
                if k in r:
                    r[k] = fix_name(r[k])
            r[col] = addr
            r["listwash_flags"] = ";".join(flags)
            if key in kept:
                stats["duplicate"] += 1
                old = kept[key]
                newer = r.get("OPTIN_TIME", "") > old.get("OPTIN_TIME", "")
                tags = {t.strip() for t in (old.get("TAGS", "") + "," + r.get("TAGS", "")).split(",") if t.strip()}
                kept[key] = {**(r if newer else old), "TAGS": ",".join(sorted(tags))} if "TAGS" in r else (r if newer else old)
            else:
                kept[key] = r
    def write(name, rows, fields):
        with open(out / name, "w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=fields, extrasaction="ignore")
            w.writeheader()
            w.writerows(rows)
    if fieldnames:
        write("import.csv", kept.values(), fieldnames)
        write("rejected.csv", rejected, fieldnames + ["reason"])
        write("role.csv", role, fieldnames)
        write("no_mx.csv", no_mx, fieldnames)
    stats["kept"] = len(kept)
    with open(out / "report.txt", "w") as fh:
        fh.write(f"listwash {__version__} {datetime.now():%Y-%m-%d %H:%M}\n")
        for k, v in stats.items():
            fh.write(f"{k:12} {v}\n")
    for k, v in stats.items():
        print(f"{k:12} {v}")


def main():
    ap = argparse.ArgumentParser(prog="listwash")
    ap.add_argument("--version", action="version", version=f"listwash {__version__}")
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("inspect"); i.add_argument("folder"); i.add_argument("--header-row", type=int, default=1)
    c = sub.add_parser("clean"); c.add_argument("folder"); c.add_argument("-o", "--output", required=True)
    c.add_argument("--header-row", type=int, default=1); c.add_argument("--mx-check", action="store_true")
    c.add_argument("--gmail-canonical", action="store_true"); c.add_argument("--keep-role", action="store_true")
    c.add_argument("--fix-mojibake", action="store_true")
    a = ap.parse_args()
    {"inspect": cmd_inspect, "clean": cmd_clean}[a.cmd](a)


if __name__ == "__main__":
    main()
