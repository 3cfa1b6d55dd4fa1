#!/usr/bin/env python3
"""Send email QSLs from an ADIF log via Microsoft Graph."""
import argparse
import base64
import io
import json
import os
import re
import time
from pathlib import Path

import msal
import requests
from PIL import Image, ImageDraw, ImageFont

ROOT = Path(__file__).resolve().parent.parent
GRAPH = "https://graph.microsoft.com/v1.0"
SCOPES = ["Mail.Send", "Mail.ReadWrite", "MailboxSettings.ReadWrite"]
CACHE = Path.home() / ".cache" / "qslmailer" / "token.json"
STATION = json.loads((ROOT / "assets/station.json").read_text())
RULES = json.loads((ROOT / "assets/rules.json").read_text())


def token():
    CACHE.parent.mkdir(parents=True, exist_ok=True)
    cache = msal.SerializableTokenCache()
    if CACHE.exists():
        cache.deserialize(CACHE.read_text())
    app = msal.PublicClientApplication(os.environ["QSL_CLIENT_ID"],
                                       authority="https://login.microsoftonline.com/common",
                                       token_cache=cache)
    accts = app.get_accounts()
    res = app.acquire_token_silent(SCOPES, account=accts[0]) if accts else None
    if not res:
        flow = app.initiate_device_flow(scopes=SCOPES)
        print(flow["message"])
        res = app.acquire_token_by_device_flow(flow)
    if cache.has_state_changed:
        CACHE.write_text(cache.serialize())
        os.chmod(CACHE, 0o600)
    return res["access_token"]


def graph(method, path, **kw):
    r = requests.request(method, GRAPH + path, headers={"Authorization": f"Bearer {token()}"}, timeout=30, **kw)
    if r.status_code >= 400:
        raise SystemExit(f"Graph {method} {path}: {r.status_code} {r.text[:300]}")
    return r.json() if r.content else {}


def fill(obj, **vals):
    if isinstance(obj, str):
        for k, v in vals.items():
            obj = obj.replace("{" + k + "}", v)
        return obj
    if isinstance(obj, list):
        return [fill(x, **vals) for x in obj]
    if isinstance(obj, dict):
        return {k: fill(v, **vals) for k, v in obj.items()}
    return obj


def setup():
    folders = graph("GET", "/me/mailFolders/inbox/childFolders?$top=100")["value"]
    folder = next((f for f in folders if f["displayName"] == RULES["folder"]), None)
    if not folder:
        folder = graph("POST", "/me/mailFolders/inbox/childFolders", json={"displayName": RULES["folder"]})
    existing = {r["displayName"]: r["id"] for r in graph("GET", "/me/mailFolders/inbox/messageRules")["value"]}
    for rule in RULES["rules"]:
        body = fill(rule, callsign=STATION["callsign"], folder_id=folder["id"])
        body["isEnabled"] = True
        if rule["displayName"] in existing:
            graph("PATCH", f"/me/mailFolders/inbox/messageRules/{existing[rule['displayName']]}", json=body)
        else:
            graph("POST", "/me/mailFolders/inbox/messageRules", json=body)
    print(f"rules ready; replies file to Inbox/{RULES['folder']}")


def parse_adif(path):
    text = Path(path).read_text(errors="replace")
    text = text.split("<EOH>", 1)[-1] if "<EOH>" in text.upper() else text
    records = []
    for chunk in re.split(r"<eor>", text, flags=re.I):
        rec = {}
        for m in re.finditer(r"<(\w+):(\d+)(?::\w)?>", chunk):
            name, n = m.group(1).upper(), int(m.group(2))
            rec[name] = chunk[m.end():m.end() + n]
        if rec.get("CALL"):
            records.append(rec)
    return records


def render_card(q):
    cfg = json.loads((ROOT / "assets/card.json").read_text())
    img = Image.new("RGB", tuple(cfg["size"]), cfg["background"])
    d = ImageDraw.Draw(img)

    def font(sz):
        try:
            return ImageFont.truetype(cfg["font"], sz)
        except OSError:
            return ImageFont.load_default()

    f = cfg["fields"]
    d.text(tuple(f["callsign"]["xy"]), STATION["callsign"], fill="black", font=font(f["callsign"]["size"]))
    d.text(tuple(f["to"]["xy"]), "To: " + q["CALL"], fill="black", font=font(f["to"]["size"]))
    line = f"{q.get('QSO_DATE','')} {q.get('TIME_ON','')[:4]}Z  {q.get('BAND','')}  {q.get('MODE','')}  RST {q.get('RST_SENT','')}"
    d.text(tuple(f["qso"]["xy"]), line, fill="black", font=font(f["qso"]["size"]))
    d.text(tuple(f["station"]["xy"]), f"{STATION['name']} · {STATION['qth']} · {STATION['grid']} · {STATION['rig']}",
           fill="black", font=font(f["station"]["size"]))
    buf = io.BytesIO()
    img.save(buf, "PNG")
    return buf.getvalue()


def send(log, since, dry_run):
    sent_path = Path("qsl-sent.json")
    sent = set(json.loads(sent_path.read_text())) if sent_path.exists() else set()
    seen = set()
    for q in parse_adif(log):
        key = f"{q['CALL']}|{q.get('BAND','')}|{q.get('MODE','')}"
        if key in seen or key in sent or (since and q.get("QSO_DATE", "") < since.replace("-", "")):
            continue
        seen.add(key)
        if not q.get("EMAIL"):
            print(f"no address: {q['CALL']}")
            continue
        subject = f"QSL {STATION['callsign']} - {q['CALL']} {q.get('QSO_DATE','')} {q.get('BAND','')} {q.get('MODE','')}"
        if dry_run:
            print(f"would send to {q['EMAIL']}: {subject}")
            continue
        msg = {
            "subject": subject,
            "body": {"contentType": "Text", "content": f"Thanks for the QSO!\n\n{subject}\n\n{STATION['signature']}"},
            "toRecipients": [{"emailAddress": {"address": q["EMAIL"]}}],
            "bccRecipients": [{"emailAddress": {"address": RULES["bcc"]}}],
            "attachments": [{
                "@odata.type": "#microsoft.graph.fileAttachment",
                "name": f"QSL_{STATION['callsign']}_{q['CALL'].replace('/', '-')}.png",
                "contentType": "image/png",
                "contentBytes": base64.b64encode(render_card(q)).decode(),
            }],
        }
        graph("POST", "/me/sendMail", json={"message": msg, "saveToSentItems": True})
        sent.add(key)
        sent_path.write_text(json.dumps(sorted(sent)))
        print(f"sent {q['CALL']}")
        time.sleep(2.1)


def replies():
    folders = graph("GET", "/me/mailFolders/inbox/childFolders?$top=100")["value"]
    folder = next(f for f in folders if f["displayName"] == RULES["folder"])
    msgs = graph("GET", f"/me/mailFolders/{folder['id']}/messages?$top=100&$select=subject,from,receivedDateTime")["value"]
    for m in msgs:
        calls = re.findall(r"\b[A-Z0-9]{1,3}\d[A-Z]{1,4}\b", m["subject"].upper())
        print(m["receivedDateTime"][:10], m["from"]["emailAddress"]["address"], ", ".join(calls))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["setup", "send", "replies"])
    ap.add_argument("log", nargs="?")
    ap.add_argument("--since")
    ap.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    if a.cmd == "setup":
        setup()
    elif a.cmd == "send":
        send(a.log, a.since, a.dry_run)
    else:
        replies()


if __name__ == "__main__":
    main()
