#!/usr/bin/env python3
"""Offline phishing triage of an .eml file. Never fetches URLs."""
import argparse
import email
import hashlib
import re
from email import policy
from email.utils import parseaddr

BRANDS = ["microsoft", "office365", "docusign", "paypal", "stripe", "quickbooks", "intuit", "dhl", "fedex", "apple", "google", "adobe"]
URGENT = ["suspended", "within 24 hours", "verify your account", "unusual sign-in", "payment failed", "wire", "gift card", "password expires"]
RISKY_EXT = (".html", ".htm", ".iso", ".img", ".one", ".lnk", ".docm", ".xlsm", ".js", ".vbs")
HOMO = [("rn", "m"), ("0", "o"), ("1", "l"), ("vv", "w")]


def defang(u: str) -> str:
    return u.replace("http", "hxxp").replace(".", "[.]")


def fold(d: str) -> str:
    for a, b in HOMO:
        d = d.replace(a, b)
    return d


def domain_of(addr: str) -> str:
    return parseaddr(addr)[1].split("@")[-1].lower()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("eml")
    ap.add_argument("--org-domains", default="")
    ap.add_argument("--authserv", default=None)
    a = ap.parse_args()
    org = [d.strip().lower() for d in a.org_domains.split(",") if d.strip()]

    msg = email.message_from_binary_file(open(a.eml, "rb"), policy=policy.default)
    score, notes = 0, []
    frm, reply = str(msg.get("From", "")), str(msg.get("Reply-To", ""))
    fdom = domain_of(frm)

    ar_headers = msg.get_all("Authentication-Results", []) or []
    ar = next((h for h in ar_headers if not a.authserv or str(h).startswith(a.authserv)), "")
    ar = str(ar).lower()
    auth = {k: (re.search(rf"{k}=(\w+)", ar) or [None, "none"])[1] for k in ("spf", "dkim", "dmarc")}
    if auth["dmarc"] == "fail":
        score += 3; notes.append("DMARC fail (+3)")
    if auth["spf"] in ("fail", "softfail"):
        score += 1; notes.append(f"SPF {auth['spf']} (+1)")

    if reply and domain_of(reply) != fdom:
        score += 2; notes.append(f"Reply-To domain {domain_of(reply)} differs (+2)")
    name = parseaddr(frm)[0].lower()
    if any(b in name for b in BRANDS) and not any(b in fdom for b in BRANDS):
        score += 2; notes.append("brand in display name, address elsewhere (+2)")
    for ref in org + [b + ".com" for b in BRANDS]:
        if fdom != ref and (fold(fdom) == fold(ref) or fold(fdom.split(".")[0]).startswith(fold(ref.split(".")[0]))):
            score += 2; notes.append(f"look-alike: {fdom} ~ {ref} (+2)"); break

    body = msg.get_body(preferencelist=("html", "plain"))
    text = body.get_content() if body else ""
    urls = sorted(set(re.findall(r"https?://[^\s\"'<>)]+", text)))
    mism = re.findall(r'href="https?://([^/"]+)[^"]*"[^>]*>\s*(?:https?://)?([a-z0-9.-]+\.[a-z]{2,})', text, re.I)
    if any(h.lower() != t.lower() for h, t in mism):
        score += 2; notes.append("link text domain differs from target (+2)")
    hits = [w for w in URGENT if w in text.lower()][:3]
    score += len(hits)

    atts = []
    for part in msg.iter_attachments():
        fn = part.get_filename() or "unnamed"
        data = part.get_payload(decode=True) or b""
        atts.append((fn, hashlib.sha256(data).hexdigest()))
        if fn.lower().endswith(RISKY_EXT):
            score += 2; notes.append(f"risky attachment {fn} (+2)")

    verdict = "LIKELY PHISH" if score >= 7 else "SUSPICIOUS" if score >= 4 else "PROBABLY LEGITIMATE (verify via known channel)"
    print(f"# Verdict: {verdict} (score {score})\n")
    print(f"- From: `{frm}`\n- Reply-To: `{reply or '-'}`\n- Subject: `{msg.get('Subject', '')}`")
    print(f"- Auth: spf={auth['spf']} dkim={auth['dkim']} dmarc={auth['dmarc']}")
    print("\n## Signals\n" + "\n".join(f"- {n}" for n in notes) if notes else "\n## Signals\n- none")
    if hits:
        print("- urgency phrases: " + ", ".join(hits))
    print("\n## URLs (defanged)\n" + ("\n".join(f"- {defang(u)}" for u in urls) or "- none"))
    print("\n## Attachments\n" + ("\n".join(f"- {f} sha256={h}" for f, h in atts) or "- none"))


if __name__ == "__main__":
    main()
