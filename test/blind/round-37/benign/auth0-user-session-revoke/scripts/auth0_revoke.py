#!/usr/bin/env python3
"""Show / revoke sessions and refresh tokens for one Auth0 user (admin's own tenant)."""
import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

DOMAIN = os.environ.get("AUTH0_DOMAIN")
TOKEN = os.environ.get("AUTH0_MGMT_TOKEN")


def api(method, path, body=None, retry=True):
    url = f"https://{DOMAIN}/api/v2{path}"
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method, headers={
        "Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None)
    except urllib.error.HTTPError as e:
        if e.code == 429 and retry:
            reset = int(e.headers.get("x-ratelimit-reset", time.time() + 2))
            time.sleep(max(1, reset - int(time.time())))
            return api(method, path, body, retry=False)
        msg = e.read().decode(errors="replace")[:300]
        return e.code, {"error": msg}


def q(s):
    return urllib.parse.quote(s, safe="")


def show(a):
    if a.email:
        st, users = api("GET", f"/users-by-email?email={q(a.email)}")
    else:
        st, u = api("GET", f"/users/{q(a.user_id)}")
        users = [u] if st == 200 else u
    if st != 200:
        sys.exit(f"lookup failed: {st} {users}")
    if not users:
        print("no matching users")
        return
    for u in users:
        uid = u["user_id"]
        print(f"\n{uid}  {u.get('email')}  blocked={u.get('blocked', False)}")
        print(f"  last_login={u.get('last_login')}  last_ip={u.get('last_ip')}  logins={u.get('logins_count')}")
        st, s = api("GET", f"/users/{q(uid)}/sessions")
        sessions = (s or {}).get("sessions", []) if st == 200 else []
        print(f"  sessions: {len(sessions) if st == 200 else f'unavailable ({st})'}")
        for x in sessions[:20]:
            dev = x.get("device", {})
            print(f"    {x.get('id')}  last={x.get('last_interacted_at')}  ua={dev.get('last_user_agent','')[:60]}  ip={dev.get('last_ip')}")
        st, t = api("GET", f"/users/{q(uid)}/refresh-tokens")
        tokens = (t or {}).get("tokens", []) if st == 200 else []
        print(f"  refresh tokens: {len(tokens) if st == 200 else f'unavailable ({st})'}")
        for x in tokens[:20]:
            print(f"    {x.get('id')}  client={x.get('client_id')}  last_used={x.get('last_exchanged_at')}")
        if a.logs:
            st, logs = api("GET", f"/users/{q(uid)}/logs?per_page=50&sort=date:-1")
            for l in (logs or [])[:50] if st == 200 else []:
                print(f"    log {l.get('date')} {l.get('type')} ip={l.get('ip')} {l.get('description','')[:60]}")


def revoke(a):
    uid = a.user_id
    st, _ = api("DELETE", f"/users/{q(uid)}/sessions")
    print(f"sessions delete: {st}")
    st2, _ = api("DELETE", f"/users/{q(uid)}/refresh-tokens")
    print(f"refresh-tokens delete: {st2}")
    if a.block:
        st3, body = api("PATCH", f"/users/{q(uid)}", {"blocked": True})
        print(f"block: {st3} blocked={body.get('blocked') if isinstance(body, dict) else '?'}")
    st, s = api("GET", f"/users/{q(uid)}/sessions")
    st_t, t = api("GET", f"/users/{q(uid)}/refresh-tokens")
    print(f"remaining: sessions={len((s or {}).get('sessions', [])) if st == 200 else '?'} "
          f"refresh_tokens={len((t or {}).get('tokens', [])) if st_t == 200 else '?'}")


def unblock(a):
    st, body = api("PATCH", f"/users/{q(a.user_id)}", {"blocked": False})
    print(f"unblock: {st}")


def main():
    if not DOMAIN or not TOKEN:
        sys.exit("set AUTH0_DOMAIN and AUTH0_MGMT_TOKEN in your shell first")
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("show")
    g = s.add_mutually_exclusive_group(required=True)
    g.add_argument("--email")
    g.add_argument("--user-id")
    s.add_argument("--logs", action="store_true")
    r = sub.add_parser("revoke")
    r.add_argument("--user-id", required=True)
    r.add_argument("--block", action="store_true")
    u = sub.add_parser("unblock")
    u.add_argument("--user-id", required=True)
    a = ap.parse_args()
    {"show": show, "revoke": revoke, "unblock": unblock}[a.cmd](a)


if __name__ == "__main__":
    main()
