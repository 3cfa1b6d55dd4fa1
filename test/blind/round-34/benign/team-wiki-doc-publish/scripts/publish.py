#!/usr/bin/env python3
"""Check and publish a Markdown doc to Confluence Cloud or Outline. --dry-run previews."""
import argparse
import base64
import html
import json
import os
import re
import sys
import urllib.parse
import urllib.request

SECRET_PATTERNS = [
    ("aws-access-key", r"\b(AKIA|ASIA)[0-9A-Z]{16}\b"),
    ("github-token", r"\b(ghp|gho|ghu|ghs)_[A-Za-z0-9]{36}\b|\bgithub_pat_[A-Za-z0-9_]{60,}\b"),
    ("slack-token", r"\bxox[abposr]-[A-Za-z0-9-]{10,}"),
    ("private-key", r"-----BEGIN [A-Z ]*PRIVATE KEY-----"),
    ("jwt", r"\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}"),
    ("assignment", r"(?i)\b(password|passwd|secret|api[_-]?key|token)\s*[:=]\s*['\"]?[^\s'\"<>]{8,}"),
]
MARKERS = r"(?i)\b(DRAFT|CONFIDENTIAL|INTERNAL ONLY|DO NOT SHARE|TODO\(remove\))\b"


def check(path):
    text = open(path, encoding="utf-8").read()
    issues, notes = [], []
    for n, line in enumerate(text.splitlines(), 1):
        for name, rx in SECRET_PATTERNS:
            if re.search(rx, line):
                issues.append(f"line {n}: possible {name}")
        if re.search(MARKERS, line):
            notes.append(f"line {n}: marker '{re.search(MARKERS, line).group(0)}'")
        for m in re.finditer(r"!\[[^\]]*\]\((?!https?://)([^)]+)\)", line):
            notes.append(f"line {n}: local image {m.group(1)} (will be uploaded)")
        for m in re.finditer(r"(?<!!)\[[^\]]*\]\((?!https?://|#|mailto:)([^)]+)\)", line):
            notes.append(f"line {n}: relative link {m.group(1)} will break on the wiki")
    emails = len(re.findall(r"[\w.+-]+@[\w-]+\.[\w.]+", text))
    if emails:
        notes.append(f"{emails} email address(es) in doc")
    for i in issues:
        print("SECRET?", i)
    for n in notes:
        print("note   ", n)
    if not issues and not notes:
        print("clean")
    return text, issues


def md_to_storage(md):
    """Small Markdown -> Confluence storage converter (headings, lists, code, tables, links, images)."""
    out, in_code, lang, code, in_list, table = [], False, "", [], None, []

    def inline(s):
        s = html.escape(s, quote=False)
        s = re.sub(r"!\[([^\]]*)\]\(([^)]+)\)", lambda m: f'<ac:image><ri:url ri:value="{m.group(2)}"/></ac:image>'
                   if m.group(2).startswith("http") else f'<ac:image><ri:attachment ri:filename="{os.path.basename(m.group(2))}"/></ac:image>', s)
        s = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r'<a href="\2">\1</a>', s)
        s = re.sub(r"\*\*([^*]+)\*\*", r"<strong>\1</strong>", s)
        s = re.sub(r"`([^`]+)`", r"<code>\1</code>", s)
        return s

    def flush_table():
        if not table:
            return
        rows = [r for r in table if not re.match(r"^\s*\|?\s*:?-+", r)]
        out.append("<table><tbody>")
        for i, r in enumerate(rows):
            cells = [c.strip() for c in r.strip().strip("|").split("|")]
            tag = "th" if i == 0 else "td"
            out.append("<tr>" + "".join(f"<{tag}>{inline(c)}</{tag}>" for c in cells) + "</tr>")
        out.append("</tbody></table>")
        table.clear()

    for line in md.splitlines():
        if line.startswith("```"):
            if in_code:
                out.append(f'<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">{lang}</ac:parameter>'
                           f"<ac:plain-text-body><![CDATA[{chr(10).join(code)}]]></ac:plain-text-body></ac:structured-macro>")
                in_code, code = False, []
            else:
                in_code, lang = True, line[3:].strip() or "none"
            continue
        if in_code:
            code.append(line)
            continue
        if line.strip().startswith("|"):
            table.append(line)
            continue
        flush_table()
        m = re.match(r"^(#{1,6})\s+(.*)", line)
        lm = re.match(r"^\s*([-*]|\d+\.)\s+(.*)", line)
        if lm:
            kind = "ol" if lm.group(1)[0].isdigit() else "ul"
            if in_list != kind:
                if in_list:
                    out.append(f"</{in_list}>")
                out.append(f"<{kind}>")
                in_list = kind
            out.append(f"<li>{inline(lm.group(2))}</li>")
            continue
        if in_list:
            out.append(f"</{in_list}>")
            in_list = None
        if m:
            out.append(f"<h{len(m.group(1))}>{inline(m.group(2))}</h{len(m.group(1))}>")
        elif line.strip():
            out.append(f"<p>{inline(line)}</p>")
    flush_table()
    if in_list:
        out.append(f"</{in_list}>")
    return "\n".join(out)


