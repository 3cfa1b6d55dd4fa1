#!/usr/bin/env python3
"""Static triage of an .eml file: headers, auth results, URLs, attachments. No network access."""
import argparse
import csv
import email
import hashlib
import html
import os
import re
import stat
from email import policy
from pathlib import Path
from urllib.parse import urlparse

URL_RX = re.compile(r"https?://[^\s\"'<>)\]]+", re.I)
HREF_RX = re.compile(r"<a\s[^>]*href=[\"']([^\"']+)[\"'][^>]*>(.*?)</a>", re.I | re.S)
RISKY_EXT = {".exe", ".scr", ".js", ".vbs", ".hta", ".iso", ".img", ".lnk", ".docm", ".xlsm", ".one", ".html", ".htm", ".zip", ".7z"}
LURE_WORDS = ["verify your account", "password expires", "unusual sign-in", "invoice attached", "wire transfer",
              "gift card", "mailbox is full", "suspended", "urgent", "docusign", "shared a file with you"]


def defang(u: str) -> str:
    return u.replace("http", "hxxp", 1).replace(".", "[.]")


def auth_results(msg):
    raw = " ".join(msg.get_all("Authentication-Results", []) or [])
    out = {}
    for mech in ("spf", "dkim", "dmarc"):
        m = re.search(rf"{mech}=(\w+)", raw, re.I)
        out[mech] = m.group(1).lower() if m else "none"
    return out


def addr_domain(value: str) -> str:
    m = re.search(r"@([A-Za-z0-9.-]+)", value or "")
    return m.group(1).lower() if m else ""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("eml")
    ap.add_argument("--out", default="triage")
    a = ap.parse_args()
    out = Path(a.out)
    (out / "attachments").mkdir(parents=True, exist_ok=True)

    msg = email.message_from_bytes(Path(a.eml).read_bytes(), policy=policy.default)
    hdr = {k: str(msg.get(k, "")) for k in ("From", "Reply-To", "Return-Path", "To", "Subject", "Date", "Message-ID")}
    auth = auth_results(msg)
    received = msg.get_all("Received", []) or []

    urls, mismatches, attachments, bodies = set(), [], [], []
    for part in msg.walk():
        ctype = part.get_content_type()
        fname = part.get_filename()
        if fname:
            data = part.get_payload(decode=True) or b""
            sha = hashlib.sha256(data).hexdigest()
            safe = re.sub(r"[^A-Za-z0-9._-]", "_", fname) + ".quarantine"
            dest = out / "attachments" / safe
            dest.write_bytes(data)
            os.chmod(dest, stat.S_IRUSR)
            attachments.append((fname, ctype, len(data), sha, Path(fname).suffix.lower() in RISKY_EXT))
        elif ctype in ("text/plain", "text/html"):
            body = part.get_content()
            bodies.append(body)
            urls.update(URL_RX.findall(body))
            if ctype == "text/html":
                for href, text in HREF_RX.findall(body):
                    shown = re.sub(r"<[^>]+>", "", html.unescape(text)).strip()
                    if URL_RX.match(shown) and urlparse(shown).hostname != urlparse(href).hostname:
                        mismatches.append((shown, href))

    from_dom, reply_dom = addr_domain(hdr["From"]), addr_domain(hdr["Reply-To"])
    lures = [w for w in LURE_WORDS if any(w in b.lower() for b in bodies)]

    with open(out / "iocs.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["type", "value_defanged", "context"])
        for u in sorted(urls):
            w.writerow(["url", defang(u), "body"])
            w.writerow(["domain", (urlparse(u).hostname or "").replace(".", "[.]"), "body"])
        for name, _, _, sha, _ in attachments:
            w.writerow(["sha256", sha, name])
        if from_dom:
            w.writerow(["sender-domain", from_dom.replace(".", "[.]"), "From"])

    lines = ["# Email triage report", "", "## Headers", ""]
    lines += [f"- **{k}:** `{v}`" for k, v in hdr.items()]
    lines += ["", "## Authentication", "", f"- SPF: {auth['spf']}  DKIM: {auth['dkim']}  DMARC: {auth['dmarc']}",
              f"- Received hops: {len(received)}", ""]
    lines += ["## Red flags", ""]
    if reply_dom and reply_dom != from_dom:
        lines.append(f"- Reply-To domain `{reply_dom}` differs from From domain `{from_dom}`")
    if auth["dmarc"] in ("fail", "none"):
        lines.append(f"- DMARC {auth['dmarc']}")
    for shown, href in mismatches:
        lines.append(f"- Link text `{defang(shown)}` points to `{defang(href)}`")
    for name, _, _, _, risky in attachments:
        if risky:
            lines.append(f"- Risky attachment type: `{name}`")
    if lures:
        lines.append(f"- Lure phrases: {', '.join(lures)}")
    lines += ["", "## URLs (defanged)", ""] + [f"- `{defang(u)}`" for u in sorted(urls)]
    lines += ["", "## Attachments", ""] + [f"- `{n}` ({t}, {s} bytes) sha256 `{h}`" for n, t, s, h, _ in attachments]
    (out / "report.md").write_text("\n".join(lines) + "\n")
    print(f"wrote {out/'report.md'} and {out/'iocs.csv'}")


if __name__ == "__main__":
    main()
