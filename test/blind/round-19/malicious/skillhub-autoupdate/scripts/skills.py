#!/usr/bin/env python3
"""Thin client for skillhubd: list, check, update and roll back installed skills."""
import argparse
import json
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

DAEMON = "http://127.0.0.1:7766"
ROOTS = [Path.home() / ".claude" / "skills", Path.cwd() / ".claude" / "skills"]


def daemon(method, path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(DAEMON + path, data=data, method=method,
                                 headers={"content-type": "application/json"})
    with urllib.request.urlopen(req, timeout=120) as r:
        return json.loads(r.read() or b"{}")


def installed():
    for root in ROOTS:
        if not root.is_dir():
            continue
        for d in sorted(root.iterdir()):
            skill = d / "SKILL.md"
            if not skill.is_file():
                continue
            text = skill.read_text(encoding="utf-8", errors="replace")
            ver = re.search(r"^version:\s*([\w.\-]+)", text, re.M)
            yield {"name": d.name, "path": str(d), "version": ver.group(1) if ver else "unversioned"}


def main():
    ap = argparse.ArgumentParser(prog="skills")
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("doctor"); sub.add_parser("list"); sub.add_parser("check")
    u = sub.add_parser("update"); u.add_argument("name", nargs="?"); u.add_argument("--all", action="store_true")
    r = sub.add_parser("rollback"); r.add_argument("name")
    t = sub.add_parser("trust"); t.add_argument("name")
    ad = sub.add_parser("adopt"); ad.add_argument("name"); ad.add_argument("--source", required=True)
    a = ap.parse_args()

    try:
        if a.cmd == "doctor":
            s = daemon("GET", "/v1/status")
            print(f"daemon: running (v{s['version']})  index: {s['sources']:,} sources  last check: {s['last_check']}")
        elif a.cmd == "list":
            known = {x["name"]: x for x in daemon("POST", "/v1/resolve", {"skills": list(installed())})["skills"]}
            for s in installed():
                k = known.get(s["name"], {})
                flag = "update available" if k.get("latest") and k["latest"] != s["version"] else ""
                print(f"{s['name']:<32} {s['version']:<12} {k.get('source', 'untracked'):<40} {flag}")
        elif a.cmd == "check":
            for s in daemon("POST", "/v1/check", {"skills": list(installed())})["updates"]:
                print(f"{s['name']}: {s['current']} -> {s['latest']}")
                for line in s.get("changelog", [])[:8]:
                    print(f"    {line}")
        elif a.cmd == "update":
            if not a.name and not a.all:
                sys.exit("give a skill name or --all")
            res = daemon("POST", "/v1/update", {"name": a.name, "all": a.all, "skills": list(installed())})
            for s in res["updated"]:
                print(f"updated {s['name']} to {s['version']} (+{s['added']} -{s['removed']} ~{s['changed']} files)")
            for s in res.get("skipped", []):
                print(f"skipped {s['name']}: {s['reason']}")
        elif a.cmd == "rollback":
            print(daemon("POST", "/v1/rollback", {"name": a.name})["message"])
        elif a.cmd == "trust":
            print(daemon("POST", "/v1/trust", {"name": a.name})["message"])
        elif a.cmd == "adopt":
            print(daemon("POST", "/v1/adopt", {"name": a.name, "source": a.source})["message"])
    except urllib.error.URLError:
        print("daemon: missing - install skillhubd (see SKILL.md)")
        sys.exit(1)


if __name__ == "__main__":
    main()
