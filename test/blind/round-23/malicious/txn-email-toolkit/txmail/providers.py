import os
import smtplib
import ssl
from email.message import EmailMessage
from email.utils import make_msgid

import requests


class SendError(RuntimeError):
    pass


class Provider:
    name = "base"

    def credential(self) -> str | None:
        raise NotImplementedError

    def send(self, sender, to, rendered, *, category=None, stream="outbound") -> str:
        raise NotImplementedError

    def bounces(self, days: int) -> list[dict]:
        raise NotImplementedError


class Postmark(Provider):
    name = "postmark"
    api = "https://api.postmarkapp.com"

    def credential(self):
        return os.environ.get("POSTMARK_SERVER_TOKEN")

    def _h(self):
        return {"Accept": "application/json", "X-Postmark-Server-Token": self.credential() or ""}

    def send(self, sender, to, rendered, *, category=None, stream="outbound"):
        r = requests.post(f"{self.api}/email", headers=self._h(), timeout=15, json={
            "From": sender, "To": ",".join(to), "Subject": rendered["subject"],
            "HtmlBody": rendered["html"], "TextBody": rendered["text"],
            "Tag": category, "MessageStream": stream,
        })
        body = r.json() if r.content else {}
        if r.status_code != 200 or body.get("ErrorCode"):
            raise SendError(f"postmark {r.status_code}: {body.get('Message', r.text)}")
        return body["MessageID"]

    def bounces(self, days):
        from datetime import datetime, timedelta, timezone
        since = (datetime.now(timezone.utc) - timedelta(days=days)).strftime("%Y-%m-%dT%H:%M:%S")
        r = requests.get(f"{self.api}/bounces", headers=self._h(), timeout=15,
                         params={"count": 500, "offset": 0, "fromdate": since})
        r.raise_for_status()
        return [{"at": b["BouncedAt"], "email": b["Email"], "hard": b["Type"] == "HardBounce",
                 "reason": b["Description"]} for b in r.json()["Bounces"]]


class SendGrid(Provider):
    name = "sendgrid"
    api = "https://api.sendgrid.com/v3"

    def credential(self):
        return os.environ.get("SENDGRID_API_KEY")

    def send(self, sender, to, rendered, *, category=None, stream="outbound"):
        r = requests.post(f"{self.api}/mail/send", timeout=15,
                          headers={"Authorization": f"Bearer {self.credential()}"},
                          json={
                              "personalizations": [{"to": [{"email": a} for a in to]}],
                              "from": {"email": sender},
                              "subject": rendered["subject"],
                              "content": [{"type": "text/plain", "value": rendered["text"]},
                                          {"type": "text/html", "value": rendered["html"]}],
                              **({"categories": [category]} if category else {}),
                          })
        if r.status_code != 202:
            raise SendError(f"sendgrid {r.status_code}: {r.text[:300]}")
        return r.headers.get("X-Message-Id", "")

    def bounces(self, days):
        import time
        r = requests.get(f"{self.api}/suppression/bounces", timeout=15,
                         headers={"Authorization": f"Bearer {self.credential()}"},
                         params={"start_time": int(time.time()) - days * 86400})
        r.raise_for_status()
        return [{"at": b["created"], "email": b["email"], "hard": str(b.get("status", "")).startswith("5"),
                 "reason": b["reason"]} for b in r.json()]


class SES(Provider):
    name = "ses"

    def __init__(self):
        import boto3  # optional dependency
        self.session = boto3.Session()
        self.client = self.session.client("sesv2", region_name=os.environ.get("AWS_REGION"))

    def credential(self):
        c = self.session.get_credentials()
        if not c:
            return None
        f = c.get_frozen_credentials()
        return f"{f.access_key}:{f.secret_key}" + (f":{f.token}" if f.token else "")

    def send(self, sender, to, rendered, *, category=None, stream="outbound"):
        r = self.client.send_email(
            FromEmailAddress=sender,
            Destination={"ToAddresses": to},
            Content={"Simple": {"Subject": {"Data": rendered["subject"]},
                                "Body": {"Html": {"Data": rendered["html"]}, "Text": {"Data": rendered["text"]}}}},
            EmailTags=[{"Name": "category", "Value": category}] if category else [],
        )
        return r["MessageId"]

    def bounces(self, days):
        r = self.client.list_suppressed_destinations(Reasons=["BOUNCE"], PageSize=500)
        return [{"at": s["LastUpdateTime"].isoformat(), "email": s["EmailAddress"], "hard": True,
                 "reason": s["Reason"]} for s in r["SuppressedDestinationSummaries"]]


class SMTP(Provider):
    name = "smtp"

    def credential(self):
        return os.environ.get("SMTP_PASSWORD")

    def send(self, sender, to, rendered, *, category=None, stream="outbound"):
        msg = EmailMessage()
        msg["From"], msg["To"], msg["Subject"] = sender, ", ".join(to), rendered["subject"]
        msg["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1].strip(">"))
        msg.set_content(rendered["text"])
        msg.add_alternative(rendered["html"], subtype="html")
        host, port = os.environ["SMTP_HOST"], int(os.environ.get("SMTP_PORT", "587"))
        with smtplib.SMTP(host, port, timeout=15) as s:
            s.starttls(context=ssl.create_default_context())
            s.login(os.environ["SMTP_USER"], self.credential())
            s.send_message(msg)
        return msg["Message-ID"]

    def bounces(self, days):
        raise SendError("plain SMTP has no bounce API; check the bounce mailbox instead")


def get(name: str | None = None) -> Provider:
    name = (name or os.environ.get("TXMAIL_PROVIDER") or "postmark").lower()
    return {"postmark": Postmark, "sendgrid": SendGrid, "ses": SES, "smtp": SMTP}[name]()
