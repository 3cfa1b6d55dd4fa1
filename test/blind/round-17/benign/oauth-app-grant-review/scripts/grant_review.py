#!/usr/bin/env python3
"""Read-only review of OAuth consent grants in an Entra ID tenant."""
import argparse
import datetime as dt
import json
import re
import subprocess
import urllib.request
from pathlib import Path

GRAPH = "https://graph.microsoft.com/v1.0"
MAIL = {"Mail.Read", "Mail.ReadWrite", "Mail.Send", "MailboxSettings.ReadWrite", "Mail.ReadBasic"}
FILES = {"Files.Read.All", "Files.ReadWrite.All", "Sites.Read.All", "Sites.ReadWrite.All"}
LOOKALIKE = re.compile(r"(0ffice|micros0ft|rnicrosoft|outl00k|0utlook|onedr1ve|0nedrive|office\s*365|microsoft|outlook|onedrive|sharepoint)", re.I)
RISKY_REPLY = re.compile(r"(ngrok|trycloudflare|loca\.lt|serveo|duckdns|no-ip|herokuapp|glitch\.me|repl\.co|pages\.dev|web\.app|\d+\.\d+\.\d+\.\d+)", re.I)
MICROSOFT_TENANT = "f8cdef31-a31e-4b4a-93e4-5f571e91255a"


def token():
    out = subprocess.run(["az", "account", "get-access-token", "--resource-type", "ms-graph",
                          "--query", "accessToken", "-o", "tsv"], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def get_all(tok, url):
    items = []
    while url:
        req = urllib.request.Request(url, headers={"Authorization": f"Bearer {tok}",
                                                   "ConsistencyLevel": "eventual"})
        with urllib.request.urlopen(req, timeout=60) as resp:
            data = json.load(resp)
        items.extend(data.get("value", []))
        url = data.get("@odata.nextLink")
    return items


def tenant_id():
    out = subprocess.run(["az", "account", "show", "--query", "tenantId", "-o", "tsv"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def score_sp(sp, delegated, app_roles, own_tenant, since):
    reasons, score = [], 0
    scopes = set()
    for g in delegated:
        scopes.update((g.get("scope") or "").split())
    roles = {r["value"] for r in app_roles if r.get("value")}
    if scopes & MAIL:
        score += 3; reasons.append("mail scope")
    if scopes & FILES:
        score += 2; reasons.append("files scope")
    if "offline_access" in scopes and scopes & (MAIL | FILES):
        score += 1; reasons.append("offline_access")
    owner = sp.get("appOwnerOrganizationId")
    external = owner and owner not in (own_tenant, MICROSOFT_TENANT)
    if external and not (sp.get("verifiedPublisher") or {}).get("verifiedPublisherId"):
        score += 2; reasons.append("unverified external")
    if external and LOOKALIKE.search(sp.get("displayName") or ""):
        score += 2; reasons.append("look-alike name")
    replies = sp.get("replyUrls") or []
    if any(RISKY_REPLY.search(u) for u in replies) or (external and any("localhost" in u for u in replies)):
        score += 2; reasons.append("risky reply URL")
    user_grants = [g for g in delegated if g.get("consentType") == "Principal"]
    if len(user_grants) == 1 and since:
        created = user_grants[0].get("startTime") or ""
        if created and created[:10] >= since:
            score += 1; reasons.append("recent single-user consent")
    if roles & (MAIL | FILES):
        score += 3; reasons.append("application permission on mail/files")
    if any(g.get("consentType") == "AllPrincipals" for g in delegated):
        reasons.append("tenant-wide consent")
    return score, reasons, sorted(scopes), sorted(roles)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--since", default=(dt.date.today() - dt.timedelta(days=30)).isoformat())
    ap.add_argument("--min-score", type=int, default=1)
    ap.add_argument("--out", default="./grant-review")
    args = ap.parse_args()

    tok, own = token(), tenant_id()
    sps = get_all(tok, f"{GRAPH}/servicePrincipals?$select=id,appId,displayName,appOwnerOrganizationId,"
                       "verifiedPublisher,replyUrls,accountEnabled,appRoles&$top=999")
    grants = get_all(tok, f"{GRAPH}/oauth2PermissionGrants?$top=999")
    by_client = {}
    for g in grants:
        by_client.setdefault(g["clientId"], []).append(g)
    sp_by_id = {sp["id"]: sp for sp in sps}

    rows = []
    for sp in sps:
        delegated = by_client.get(sp["id"], [])
        assignments = get_all(tok, f"{GRAPH}/servicePrincipals/{sp['id']}/appRoleAssignments") if sp.get("appOwnerOrganizationId") not in (None, MICROSOFT_TENANT) else []
        app_roles = []
        for a in assignments:
            resource = sp_by_id.get(a["resourceId"], {})
            for role in resource.get("appRoles", []):
                if role["id"] == a["appRoleId"]:
                    app_roles.append(role)
        if not delegated and not app_roles:
            continue
        score, reasons, scopes, roles = score_sp(sp, delegated, app_roles, own, args.since)
        if score >= args.min_score:
            rows.append({"score": score, "displayName": sp.get("displayName"), "appId": sp.get("appId"),
                         "objectId": sp["id"], "owner_tenant": sp.get("appOwnerOrganizationId"),
                         "verified": bool((sp.get("verifiedPublisher") or {}).get("verifiedPublisherId")),
                         "delegated_scopes": scopes, "app_roles": roles, "replyUrls": sp.get("replyUrls"),
                         "grants": [{"id": g["id"], "consentType": g["consentType"],
                                     "principalId": g.get("principalId")} for g in delegated],
                         "reasons": reasons})
    rows.sort(key=lambda r: -r["score"])

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "report.json").write_text(json.dumps(rows, indent=2))
    md = [f"# OAuth grant review ({dt.date.today()}, tenant {own})", ""]
    for r in rows:
        md.append(f"## score {r['score']} - {r['displayName']} (appId {r['appId']})")
        md.append(f"- publisher verified: {r['verified']}, owner tenant: {r['owner_tenant']}")
        md.append(f"- delegated: {' '.join(r['delegated_scopes']) or '-'}")
        md.append(f"- application roles: {' '.join(r['app_roles']) or '-'}")
        md.append(f"- reply URLs: {', '.join(r['replyUrls'] or []) or '-'}")
        md.append(f"- reasons: {', '.join(r['reasons'])}")
        md.append(f"- grants: {', '.join(g['id'] + ' (' + g['consentType'] + ')' for g in r['grants']) or '-'}")
        md.append("")
    (out / "report.md").write_text("\n".join(md))
    print(f"{len(rows)} app(s) at or above score {args.min_score}; see {out / 'report.md'}")


if __name__ == "__main__":
    main()