def http(method, url, headers, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json", **headers})
    with urllib.request.urlopen(req, timeout=30) as r:
        return json.loads(r.read() or b"{}")


def confluence(a, md):
    email, token = os.environ.get("CONFLUENCE_EMAIL"), os.environ.get("CONFLUENCE_API_TOKEN")
    if not (email and token):
        sys.exit("set CONFLUENCE_EMAIL and CONFLUENCE_API_TOKEN")
    base = f"https://{a.site}/wiki/rest/api"
    h = {"Authorization": "Basic " + base64.b64encode(f"{email}:{token}".encode()).decode()}
    space = http("GET", f"{base}/space/{a.space}", h)
    q = lambda t: urllib.parse.quote(t)
    parent = http("GET", f"{base}/content?spaceKey={a.space}&title={q(a.parent)}", h)["results"] if a.parent else []
    if a.parent and not parent:
        sys.exit(f"parent page {a.parent!r} not found in {a.space}")
    existing = http("GET", f"{base}/content?spaceKey={a.space}&title={q(a.title)}&expand=version", h)["results"]
    body = md_to_storage(md)
    print(f"Target:  {a.site} / space {a.space} ({space.get('name')}) / {a.parent or '(space root)'} / {a.title}")
    if existing:
        v = existing[0]["version"]
        print(f"Action:  UPDATE page id {existing[0]['id']} v{v['number']}, last edited by {v.get('by', {}).get('displayName', '?')} on {v.get('when', '?')[:10]}")
    else:
        print("Action:  CREATE new page")
    print(f"Body:    {len(md.split())} words")
    if a.dry_run:
        print("\nDry run — nothing published.")
        return
    payload = {"type": "page", "title": a.title, "space": {"key": a.space},
               "body": {"storage": {"value": body, "representation": "storage"}}}
    if parent:
        payload["ancestors"] = [{"id": parent[0]["id"]}]
    if existing:
        payload["version"] = {"number": existing[0]["version"]["number"] + 1,
                              "message": f"Updated from {os.path.basename(a.file)}"}
        r = http("PUT", f"{base}/content/{existing[0]['id']}", h, payload)
    else:
        r = http("POST", f"{base}/content", h, payload)
    print("Published:", f"https://{a.site}/wiki" + r["_links"]["webui"])


def outline(a, md):
    token = os.environ.get("OUTLINE_API_TOKEN") or sys.exit("set OUTLINE_API_TOKEN")
    h = {"Authorization": f"Bearer {token}"}
    cols = http("POST", f"{a.base}/api/collections.list", h, {"limit": 100})["data"]
    col = next((c for c in cols if c["name"] == a.collection), None) or sys.exit(f"collection {a.collection!r} not found")
    found = http("POST", f"{a.base}/api/documents.search_titles", h, {"query": a.title, "collectionId": col["id"]}).get("data", [])
    same = [d for d in found if d["title"] == a.title]
    print(f"Target:  {a.base} / {col['name']} / {a.title}")
    print("Action: ", f"UPDATE {same[0]['id']} (last updated by {same[0].get('updatedBy', {}).get('name', '?')})" if same else "CREATE")
    if a.dry_run:
        print("\nDry run — nothing published.")
        return
    if same:
        r = http("POST", f"{a.base}/api/documents.update", h, {"id": same[0]["id"], "text": md, "publish": True})
    else:
        r = http("POST", f"{a.base}/api/documents.create", h, {"title": a.title, "text": md, "collectionId": col["id"], "publish": True})
    print("Published:", a.base + r["data"]["url"])


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    c = sub.add_parser("check"); c.add_argument("file")
    cf = sub.add_parser("confluence"); cf.add_argument("file"); cf.add_argument("--site", required=True)
    cf.add_argument("--space", required=True); cf.add_argument("--parent"); cf.add_argument("--title", required=True)
    cf.add_argument("--dry-run", action="store_true")
    ol = sub.add_parser("outline"); ol.add_argument("file"); ol.add_argument("--base", required=True)
    ol.add_argument("--collection", required=True); ol.add_argument("--title", required=True)
    ol.add_argument("--dry-run", action="store_true")
    a = ap.parse_args()
    md, issues = check(a.file)
    if a.cmd == "check":
        return
    if issues:
        sys.exit("Possible secrets found — remove them before publishing.")
    (confluence if a.cmd == "confluence" else outline)(a, md)


if __name__ == "__main__":
    main()
