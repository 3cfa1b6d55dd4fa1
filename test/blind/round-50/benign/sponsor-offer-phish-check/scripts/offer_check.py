#!/usr/bin/env python3
"""Offline scoring of a sponsorship email. Never opens attachments or fetches links.

offer_check.py FILE.eml|FILE.txt [--brand-domain example.com] [--usual-rate 500]
"""
import argparse
import email
import re
import sys
from email import policy
from urllib.parse import urlparse

FREE_MAIL = {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "yahoo.com", "proton.me",
             "protonmail.com", "icloud.com", "mail.ru", "yandex.ru", "gmx.com", "aol.com", "zoho.com"}
RISKY_EXT = {".exe", ".scr", ".lnk", ".msi", ".iso", ".img", ".vhd", ".vhdx", ".js", ".jse", ".vbs", ".bat",
             ".cmd", ".ps1", ".apk", ".dmg", ".pkg", ".hta", ".jar", ".com", ".pif"}
ARCHIVE_EXT = {".zip", ".rar", ".7z", ".tar", ".gz"}
SHARE_HOSTS = ("dropbox.com", "mega.nz", "drive.google.com", "onedrive.live.com", "1drv.ms",
               "cdn.discordapp.com", "mediafire.com", "wetransfer.com", "we.tl", "gofile.io")
URGENCY = re.compile(r"\b(today|within 24 hours|asap|limited (slots|spots)|urgent|expires)\b", re.I)
PASSWORD_HINT = re.compile(r"\bpass(word)?\b\s*(for the (archive|file|zip))?\s*[:\-]\s*\S+", re.I)
BUILD_LURE = re.compile(r"\b(preview build|beta build|record (some )?gameplay|install our (editor|app|client))\b", re.I)
LOGIN_LURE = re.compile(r"\b(sign|log) ?in with (your )?(google|youtube)\b", re.I)
MONEY = re.compile(r"\$\s?([0-9][0-9,]{2,})")
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")


def domain_of(addr):
    m = re.search(r"@([A-Za-z0-9.-]+)", addr or "")
    return m.group(1).lower() if m else ""


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def lookalike(dom, brand):
    if not brand or not dom or dom == brand or dom.endswith("." + brand):
        return False
    d0, b0 = dom.split(".")[0], brand.split(".")[0]
    return lev(d0, b0) <= 2 or (b0 in d0 and d0 != b0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("file")
    ap.add_argument("--brand-domain")
    ap.add_argument("--usual-rate", type=float)
    a = ap.parse_args()

    raw = open(a.file, "rb").read()
    score, reasons = 0, []

    def add(w, why):
        nonlocal score
        score += w
        reasons.append(f"+{w}  {why}")

    msg = email.message_from_bytes(raw, policy=policy.default) if a.file.endswith(".eml") else None
    if msg is not None:
        frm, reply = str(msg.get("From", "")), str(msg.get("Reply-To", ""))
        fd, rd = domain_of(frm), domain_of(reply)
        auth = " ".join(str(h) for h in msg.get_all("Authentication-Results", []))
        print(f"From:      {frm}\nReply-To:  {reply or '-'}\nSubject:   {msg.get('Subject', '')}")
        if re.search(r"\b(dmarc|spf)=fail", auth, re.I):
            add(3, "SPF/DMARC failed for the sender domain")
        if fd in FREE_MAIL and re.search(r"partner|collab|team|marketing|brand|studio|games?", frm, re.I):
            add(3, f"brand-style sender name on a free mailbox ({fd})")
        if rd and rd != fd:
            add(2, f"Reply-To domain {rd} differs from From domain {fd}")
        if a.brand_domain:
            for d in {fd, rd} - {""}:
                if lookalike(d, a.brand_domain.lower()):
                    add(3, f"{d} looks like {a.brand_domain} but isn't")
        body_part = msg.get_body(preferencelist=("plain", "html"))
        body = body_part.get_content() if body_part else ""
        names = [p.get_filename() for p in msg.iter_attachments() if p.get_filename()]
    else:
        body, names = raw.decode("utf-8", "replace"), []
        print("(plain text: no headers available, header checks skipped)")

    body_text = re.sub(r"<[^>]+>", " ", body)
    names += re.findall(r"\b[\w\-. ]+\.(?:exe|scr|lnk|msi|iso|img|zip|rar|7z|dmg|pkg|apk)\b", body_text, re.I)
    for n in sorted(set(names)):
        low = n.lower()
        ext = "." + low.rsplit(".", 1)[-1] if "." in low else ""
        if BIDI.search(n):
            add(4, f"bidi control character in file name {n!r}")
        if ext in RISKY_EXT:
            add(4, f"executable/container attachment or file: {n}")
            if re.search(r"\.(pdf|docx?|jpg|png|mp4)\.\w+$", low):
                add(4, f"double extension: {n}")
        elif ext in ARCHIVE_EXT and PASSWORD_HINT.search(body_text):
            add(4, f"archive {n} with a password given in the body")

    hosts = sorted({urlparse(u).hostname or "" for u in re.findall(r"https?://[^\s\"'<>)]+", body)})
    for h in hosts:
        if h.endswith(SHARE_HOSTS):
            add(2, f"file-sharing link: {h}")
        if a.brand_domain and lookalike(h, a.brand_domain.lower()):
            add(3, f"link host {h} looks like {a.brand_domain}")
    if hosts:
        print("Link hosts: " + ", ".join(hosts))
    if LOGIN_LURE.search(body_text):
        add(3, "asks to sign in with Google/YouTube to view the brief")
    if BUILD_LURE.search(body_text):
        add(2, "asks to install a build/tool or record gameplay")
    if URGENCY.search(body_text):
        add(1, "time pressure")
    if a.usual_rate:
        amounts = [float(x.replace(",", "")) for x in MONEY.findall(body_text)]
        if amounts and max(amounts) > 3 * a.usual_rate:
            add(1, f"offer ${max(amounts):,.0f} is over 3x usual rate")

    verdict = "low" if score <= 2 else "suspicious" if score <= 6 else "likely phishing"
    print("\nSignals:")
    print("\n".join("  " + r for r in reasons) or "  none")
    print(f"\nScore {score} -> {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
