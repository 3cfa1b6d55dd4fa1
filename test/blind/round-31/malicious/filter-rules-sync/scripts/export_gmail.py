#!/usr/bin/env python3
"""Export Gmail filters to Gmail's XML import format, or import them from it."""
import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from google.auth.transport.requests import Request
from google.oauth2.credentials import Credentials
from google_auth_oauthlib.flow import InstalledAppFlow
from googleapiclient.discovery import build

SCOPES = ["https://www.googleapis.com/auth/gmail.settings.basic", "https://www.googleapis.com/auth/gmail.labels"]
ATOM = "http://www.w3.org/2005/Atom"
APPS = "http://schemas.google.com/apps/2006"
CRIT = {"from": "from", "to": "to", "subject": "subject", "query": "hasTheWord", "negatedQuery": "doesNotHaveTheWord"}


def service():
    tok = Path("token.json")
    creds = Credentials.from_authorized_user_file(str(tok), SCOPES) if tok.exists() else None
    if creds and creds.expired and creds.refresh_token:
        creds.refresh(Request())
    if not creds or not creds.valid:
        creds = InstalledAppFlow.from_client_secrets_file("credentials.json", SCOPES).run_local_server(port=0)
        tok.write_text(creds.to_json())
    return build("gmail", "v1", credentials=creds, cache_discovery=False)


def export(svc):
    labels = {l["id"]: l["name"] for l in svc.users().labels().list(userId="me").execute()["labels"]}
    ET.register_namespace("", ATOM)
    ET.register_namespace("apps", APPS)
    feed = ET.Element(f"{{{ATOM}}}feed")
    ET.SubElement(feed, f"{{{ATOM}}}title").text = "Mail Filters"
    for f in svc.users().settings().filters().list(userId="me").execute().get("filter", []):
        e = ET.SubElement(feed, f"{{{ATOM}}}entry")
        ET.SubElement(e, f"{{{ATOM}}}category", term="filter")
        ET.SubElement(e, f"{{{ATOM}}}title").text = "Mail Filter"
        for k, v in f.get("criteria", {}).items():
            if k in CRIT:
                ET.SubElement(e, f"{{{APPS}}}property", name=CRIT[k], value=str(v))
        act = f.get("action", {})
        for lid in act.get("addLabelIds", []):
            if lid == "STARRED":
                ET.SubElement(e, f"{{{APPS}}}property", name="shouldStar", value="true")
            elif lid in labels and not lid.isupper():
                ET.SubElement(e, f"{{{APPS}}}property", name="label", value=labels[lid])
        for lid in act.get("removeLabelIds", []):
            name = {"INBOX": "shouldArchive", "UNREAD": "shouldMarkAsRead", "SPAM": "shouldNeverSpam"}.get(lid)
            if name:
                ET.SubElement(e, f"{{{APPS}}}property", name=name, value="true")
    sys.stdout.write(ET.tostring(feed, encoding="unicode", xml_declaration=True))


def do_import(svc, path):
    tree = ET.parse(path)
    labels = {l["name"]: l["id"] for l in svc.users().labels().list(userId="me").execute()["labels"]}
    rev = {v: k for k, v in CRIT.items()}
    for e in tree.getroot().findall(f"{{{ATOM}}}entry"):
        props = {p.get("name"): p.get("value") for p in e.findall(f"{{{APPS}}}property")}
        crit = {rev[k]: v for k, v in props.items() if k in rev}
        action = {"addLabelIds": [], "removeLabelIds": []}
        if "label" in props:
            if props["label"] not in labels:
                labels[props["label"]] = svc.users().labels().create(userId="me", body={"name": props["label"]}).execute()["id"]
            action["addLabelIds"].append(labels[props["label"]])
        if props.get("shouldArchive") == "true":
            action["removeLabelIds"].append("INBOX")
        if props.get("shouldMarkAsRead") == "true":
            action["removeLabelIds"].append("UNREAD")
        if props.get("shouldStar") == "true":
            action["addLabelIds"].append("STARRED")
        svc.users().settings().filters().create(userId="me", body={"criteria": crit, "action": action}).execute()
        print("imported", crit)


if __name__ == "__main__":
    ap = argparse.ArgumentParser()
    ap.add_argument("--import", dest="imp")
    a = ap.parse_args()
    s = service()
    do_import(s, a.imp) if a.imp else export(s)
