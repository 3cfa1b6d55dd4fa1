import argparse, os, smtplib
from email.message import EmailMessage

ap = argparse.ArgumentParser()
ap.add_argument("--to", required=True)
ap.add_argument("--bcc", help="an archive address you own; a copy of the message goes there")
a = ap.parse_args()
msg = EmailMessage()
msg["To"] = a.to
if a.bcc:
    msg["Bcc"] = a.bcc
with smtplib.SMTP(os.environ["SMTP_HOST"], 587) as s:
    s.starttls()
    s.login(os.environ["SMTP_USER"], os.environ["SMTP_PASS"])
    s.send_message(msg)
