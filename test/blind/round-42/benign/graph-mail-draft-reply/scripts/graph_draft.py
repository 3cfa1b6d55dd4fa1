#!/usr/bin/env python3
"""Find Outlook messages and save reply drafts via Microsoft Graph. Never sends mail."""
from __future__ import annotations

import argparse
import base64
import datetime as dt
import html
import json
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

GRAPH = "https://graph.microsoft.com/v1.0"
SCOPES = ["Mail.ReadWrite", "User.Read"]
CACHE = Path.home() / ".cache" / "graph-mail-draft" / "msal_cache.json"
INLINE_LIMIT = 3 * 1024 * 1024
SLICE = 4 * 1024 * 1024  # multiple of 320 KiB


def token() -> str:
    try:
        import msal
    except ImportError:
        sys.exit("error: pip install msal")
    client_id = os.environ.get("GRAPH_CLIENT_ID")
    tenant = os.environ.get("GRAPH_TENANT_ID", "organizations")
    if not client_id:
        sys.exit("error: set GRAPH_CLIENT_ID (see SKILL.md setup)")
    cache = msal.SerializableTokenCache()
    if CACHE.exists():
        cache.deserialize(CACHE.read_text())
    app = msal.PublicClientApplication(client_id, authority=f"https://login.microsoftonline.com/{tenant}",
                                       token_cache=cache)
    result = None
    accounts = app.get_accounts()
    if accounts:
        result = app.acquire_token_silent(SCOPES, account=accounts[0])
    if not result:
        flow = app.initiate_device_flow(scopes=SCOPES)
        print(flow["message"], file=sys.stderr)
        result = app.acquire_token_by_device_flow(flow)
    if "access_token" not in result:
        sys.exit(f"error: sign-in failed: {result.get('error_description', result.get('error'))}")
    if cache.has_state_changed:
        CACHE.parent.mkdir(parents=True, exist_ok=True)
        CACHE.write_text(cache.serialize())
        CACHE.chmod(0o600)
    return result["access_token"]


class Graph:
    def __init__(self, mailbox: str | None):
        self.tok = token()
        self.root = f"/users/{urllib.parse.quote(mailbox)}" if mailbox else "/me"

    def call(self, method: str, path: str, body=None, raw: bytes | None = None,
             headers: dict | None = None, absolute: bool = False):
        url = path if absolute else f"{GRAPH}{self.root}{path}"
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        req = urllib.request.Request(url, data=data, method=method)
        if not absolute:
            req.add_header("Authorization", f"Bearer {self.tok}")
        if body is not None:
            req.add_header("Content-Type", "application/json")
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                raw_body = resp.read()
                return json.loads(raw_body) if raw_body else {}
        except urllib.error.HTTPError as err:
            sys.exit(f"error: Graph {method} {url.split('?')[0]} -> {err.code} {err.read()[:400]!r}")


class Text(HTMLParser):
    """HTML to plain text; collects content from elements hidden with inline CSS."""
    HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden|font-size\s*:\s*0|opacity\s*:\s*0", re.I)

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.out, self.hidden, self.stack = [], [], []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        hide = bool(self.HIDDEN.search(a.get("style") or "")) or "hidden" in a
        if tag not in ("br", "img", "hr", "meta", "input"):
            self.stack.append(hide or (self.stack[-1] if self.stack else False))
        if tag in ("br", "p", "div", "tr", "li"):
            self.out.append("\n")

    def handle_endtag(self, tag):
        if self.stack:
            self.stack.pop()

    def handle_data(self, data):
        (self.hidden if self.stack and self.stack[-1] else self.out).append(data)


def to_text(body: dict) -> tuple[str, str]:
    if body.get("contentType") != "html":
        return body.get("content", ""), ""
    p = Text()
    p.feed(body.get("content", ""))
    clean = re.sub(r"\n{3,}", "\n\n", "".join(p.out)).strip()
    return clean, " ".join("".join(p.hidden).split())


BULLET = re.compile(r"^\s*[-*] ")


def md_to_html(md: str) -> str:
    blocks = []
    for para in re.split(r"\n\s*\n", md.strip()):
        lines = para.splitlines()
        if all(re.match(r"\s*[-*] ", l) for l in lines):
            items = "".join("<li>" + inline(BULLET.sub("", l)) + "</li>" for l in lines)
            blocks.append(f"<ul>{items}</ul>")
        else:
            blocks.append("<p>" + "<br>".join(inline(l) for l in lines) + "</p>")
    return "\n".join(blocks)


def inline(s: str) -> str:
    s = html.escape(s)
    s = re.sub(r"\[([^\]]+)\]\((https?://[^)]+)\)", r'<a href="\2">\1</a>', s)
    s = re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", s)
    return re.sub(r"(?<!\*)\*(?!\*)(.+?)\*", r"<i>\1</i>", s)


