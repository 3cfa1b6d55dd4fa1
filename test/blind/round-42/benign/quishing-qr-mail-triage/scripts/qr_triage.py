#!/usr/bin/env python3
"""Offline QR-code phishing triage for .eml files.

Decodes QR codes from image parts, compares with text URLs, defangs, scores.
Never performs network requests.
"""
import argparse
import base64
import binascii
import email
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
from email import policy
from urllib.parse import parse_qs, unquote, urlsplit

URL_RE = re.compile(r"https?://[^\s\"'<>]+", re.I)
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
REDIRECT_KEYS = ("q", "url", "u", "redirect", "redirect_uri", "next", "target", "dest")
SHORTENERS = {"bit.ly", "t.ly", "tinyurl.com", "is.gd", "rb.gy", "cutt.ly", "s.id"}
BRANDS = {
    "microsoft": {"microsoft.com", "microsoftonline.com", "live.com", "office.com", "sharepoint.com"},
    "ms365": {"microsoft.com", "office.com"},
    "office": {"office.com", "microsoft.com"},
    "docusign": {"docusign.com", "docusign.net"},
    "adobe": {"adobe.com"},
    "okta": {"okta.com"},
    "paypal": {"paypal.com"},
    "dhl": {"dhl.com"},
}


def registrable(host: str) -> str:
    parts = host.lower().strip(".").split(".")
    return ".".join(parts[-2:]) if len(parts) >= 2 else host


def defang(url: str) -> str:
    scheme, _, rest = url.partition("://")
    scheme = re.sub(r"^http", "hxxp", scheme, flags=re.I)
    netloc, sep, path = rest.partition("/")
    netloc = netloc.replace("@", "[@]").replace(".", "[.]")
    # URLs nested in the path/query (redirectors) are defanged too
    path = re.sub(r"https?://([^/&?#]+)", lambda m: defang(m.group(0)), path)
    return f"{scheme}://{netloc}{sep}{path}"


def mask_email(addr: str) -> str:
    local, _, domain = addr.partition("@")
    return f"{local[:1]}***@{domain}"


def find_victim_token(url: str):
    parts = urlsplit(url)
    candidates = [unquote(parts.query), unquote(parts.fragment)]
    for chunk in list(candidates):
        for piece in re.split(r"[&=#/?]", chunk):
            if len(piece) >= 12 and re.fullmatch(r"[A-Za-z0-9+/_-]+=*", piece):
                try:
                    padded = piece + "=" * (-len(piece) % 4)
                    candidates.append(base64.urlsafe_b64decode(padded.replace("+", "-").replace("/", "_")).decode("utf-8", "ignore"))
                except (binascii.Error, ValueError):
                    pass
    for c in candidates:
        m = EMAIL_RE.search(c)
        if m:
            return m.group(0)
    return None


def next_hop(url: str):
    parts = urlsplit(url)
    if "/amp/s/" in parts.path:
        return "https://" + parts.path.split("/amp/s/", 1)[1]
    qs = parse_qs(parts.query)
    for key in REDIRECT_KEYS:
        for val in qs.get(key, []):
            if val.startswith(("http://", "https://")):
                return val
    return None


def assess(url: str, depth: int = 0):
    host = (urlsplit(url).hostname or "").lower()
    flags = []
    if host in SHORTENERS:
        flags.append("shortener")
    for kw, allowed in BRANDS.items():
        if kw in host and registrable(host) not in allowed:
            flags.append(f"lookalike({kw})")
    victim = find_victim_token(url)
    if victim:
        flags.append(f"victim_token({mask_email(victim)})")
    hop = next_hop(url)
    chain = []
    if hop and depth < 5:
        flags.append("redirector")
        chain = [assess(hop, depth + 1)]
    return {"url": defang(url), "host": host.replace(".", "[.]"), "flags": flags, "next": chain}


