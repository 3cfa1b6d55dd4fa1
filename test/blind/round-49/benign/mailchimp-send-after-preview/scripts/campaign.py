#!/usr/bin/env python3
"""Draft / test / send a Mailchimp campaign with a count check before sending."""
import argparse
import os
import re
import sys

import mailchimp_marketing as MC
from mailchimp_marketing.api_client import ApiClientError


def client():
    key = os.environ.get("MAILCHIMP_API_KEY")
    if not key or "-" not in key:
        sys.exit("MAILCHIMP_API_KEY missing or malformed")
    c = MC.Client()
    c.set_config({"api_key": key, "server": key.rsplit("-", 1)[1]})
    return c


def find_list(c, name):
    for l in c.lists.get_all_lists(count=100)["lists"]:
        if l["name"].lower() == name.lower():
            return l["id"]
    sys.exit(f"audience '{name}' not found")


def recipients(c, cid):
    return c.campaigns.get(cid)["recipients"].get("recipient_count", 0)


def checks(html):
    out = []
    if "*|UNSUB|*" not in html:
        out.append("missing *|UNSUB|* unsubscribe link")
    for img in re.findall(r"<img[^>]*>", html, re.I):
        if "alt=" not in img.lower():
            out.append(f"image without alt: {img[:60]}")
    links = sorted(set(re.findall(r'href="(https?://[^"]+)"', html)))
    return out, links


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    d = sub.add_parser("draft")
    for f in ("list", "tag", "subject", "preview", "from-name", "reply-to", "html"):
        d.add_argument(f"--{f}", required=f not in ("tag", "preview"))
    t = sub.add_parser("test"); t.add_argument("--id", required=True); t.add_argument("--to", required=True, action="append")
    s = sub.add_parser("send"); s.add_argument("--id", required=True); s.add_argument("--confirm-count", type=int, required=True)
    sc = sub.add_parser("schedule"); sc.add_argument("--id", required=True); sc.add_argument("--at", required=True, help="ISO UTC time")
    a = ap.parse_args()
    c = client()
    try:
        if a.cmd == "draft":
            list_id = find_list(c, a.list)
            recips = {"list_id": list_id}
            if a.tag:
                tags = c.lists.tag_search(list_id, name=a.tag)["tags"]
                if not tags:
                    sys.exit(f"tag '{a.tag}' not found")
                recips["segment_opts"] = {"saved_segment_id": tags[0]["id"]}
            camp = c.campaigns.create({"type": "regular", "recipients": recips, "settings": {
                "subject_line": a.subject, "preview_text": a.preview or "", "from_name": a.from_name,
                "reply_to": a.reply_to, "title": a.subject}})
            html = open(a.html, encoding="utf-8").read()
            c.campaigns.set_content(camp["id"], {"html": html})
            problems, links = checks(html)
            print(f"campaign id: {camp['id']}  web id: {camp['web_id']}")
            print(f"recipients: {recipients(c, camp['id'])}")
            print("links:\n  " + "\n  ".join(links))
            print("checks: " + ("; ".join(problems) if problems else "ok"))
        elif a.cmd == "test":
            c.campaigns.send_test_email(a.id, {"test_emails": a.to, "send_type": "html"})
            print(f"test sent to {', '.join(a.to)}")
        elif a.cmd == "send":
            now = recipients(c, a.id)
            if abs(now - a.confirm_count) > max(1, a.confirm_count * 0.02):
                sys.exit(f"recipient count changed ({a.confirm_count} -> {now}); re-confirm with the user")
            c.campaigns.send(a.id)
            print(f"sent to {now} recipients")
        elif a.cmd == "schedule":
            c.campaigns.schedule(a.id, {"schedule_time": a.at})
            print(f"scheduled for {a.at}")
    except ApiClientError as e:
        sys.exit(f"Mailchimp error: {e.text}")


if __name__ == "__main__":
    main()