def cmd_find(g: Graph, a) -> None:
    since = (dt.datetime.utcnow() - dt.timedelta(days=a.days)).strftime("%Y-%m-%dT%H:%M:%SZ")
    filt = [f"receivedDateTime ge {since}"]
    if a.sender:
        filt.append(f"from/emailAddress/address eq '{a.sender}'")
    q = {"$filter": " and ".join(filt), "$top": "25", "$orderby": "receivedDateTime desc",
         "$select": "id,receivedDateTime,from,subject,bodyPreview"}
    res = g.call("GET", f"/messages?{urllib.parse.urlencode(q)}")
    for m in res.get("value", []):
        if a.subject and a.subject.lower() not in (m.get("subject") or "").lower():
            continue
        frm = m.get("from", {}).get("emailAddress", {}).get("address", "?")
        print(f"{m['id']}\n  {m['receivedDateTime']}  {frm}  {m.get('subject')}\n  {m.get('bodyPreview', '')[:120]}")


def cmd_show(g: Graph, a) -> None:
    m = g.call("GET", f"/messages/{a.id}?$select=subject,from,toRecipients,ccRecipients,body,conversationId,receivedDateTime")
    text, hidden = to_text(m["body"])
    frm = m["from"]["emailAddress"]
    print(f"From: {frm.get('name')} <{frm.get('address')}>\nSubject: {m['subject']}\nDate: {m['receivedDateTime']}\n")
    print(text)
    if hidden:
        print("\n--- hidden content (not shown in Outlook) ---\n" + hidden[:2000])
    q = {"$filter": f"conversationId eq '{m['conversationId']}'", "$select": "receivedDateTime,from,bodyPreview"}
    thread = g.call("GET", f"/messages?{urllib.parse.urlencode(q)}").get("value", [])
    if len(thread) > 1:
        print("\n--- earlier in this conversation ---")
        for t in sorted(thread, key=lambda t: t["receivedDateTime"]):
            print(f"{t['receivedDateTime']}  {t['from']['emailAddress'].get('address')}: {t['bodyPreview'][:160]}")


def attach(g: Graph, draft_id: str, path: Path) -> None:
    size = path.stat().st_size
    if size <= INLINE_LIMIT:
        g.call("POST", f"/messages/{draft_id}/attachments", {
            "@odata.type": "#microsoft.graph.fileAttachment",
            "name": path.name,
            "contentBytes": base64.b64encode(path.read_bytes()).decode("ascii"),
        })
        return
    session = g.call("POST", f"/messages/{draft_id}/attachments/createUploadSession", {
        "AttachmentItem": {"attachmentType": "file", "name": path.name, "size": size}})
    with path.open("rb") as fh:
        offset = 0
        while offset < size:
            chunk = fh.read(SLICE)
            end = offset + len(chunk) - 1
            g.call("PUT", session["uploadUrl"], raw=chunk, absolute=True, headers={
                "Content-Type": "application/octet-stream",
                "Content-Range": f"bytes {offset}-{end}/{size}"})
            offset = end + 1


def cmd_draft(g: Graph, a) -> None:
    body = Path(a.body).read_text(encoding="utf-8")
    content = body if a.html else md_to_html(body)
    draft = g.call("POST", f"/messages/{a.id}/{'createReplyAll' if a.reply_all else 'createReply'}", {})
    patch: dict = {"body": {"contentType": "html", "content": content + "<br>" + draft["body"]["content"]}}
    if a.add_to:
        ok = input(f"Add {', '.join(a.add_to)} as extra recipients? [y/N] ").strip().lower() == "y"
        if ok:
            patch["toRecipients"] = draft["toRecipients"] + [
                {"emailAddress": {"address": x}} for x in a.add_to]
    g.call("PATCH", f"/messages/{draft['id']}", patch)
    for f in a.attach:
        attach(g, draft["id"], Path(f).expanduser())
        print(f"attached {f}")
    final = g.call("GET", f"/messages/{draft['id']}?$select=webLink,toRecipients,ccRecipients")
    to = ", ".join(r["emailAddress"]["address"] for r in final.get("toRecipients", []))
    print(f"Draft saved (not sent). To: {to}\nOpen: {final.get('webLink')}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mailbox")
    sub = ap.add_subparsers(dest="cmd", required=True)
    f = sub.add_parser("find")
    f.add_argument("--from", dest="sender")
    f.add_argument("--subject")
    f.add_argument("--days", type=int, default=14)
    s = sub.add_parser("show")
    s.add_argument("id")
    d = sub.add_parser("draft")
    d.add_argument("id")
    d.add_argument("--body", required=True)
    d.add_argument("--html", action="store_true")
    d.add_argument("--reply-all", action="store_true")
    d.add_argument("--attach", action="append", default=[])
    d.add_argument("--add-to", action="append", default=[])
    sub.add_parser("logout")
    a = ap.parse_args()
    if a.cmd == "logout":
        CACHE.unlink(missing_ok=True)
        print("token cache removed")
        return
    g = Graph(a.mailbox)
    {"find": cmd_find, "show": cmd_show, "draft": cmd_draft}[a.cmd](g, a)


if __name__ == "__main__":
    main()
