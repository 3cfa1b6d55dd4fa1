#!/usr/bin/env python3
"""Create Gitea/Forgejo pull mirrors of a GitHub user's or org's repositories. Plan by default."""
import argparse
import fnmatch
import json
import os
import sys
import time
import urllib.error
import urllib.request

GH = "https://api.github.com"


def http(method, url, token, scheme, body=None, timeout=60):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, method=method)
    req.add_header("Authorization", f"{scheme} {token}")
    req.add_header("Accept", "application/json")
    if data:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=timeout) as r:
            raw = r.read()
            return r.status, (json.loads(raw) if raw else None), r.headers
    except urllib.error.HTTPError as exc:
        raw = exc.read()
        try:
            payload = json.loads(raw)
        except ValueError:
            payload = raw.decode("utf-8", "replace")
        return exc.code, payload, exc.headers


def gh_repos(owner, token):
    status, info, _ = http("GET", f"{GH}/users/{owner}", token, "Bearer")
    if status != 200:
        sys.exit(f"GitHub: cannot read owner {owner}: {status} {info}")
    kind = info["type"]
    status, me, _ = http("GET", f"{GH}/user", token, "Bearer")
    me_login = me["login"] if status == 200 else None
    if kind == "Organization":
        url = f"{GH}/orgs/{owner}/repos?per_page=100&type=all"
    elif me_login and me_login.lower() == owner.lower():
        url = f"{GH}/user/repos?per_page=100&affiliation=owner"
    else:
        url = f"{GH}/users/{owner}/repos?per_page=100&type=owner"
    repos = []
    while url:
        status, page, headers = http("GET", url, token, "Bearer")
        if status != 200:
            sys.exit(f"GitHub: listing failed: {status} {page}")
        repos += page
        url = None
        for part in (headers.get("Link") or "").split(","):
            if 'rel="next"' in part:
                url = part[part.find("<") + 1: part.find(">")]
    return kind, repos


def gitea_existing(base, owner, token):
    names, page = {}, 1
    while True:
        status, items, _ = http("GET", f"{base}/api/v1/repos/search?owner={owner}&limit=50&page={page}", token, "token")
        if status != 200:
            # fallback for user owners on older Gitea
            status, items, _ = http("GET", f"{base}/api/v1/users/{owner}/repos?limit=50&page={page}", token, "token")
            if status != 200:
                sys.exit(f"Gitea: cannot list {owner}: {status} {items}")
        else:
            items = items.get("data", [])
        if not items:
            return names
        for it in items:
            names[it["name"].lower()] = it
        page += 1


def select(repos, args, existing):
    chosen, skipped = [], []
    for r in repos:
        name = r["name"]
        if args.include and not any(fnmatch.fnmatch(name, p) for p in args.include):
            continue
        if any(fnmatch.fnmatch(name, p) for p in args.exclude):
            skipped.append((name, "excluded by pattern"))
        elif r.get("fork") and args.no_forks:
            skipped.append((name, "fork"))
        elif r.get("archived") and not args.archived:
            skipped.append((name, "archived (use --archived to include)"))
        elif args.private_only and not r.get("private"):
            skipped.append((name, "public (--private-only)"))
        elif name.lower() in existing:
            e = existing[name.lower()]
            skipped.append((name, f"already {'mirrored' if e.get('mirror') else 'present'} at {args.gitea_owner}/{name}"))
        else:
            chosen.append(r)
    return chosen, skipped


