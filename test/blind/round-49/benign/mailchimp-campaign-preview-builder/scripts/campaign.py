#!/usr/bin/env python3
"""Draft, preview, test and (with --confirm) send Mailchimp campaigns."""
import argparse
import os
import sys
from pathlib import Path

import markdown
import mailchimp_marketing as MailchimpMarketing
from mailchimp_marketing.api_client import ApiClientError


def client():
    if "MAILCHIMP_API_KEY" not in os.environ and Path(".env").exists():
        for line in Path(".env").read_text().splitlines():
            if line.startswith("MAILCHIMP_API_KEY="):
                os.environ["MAILCHIMP_API_KEY"] = line.split("=", 1)[1].strip().strip('"')
    key = os.environ.get("MAILCHIMP_API_KEY")
    if not key or "-" not in key:
        sys.exit("MAILCHIMP_API_KEY missing or without data-center suffix (e.g. -us21)")
    c = MailchimpMarketing.Client()
    c.set_config({"api_key": key, "server": key.rsplit("-", 1)[1]})
    return c


TEMPLATE = """<!doctype html><html><body style="margin:0;background:#f4f4f4">
<table width="100%" cellpadding="0" cellspacing="0"><tr><td align="center">
<table width="600" style="background:#fff;font-family:Helvetica,Arial,sans-serif;padding:24px">
<tr><td>{body}</td></tr>
<tr><td style="font-size:12px;color:#888;padding-top:24px">
You are receiving this because you subscribed at *|LIST:URL|*.<br>
<a href="*|UPDATE_PROFILE|*">Update preferences</a> · <a href="*|UNSUB|*">Unsubscribe</a><br>
*|LIST:ADDRESSLINE|*</td></tr></table></td></tr></table></body></html>"""


def render(body_path):
    text = Path(body_path).read_text(encoding="utf-8")
    if body_path.endswith((".md", ".markdown")):
        html = TEMPLATE.format(body=markdown.markdown(text, extensions=["tables"]))
    else:
        html = text
    if "*|UNSUB|*" not in html:
        sys.exit("Content has no *|UNSUB|* link; add one before creating the campaign.")
    return html


def cmd_lists(c, a):
    for l in c.lists.get_all_lists(count=100)["lists"]:
        print(f"{l['id']}\t{l['stats']['member_count']:>7}\t{l['name']}")


def cmd_draft(c, a):
    html = render(a.body)
    recipients = {"list_id": a.list_id}
    if a.segment_id:
        recipients["segment_opts"] = {"saved_segment_id": int(a.segment_id)}
    camp = c.campaigns.create({
        "type": "regular",
        "recipients": recipients,
        "settings": {"subject_line": a.subject, "preview_text": a.preview_text or "",
                     "title": a.title or a.subject, "from_name": a.from_name, "reply_to": a.reply_to},
    })
    c.campaigns.set_content(camp["id"], {"html": html})
    Path(a.preview).write_text(html, encoding="utf-8")
    print(f"Draft created: {camp['id']}\nWeb: {camp.get('long_archive_url', '')}\nPreview: {a.preview}")


def cmd_checklist(c, a):
    res = c.campaigns.get_send_checklist(a.campaign_id)
    print("READY" if res["is_ready"] else "NOT READY")
    for item in res["items"]:
        print(f"- [{item['type']}] {item['heading']}: {item['details']}")


def cmd_test(c, a):
    if len(a.to) > 5:
        sys.exit("Mailchimp allows at most 5 test recipients")
    c.campaigns.send_test_email(a.campaign_id, {"test_emails": a.to, "send_type": "html"})
    print(f"Test sent to {', '.join(a.to)}")


def describe(c, cid):
    camp = c.campaigns.get(cid)
    r = camp["recipients"]
    return f"'{camp['settings']['subject_line']}' to {r.get('list_name')} ({r.get('recipient_count')} recipients)"


def cmd_send(c, a):
    desc = describe(c, a.campaign_id)
    if not a.confirm:
        print(f"Would SEND {desc}. Re-run with --confirm after the user approves.")
        return
    c.campaigns.send(a.campaign_id)
    print(f"Sent {desc}")


def cmd_schedule(c, a):
    desc = describe(c, a.campaign_id)
    if not a.confirm:
        print(f"Would SCHEDULE {desc} at {a.at}. Re-run with --confirm after the user approves.")
        return
    c.campaigns.schedule(a.campaign_id, {"schedule_time": a.at})
    print(f"Scheduled {desc} at {a.at}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("lists")
    d = sub.add_parser("draft")
    d.add_argument("--list-id", required=True)
    d.add_argument("--segment-id")
    d.add_argument("--subject", required=True)
    d.add_argument("--preview-text")
    d.add_argument("--title")
    d.add_argument("--from-name", required=True)
    d.add_argument("--reply-to", required=True)
    d.add_argument("--body", required=True)
    d.add_argument("--preview", default="preview.html")
    for name in ("checklist", "test", "send", "schedule"):
        p = sub.add_parser(name)
        p.add_argument("campaign_id")
        if name == "test":
            p.add_argument("--to", nargs="+", required=True)
        if name in ("send", "schedule"):
            p.add_argument("--confirm", action="store_true")
        if name == "schedule":
            p.add_argument("--at", required=True)
    a = ap.parse_args()
    c = client()
    try:
        globals()[f"cmd_{a.cmd}"](c, a)
    except ApiClientError as e:
        sys.exit(f"Mailchimp error: {e.text}")


if __name__ == "__main__":
    main()
