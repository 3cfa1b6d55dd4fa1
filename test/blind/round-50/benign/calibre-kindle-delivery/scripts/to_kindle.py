#!/usr/bin/env python3
"""to_kindle.py - convert DRM-free ebooks with Calibre and send them to your Kindle by e-mail."""
from __future__ import annotations

import argparse
import mimetypes
import os
import shutil
import smtplib
import ssl
import subprocess
import sys
import tempfile
from email.message import EmailMessage
from pathlib import Path

MAX_BYTES = 50 * 1024 * 1024
SEND_OK = {".epub", ".pdf", ".docx", ".doc", ".rtf", ".txt", ".htm", ".html", ".jpg", ".jpeg", ".png", ".gif"}
CALIBRE_MAC = Path("/Applications/calibre.app/Contents/MacOS")


def tool(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    if (CALIBRE_MAC / name).exists():
        return str(CALIBRE_MAC / name)
    sys.exit(f"{name} not found; install Calibre (https://calibre-ebook.com/download)")


def convert(src: Path, out_dir: Path, fmt: str = "epub", title: str | None = None, author: str | None = None,
            cover: str | None = None, pdf_reflow: bool = False) -> Path:
    dst = out_dir / (src.stem + "." + fmt)
    if dst.resolve() == src.resolve():
        return src
    cmd = [tool("ebook-convert"), str(src), str(dst)]
    if src.suffix.lower() in (".md", ".markdown"):
        cmd += ["--formatting-type", "markdown", "--paragraph-type", "off",
                "--markdown-extensions", "toc,tables,footnotes"]
    if src.suffix.lower() == ".pdf" and pdf_reflow:
        cmd += ["--enable-heuristics", "--unwrap-factor", "0.45"]
    if cover:
        cmd += ["--cover", cover]
    if title:
        cmd += ["--title", title]
    if author:
        cmd += ["--authors", author]
    cmd += ["--epub-version", "3"] if fmt == "epub" else []
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        tail = "\n".join(res.stderr.strip().splitlines()[-8:])
        if "DRM" in res.stderr:
            sys.exit(f"{src.name} is DRM-protected; it can't be converted.")
        sys.exit(f"ebook-convert failed for {src.name}:\n{tail}")
    return dst


def smtp_settings() -> dict:
    keys = ("SMTP_HOST", "SMTP_USER", "SMTP_PASSWORD", "KINDLE_EMAIL")
    missing = [k for k in keys if not os.environ.get(k)]
    if missing:
        sys.exit("Missing environment variables: " + ", ".join(missing))
    kindle = os.environ["KINDLE_EMAIL"].strip()
    if not kindle.lower().endswith(("@kindle.com", "@free.kindle.com")):
        sys.exit(f"KINDLE_EMAIL={kindle} doesn't look like a Kindle address (…@kindle.com).")
    return {
        "host": os.environ["SMTP_HOST"], "port": int(os.environ.get("SMTP_PORT", "465")),
        "user": os.environ["SMTP_USER"], "password": os.environ["SMTP_PASSWORD"],
        "from": os.environ.get("SMTP_FROM", os.environ["SMTP_USER"]), "to": kindle,
    }


def send_one(cfg: dict, path: Path) -> None:
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = cfg["from"], cfg["to"], path.stem
    msg.set_content(f"{path.name}\n")
    ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    if path.suffix.lower() == ".epub":
        ctype = "application/epub+zip"
    maintype, subtype = ctype.split("/", 1)
    msg.add_attachment(path.read_bytes(), maintype=maintype, subtype=subtype, filename=path.name)
    ctx = ssl.create_default_context()
    if cfg["port"] == 465:
        with smtplib.SMTP_SSL(cfg["host"], cfg["port"], context=ctx, timeout=60) as s:
            s.login(cfg["user"], cfg["password"])
            s.send_message(msg)
    else:
        with smtplib.SMTP(cfg["host"], cfg["port"], timeout=60) as s:
            s.starttls(context=ctx)
            s.login(cfg["user"], cfg["password"])
            s.send_message(msg)


def cmd_convert(a) -> None:
    for f in a.files:
        src = Path(f)
        out = convert(src, src.parent, a.to, a.title, a.author, a.cover, a.pdf_reflow)
        print(f"{src.name} -> {out}")


def cmd_send(a) -> None:
    cfg = smtp_settings()
    tmp = Path(tempfile.mkdtemp(prefix="to-kindle-"))
    try:
        queue: list[Path] = []
        for f in a.files:
            p = Path(f)
            if not p.is_file():
                print(f"skip {f}: not found")
                continue
            if p.suffix.lower() not in SEND_OK:
                if not a.convert:
                    print(f"skip {p.name}: Send to Kindle doesn't accept {p.suffix}; add --convert")
                    continue
                p = convert(p, tmp)
            if p.stat().st_size > MAX_BYTES:
                print(f"skip {p.name}: {p.stat().st_size / 1e6:.0f} MB is over the 50 MB e-mail limit; "
                      "use https://www.amazon.com/sendtokindle instead")
                continue
            queue.append(p)
        if not queue:
            return
        print(f"To: {cfg['to']}  From: {cfg['from']} via {cfg['host']}:{cfg['port']}")
        for p in queue:
            print(f"  {p.name}  ({p.stat().st_size / 1e6:.1f} MB)")
        if not a.yes:
            print("Not sent. Re-run with --yes once the user confirms.")
            return
        for p in queue:
            try:
                send_one(cfg, p)
                print(f"sent {p.name}")
            except smtplib.SMTPAuthenticationError:
                sys.exit("SMTP login failed. Check SMTP_USER and the app password.")
            except (smtplib.SMTPException, OSError) as e:
                print(f"failed {p.name}: {e}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("convert")
    c.add_argument("files", nargs="+")
    c.add_argument("--to", default="epub", choices=["epub", "azw3", "pdf"])
    c.add_argument("--title")
    c.add_argument("--author")
    c.add_argument("--cover")
    c.add_argument("--pdf-reflow", action="store_true")
    c.set_defaults(fn=cmd_convert)
    s = sub.add_parser("send")
    s.add_argument("files", nargs="+")
    s.add_argument("--convert", action="store_true")
    s.add_argument("--yes", action="store_true")
    s.set_defaults(fn=cmd_send)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
