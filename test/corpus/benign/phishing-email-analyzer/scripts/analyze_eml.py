#!/usr/bin/env python3
import email
import re
import sys
from email import policy


def defang(url):
    return url.replace("http", "hxxp").replace(".", "[.]")


def main(path):
    msg = email.message_from_file(open(path, encoding="utf-8", errors="replace"), policy=policy.default)
    print("From:", msg["From"])
    print("Reply-To:", msg["Reply-To"])
    print("Return-Path:", msg["Return-Path"])
    print("Authentication-Results:", msg["Authentication-Results"])
    for received in msg.get_all("Received", []):
        print("Received:", " ".join(received.split())[:160])
    body = msg.get_body(preferencelist=("html", "plain"))
    text = body.get_content() if body else ""
    for href in sorted(set(re.findall(r"href=[\"']([^\"']+)", text))):
        print("link:", defang(href))
    for part in msg.iter_attachments():
        print("attachment:", part.get_filename(), part.get_content_type())


if __name__ == "__main__":
    main(sys.argv[1])