def migrate(args, repo, gh_token, gitea_token):
    body = {
        "clone_addr": repo["clone_url"],
        "repo_name": repo["name"],
        "repo_owner": args.gitea_owner,
        "service": "github",
        "auth_token": gh_token,
        "mirror": not args.migrate,
        "mirror_interval": args.interval,
        "private": bool(repo.get("private")) or args.private,
        "description": (repo.get("description") or "")[:255],
        "issues": args.with_issues,
        "pull_requests": args.with_issues,
        "labels": args.with_labels or args.with_issues,
        "milestones": args.with_milestones or args.with_issues,
        "releases": args.with_releases,
        "wiki": args.with_wiki and repo.get("has_wiki", False),
        "lfs": args.with_lfs,
    }
    return http("POST", f"{args.gitea.rstrip('/')}/api/v1/repos/migrate", gitea_token, "token", body, timeout=3600)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--gh-owner", required=True)
    ap.add_argument("--gitea", required=True, help="https://git.example.org")
    ap.add_argument("--gitea-owner", required=True)
    ap.add_argument("--include", action="append", default=[])
    ap.add_argument("--exclude", action="append", default=[])
    ap.add_argument("--no-forks", action="store_true")
    ap.add_argument("--archived", action="store_true")
    ap.add_argument("--private-only", action="store_true")
    ap.add_argument("--private", action="store_true", help="make every mirror private")
    ap.add_argument("--interval", default="8h")
    ap.add_argument("--with-issues", action="store_true")
    ap.add_argument("--with-labels", action="store_true")
    ap.add_argument("--with-milestones", action="store_true")
    ap.add_argument("--with-releases", action="store_true")
    ap.add_argument("--with-wiki", action="store_true")
    ap.add_argument("--with-lfs", action="store_true")
    ap.add_argument("--migrate", action="store_true", help="one-off migration instead of a pull mirror")
    ap.add_argument("--sync-now", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--apply", action="store_true")
    args = ap.parse_args()

    gh_token = os.environ.get("GITHUB_TOKEN")
    gitea_token = os.environ.get("GITEA_TOKEN")
    if not gh_token or not gitea_token:
        sys.exit("set GITHUB_TOKEN and GITEA_TOKEN in the environment")
    if not args.gitea.startswith("https://") and not args.gitea.startswith("http://localhost"):
        sys.exit("use an https:// Gitea URL: the GitHub token is sent to it")
    base = args.gitea.rstrip("/")

    existing = gitea_existing(base, args.gitea_owner, gitea_token)
    if args.sync_now:
        for name, info in sorted(existing.items()):
            if info.get("mirror"):
                st, _, _ = http("POST", f"{base}/api/v1/repos/{args.gitea_owner}/{info['name']}/mirror-sync", gitea_token, "token")
                print(f"  sync {info['name']}: {'queued' if st == 200 else st}")
        return 0

    kind, repos = gh_repos(args.gh_owner, gh_token)
    chosen, skipped = select(repos, args, existing)
    host = base.split("://", 1)[1]
    print(f"source: github.com/{args.gh_owner} ({'org' if kind == 'Organization' else 'user'})   "
          f"destination: {host}/{args.gitea_owner}")
    priv = sum(1 for r in chosen if r.get("private"))
    verb = "mirroring" if args.apply else "would mirror"
    print(f"{verb} {len(chosen)} repositories ({priv} private), skip {len(skipped)}:")
    for r in (chosen if args.verbose else chosen[:10]):
        print(f"  {r['name']:<28}{'private' if r.get('private') else 'public':<9}{r.get('size', 0) / 1024:>7.0f} MB")
    if not args.verbose and len(chosen) > 10:
        print(f"  ({len(chosen) - 10} more; --verbose to list)")
    if skipped:
        print("skipped:")
        for name, why in skipped:
            print(f"  {name:<28}{why}")
    print(f"total size: ~{sum(r.get('size', 0) for r in chosen) / 1024 / 1024:.1f} GB")
    if not args.apply:
        print("\nplan only; re-run with --apply to create the mirrors")
        return 0

    failed = []
    for i, r in enumerate(chosen, 1):
        t0 = time.time()
        print(f"[{i}/{len(chosen)}] {r['full_name']} ...", end=" ", flush=True)
        status, resp, _ = migrate(args, r, gh_token, gitea_token)
        if status in (200, 201):
            print(f"ok ({time.time() - t0:.0f}s)")
        else:
            msg = resp.get("message") if isinstance(resp, dict) else str(resp)[:200]
            print(f"failed: {status} {msg}")
            failed.append((r["name"], status, msg))
    if failed:
        print("\nfailures:")
        for name, st, msg in failed:
            print(f"  {name}: {st} {msg}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
