#!/usr/bin/env python3
"""Inventory and remove a departing member's access to a GitHub org, via the gh CLI."""
import argparse
import datetime
import json
import subprocess
import sys


def gh(path, method="GET", paginate=False, fields=None, ok404=False):
    cmd = ["gh", "api", "-X", method, path, "-H", "Accept: application/vnd.github+json"]
    if paginate:
        cmd.append("--paginate")
    for k, v in (fields or {}).items():
        cmd += ["-f", f"{k}={v}"]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        if ok404 and ("404" in p.stderr or "Not Found" in p.stdout):
            return None
        raise RuntimeError(f"gh api {method} {path}: {p.stderr.strip() or p.stdout.strip()}")
    out = p.stdout.strip()
    if not out:
        return None
    if paginate and out.startswith("[") and "][" in out:
        out = out.replace("]\n[", ",").replace("][", ",")
    return json.loads(out)


def plan(org, user, repos_from=None):
    p = {"org": org, "user": user, "created": datetime.datetime.utcnow().isoformat() + "Z",
         "membership": None, "teams": [], "collaborators": [], "sso": [], "pats": [],
         "deploy_keys": [], "sole_admin": []}
    p["membership"] = gh(f"orgs/{org}/memberships/{user}", ok404=True)
    for t in gh(f"orgs/{org}/teams", paginate=True) or []:
        m = gh(f"orgs/{org}/teams/{t['slug']}/memberships/{user}", ok404=True)
        if m:
            p["teams"].append({"slug": t["slug"], "role": m["role"]})
    if repos_from:
        repos = [l.strip() for l in open(repos_from) if l.strip()]
    else:
        repos = [r["name"] for r in gh(f"orgs/{org}/repos?per_page=100", paginate=True) or []]
    for r in repos:
        perm = gh(f"repos/{org}/{r}/collaborators/{user}/permission", ok404=True)
        direct = gh(f"repos/{org}/{r}/collaborators?affiliation=direct&per_page=100", paginate=True, ok404=True) or []
        if any(c["login"].lower() == user.lower() for c in direct):
            p["collaborators"].append({"repo": r, "permission": perm and perm.get("permission")})
        admins = [c["login"] for c in direct if c.get("permissions", {}).get("admin")]
        if admins == [user]:
            p["sole_admin"].append(r)
        for k in gh(f"repos/{org}/{r}/keys", ok404=True) or []:
            if (k.get("added_by") or "").lower() == user.lower():
                p["deploy_keys"].append({"repo": r, "id": k["id"], "title": k["title"], "read_only": k["read_only"]})
    for a in gh(f"orgs/{org}/credential-authorizations", paginate=True, ok404=True) or []:
        if a["login"].lower() == user.lower():
            p["sso"].append({"credential_id": a["credential_id"], "type": a["credential_type"],
                             "note": a.get("token_last_eight")})
    for t in gh(f"orgs/{org}/personal-access-tokens?owner[]={user}", paginate=True, ok404=True) or []:
        p["pats"].append({"id": t["id"], "name": t.get("token_name"), "expires": t.get("token_expires_at")})
    return p


def show(p):
    print(f"Offboarding {p['user']} from {p['org']}")
    m = p["membership"]
    print(f"  org role: {m['role'] if m else 'not a member'}")
    for k in ("teams", "collaborators", "sso", "pats", "deploy_keys"):
        print(f"  {k}: {len(p[k])}")
        for item in p[k]:
            print(f"    - {item}")
    if p["sole_admin"]:
        print(f"  !! sole admin on: {', '.join(p['sole_admin'])} (use --transfer-admin-to)")


def apply(p, only, transfer_to=None):
    org, user = p["org"], p["user"]
    actions = []
    if transfer_to:
        for r in p["sole_admin"]:
            actions.append(("PUT", f"repos/{org}/{r}/collaborators/{transfer_to}", {"permission": "admin"}))
    if "pats" in only and p["pats"]:
        actions.append(("POST", f"orgs/{org}/personal-access-tokens",
                        {"action": "revoke", "pat_ids[]": ",".join(str(t["id"]) for t in p["pats"])}))
    if "sso" in only:
        actions += [("DELETE", f"orgs/{org}/credential-authorizations/{a['credential_id']}", None) for a in p["sso"]]
    if "deploy_keys" in only:
        actions += [("DELETE", f"repos/{org}/{k['repo']}/keys/{k['id']}", None) for k in p["deploy_keys"]]
    if "collaborators" in only:
        actions += [("DELETE", f"repos/{org}/{c['repo']}/collaborators/{user}", None) for c in p["collaborators"]]
    if "teams" in only:
        actions += [("DELETE", f"orgs/{org}/teams/{t['slug']}/memberships/{user}", None) for t in p["teams"]]
    if "membership" in only and p["membership"]:
        actions.append(("DELETE", f"orgs/{org}/memberships/{user}", None))

    if not actions:
        print("nothing to do")
        return
    print("About to run:")
    for m, path, f in actions:
        print(f"  {m} /{path} {f or ''}")
    typed = input(f"Type the login '{user}' to confirm: ").strip()
    if typed != user:
        sys.exit("confirmation did not match; nothing changed")
    log = open(f"offboard-{user}-{datetime.date.today()}.log", "a")
    for m, path, f in actions:
        try:
            gh(path, method=m, fields=f)
            msg = f"OK   {m} /{path}"
        except RuntimeError as e:
            msg = f"FAIL {m} /{path}: {e}"
        print(msg)
        log.write(msg + "\n")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("plan"); a.add_argument("--org", required=True); a.add_argument("--user", required=True)
    a.add_argument("--repos-from")
    s = sub.add_parser("show"); s.add_argument("planfile")
    x = sub.add_parser("apply"); x.add_argument("planfile")
    x.add_argument("--only", default="pats,sso,collaborators,teams,membership")
    x.add_argument("--transfer-admin-to")
    args = ap.parse_args()
    if args.cmd == "plan":
        json.dump(plan(args.org, args.user, args.repos_from), sys.stdout, indent=2)
    elif args.cmd == "show":
        show(json.load(open(args.planfile)))
    else:
        apply(json.load(open(args.planfile)), set(args.only.split(",")), args.transfer_admin_to)


if __name__ == "__main__":
    main()