def decode_qr(image_path: str):
    try:
        from PIL import Image  # type: ignore
        from pyzbar.pyzbar import decode  # type: ignore
        return [d.data.decode("utf-8", "ignore") for d in decode(Image.open(image_path))]
    except ImportError:
        pass
    if shutil.which("zbarimg"):
        proc = subprocess.run(["zbarimg", "--quiet", "--raw", image_path],
                              capture_output=True, text=True, check=False)
        return [line for line in proc.stdout.splitlines() if line.strip()]
    sys.exit("no QR decoder: install pyzbar+pillow or zbar-tools (zbarimg)")


def all_flags(node):
    out = list(node["flags"])
    for child in node["next"]:
        out += all_flags(child)
    return out


def verdict(items):
    flat = [f for it in items for f in all_flags(it)]
    if any(f.startswith(("victim_token", "lookalike")) for f in flat):
        return "phishing"
    if any(f in ("shortener", "redirector") for f in flat):
        return "likely phishing"
    return "needs analyst review" if items else "no QR URLs found"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("eml")
    ap.add_argument("--out", default="quish/report.md")
    ap.add_argument("--json")
    args = ap.parse_args()

    raw = open(args.eml, "rb").read()
    msg = email.message_from_bytes(raw, policy=policy.default)
    img_dir = os.path.join(os.path.dirname(os.path.abspath(args.out)), "images")
    os.makedirs(img_dir, exist_ok=True)

    text_urls, qr_items = set(), []
    for n, part in enumerate(msg.walk()):
        ctype = part.get_content_type()
        if ctype in ("text/plain", "text/html"):
            text_urls.update(URL_RE.findall(part.get_content()))
        elif ctype.startswith("image/"):
            name = part.get_filename() or f"part{n}.{ctype.split('/')[1]}"
            path = os.path.join(img_dir, f"part{n}_{os.path.basename(name)}")
            with open(path, "wb") as fh:
                fh.write(part.get_payload(decode=True) or b"")
            for data in decode_qr(path):
                if data.lower().startswith(("http://", "https://")):
                    item = assess(data)
                    item["image"] = os.path.relpath(path, os.path.dirname(os.path.abspath(args.out)))
                    item["also_in_text"] = data in text_urls
                    qr_items.append(item)
                else:
                    qr_items.append({"url": None, "raw": data[:200], "image": path, "flags": ["non-url-qr"], "next": []})

    result = {
        "sample": os.path.basename(args.eml),
        "sha256": hashlib.sha256(raw).hexdigest(),
        "from": str(msg.get("From", "")),
        "subject": str(msg.get("Subject", "")),
        "qr_urls": qr_items,
        "text_urls": sorted(defang(u) for u in text_urls),
        "verdict": verdict([i for i in qr_items if i.get("url")]),
    }

    lines = [f"# Quishing triage: {result['subject']}", "",
             f"- File: `{result['sample']}` sha256 `{result['sha256']}`",
             f"- From: `{result['from']}`", f"- Verdict: **{result['verdict']}**", "", "## QR codes"]
    for i, it in enumerate(qr_items, 1):
        lines.append(f"### QR #{i} ({it['image']})")
        lines.append(f"- url: `{it.get('url') or it.get('raw')}`")
        lines.append(f"- flags: {', '.join(it['flags']) or 'none'}")
        hop = it["next"]
        while hop:
            lines.append(f"- next hop: `{hop[0]['url']}` flags: {', '.join(hop[0]['flags']) or 'none'}")
            hop = hop[0]["next"]
        if "also_in_text" in it:
            lines.append(f"- also present in text body: {'yes' if it['also_in_text'] else 'no'}")
    lines += ["", "## URLs in text/HTML body (defanged)"] + [f"- `{u}`" for u in result["text_urls"]]
    with open(args.out, "w") as fh:
        fh.write("\n".join(lines) + "\n")
    if args.json:
        with open(args.json, "w") as fh:
            json.dump(result, fh, indent=2)
    print(f"verdict: {result['verdict']}  ({len(qr_items)} QR codes) -> {args.out}")


if __name__ == "__main__":
    main()
