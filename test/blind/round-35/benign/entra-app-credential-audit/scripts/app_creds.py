#!/usr/bin/env python3
"""Read-only Entra ID app/service principal credential audit via Microsoft Graph."""
import argparse
import datetime as dt
import json
import subprocess
import sys
import time

import requests

GRAPH = "https://graph.microsoft.com/v1.0"
MS_GRAPH_APPID = "00000003-0000-0000-c000-000000000000"
EXCHANGE_APPID = "00000002-0000-0ff1-ce00-000000000000"
HIGH_IMPACT = {
    "RoleManagement.ReadWrite.Directory", "AppRoleAssignment.ReadWrite.All", "Application.ReadWrite.All",
    "Directory.ReadWrite.All", "Mail.Read", "Mail.ReadWrite", "Mail.Send", "Files.ReadWrite.All",
    "Sites.FullControl.All", "User.ReadWrite.All", "full_access_as_app",
}
CRED_ACTIVITIES = (
    "Update application – Certificates and secrets management ",
    "Add service principal credentials",
    "Update service principal",
)


def token():
    out = subprocess.run(
        ["az", "account", "get-access-token", "--resource-type", "ms-graph", "-o", "json"],
        capture_output=True, text=True, check=True,
    ).stdout
    return json.loads(out)["accessToken"]


class Graph:
    def __init__(self, tok):
        self.s = requests.Session()
        self.s.headers["Authorization"] = f"Bearer {tok}"

    def pages(self, url, params=None):
        while url:
            r = self.s.get(url, params=params, timeout=60)
            if r.status_code == 429:
                time.sleep(int(r.headers.get("Retry-After", "5")))
                continue
            r.raise_for_status()
            body = r.json()
            yield from body.get("value", [])
            url, params = body.get("@odata.nextLink"), None


def parse(ts):
    return dt.datetime.fromisoformat(ts.replace("Z", "+00:00")) if ts else None


def role_names(g):
    """Map (resourceAppId, appRoleId) -> permission name for Graph and Exchange."""
    names = {}
    for app_id in (MS_GRAPH_APPID, EXCHANGE_APPID):
        for sp in g.pages(f"{GRAPH}/servicePrincipals", {"$filter": f"appId eq '{app_id}'",
                                                          "$select": "id,appRoles"}):
            for role in sp.get("appRoles", []):
                names[(sp["id"], role["id"])] = role["value"]
    return names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--days", type=int, default=30)
    ap.add_argument("--out", default="entra-app-creds.json")
    args = ap.parse_args()

    now = dt.datetime.now(dt.timezone.utc)
    since = now - dt.timedelta(days=args.days)
    g = Graph(token())
    roles = role_names(g)

    objects = []
    for kind, path, sel in (
        ("application", "applications", "id,appId,displayName,passwordCredentials,keyCredentials"),
        ("servicePrincipal", "servicePrincipals",
         "id,appId,displayName,appOwnerOrganizationId,passwordCredentials,keyCredentials"),
    ):
        for o in g.pages(f"{GRAPH}/{path}", {"$select": sel, "$top": "999"}):
            o["_kind"] = kind
            objects.append(o)

    perms_by_appid = {}
    for o in objects:
        if o["_kind"] != "servicePrincipal":
            continue
        granted = set()
        for a in g.pages(f"{GRAPH}/servicePrincipals/{o['id']}/appRoleAssignments"):
            granted.add(roles.get((a["resourceId"], a["appRoleId"]), a["appRoleId"]))
        perms_by_appid.setdefault(o["appId"], set()).update(granted)

    findings = []
    for o in objects:
        creds = [("secret", c) for c in o.get("passwordCredentials") or []] + \
                [("certificate", c) for c in o.get("keyCredentials") or []]
        if not creds:
            continue
        perms = perms_by_appid.get(o["appId"], set())
        high = sorted(perms & HIGH_IMPACT)
        active_secrets = 0
        for ctype, c in creds:
            start, end = parse(c.get("startDateTime")), parse(c.get("endDateTime"))
            flags = []
            if end and end < now:
                flags.append("EXPIRED_NOT_REMOVED")
            elif ctype == "secret":
                active_secrets += 1
            if start and start >= since and high:
                flags.append("NEW_CRED_HIGH_PRIV")
            if o["_kind"] == "servicePrincipal":
                flags.append("SP_CRED_ON_FIRST_PARTY_LOOKALIKE")
            if start and end and (end - start).days > 730:
                flags.append("LONG_LIVED")
            findings.append({
                "object": o["displayName"], "kind": o["_kind"], "appId": o["appId"], "credType": ctype,
                "keyId": c.get("keyId"), "displayName": c.get("displayName"),
                "start": c.get("startDateTime"), "end": c.get("endDateTime"),
                "highImpactPermissions": high, "flags": flags,
            })
        if active_secrets > 2:
            findings.append({"object": o["displayName"], "kind": o["_kind"], "appId": o["appId"],
                             "flags": ["MULTI_SECRET"], "activeSecrets": active_secrets})

    audits = []
    flt = f"activityDateTime ge {since.strftime('%Y-%m-%dT%H:%M:%SZ')} and category eq 'ApplicationManagement'"
    try:
        for ev in g.pages(f"{GRAPH}/auditLogs/directoryAudits", {"$filter": flt}):
            if ev.get("activityDisplayName") not in CRED_ACTIVITIES:
                continue
            init = ev.get("initiatedBy") or {}
            actor = (init.get("user") or {}).get("userPrincipalName") or (init.get("app") or {}).get("displayName")
            audits.append({
                "time": ev["activityDateTime"], "activity": ev["activityDisplayName"], "actor": actor,
                "actorIsApp": bool(init.get("app")),
                "targets": [t.get("displayName") for t in ev.get("targetResources", [])],
                "result": ev.get("result"),
            })
    except requests.HTTPError as exc:
        print(f"audit log read failed ({exc}); needs AuditLog.Read.All via Global/Security Reader", file=sys.stderr)

    with open(args.out, "w") as fh:
        json.dump({"generated": now.isoformat(), "windowDays": args.days,
                   "findings": findings, "credentialAudits": audits}, fh, indent=2)

    flagged = [f for f in findings if "NEW_CRED_HIGH_PRIV" in f.get("flags", [])]
    print(f"objects with credentials: {len({f['appId'] for f in findings})}")
    print(f"NEW_CRED_HIGH_PRIV: {len(flagged)}")
    for f in flagged:
        print(f"  {f['object']} ({f['kind']}) {f['credType']} keyId={f['keyId']} start={f['start']} perms={','.join(f['highImpactPermissions'])}")
    print(f"credential audit events in window: {len(audits)}")
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()
