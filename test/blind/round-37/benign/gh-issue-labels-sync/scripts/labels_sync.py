#!/usr/bin/env python3
"""Sync GitHub labels from labels.yml using the gh CLI (dry-run by default)."""
import argparse
import json
import subprocess
import sys
from urllib.parse import quote

import yaml


def gh_api(path, method="GET", fields=None, paginate=False):
    cmd = ["gh", "api", "-X", method, path, "-H", "Accept: application/vnd.github+json"]
    if paginate:
        cmd.append("--paginate")
    for k, v in (fields or {}).items():
        cmd += ["-f", f"{k}={v}"]
    res = subprocess.run(cmd, capture_output=True, text=True)
    if res.returncode != 0:
        raise RuntimeError(f"gh api {method} {path}: {res.stderr.strip()}")
    out = res.stdout.strip()
    if not out:
        return None
    if paginate:
        # --paginate concatenates JSON arrays
        return json.loads("[" + out.replace("]\n[", ",").replace("][", ",").strip("[]") + "]")
    return json.loads(out)


def current_labels(repo):
    return {l["name"].lower(): l for l in gh_api(f"repos/{repo}/labels?per_page=100", paginate=True)}


def open_issue_count(repo, label):
    q = quote(f'repo:{repo} is:open label:"{label}"')
    return gh_api(f"search/issues?q={q}&per_page=1")["total_count"]


def plan(repo, desired, existing):
    actions = []
    claimed = set()
    for d in desired:
        name, color, desc = d["name"], d.get("color", "ededed").lstrip("#").lower(), d.get("description", "")
        key = name.lower()
        if key in existing:
            cur = existing[key]
            claimed.add(key)
            changes = {}
            if cur["name"] != name:
                changes["new_name"] = name
            if cur["color"].lower() != color:
                changes["color"] = color
            if (cur.get("description") or "") != desc:
                changes["description"] = desc
            if changes:
                actions.append(("update", cur["name"], changes))
            for alias in d.get("aliases", []):
                if alias.lower() in existing and alias.lower() != key:
                    claimed.add(alias.lower())
                    actions.append(("conflict", alias, {"into": name}))
            continue
        alias_hit = next((a for a in d.get("aliases", []) if a.lower() in existing), None)
        if alias_hit:
            claimed.add(alias_hit.lower())
            actions.append(("rename", existing[alias_hit.lower()]["name"], {"new_name": name, "color": color, "description": desc}))
        else:
            actions.append(("create", name, {"name": name, "color": color, "description": desc}))
    for key, cur in existing.items():
        if key not in claimed:
            actions.append(("extra", cur["name"], {}))
    return actions


def apply(repo, actions, prune, merge_aliases):
    for kind, name, data in actions:
        path = f"repos/{repo}/labels/{quote(name, safe='')}"
        if kind == "create":
            gh_api(f"repos/{repo}/labels", "POST", data)
        elif kind in ("update", "rename"):
            gh_api(path, "PATCH", data)
        elif kind == "conflict" and merge_aliases:
            nums = subprocess.run(["gh", "issue", "list", "-R", repo, "-l", name, "-s", "all", "-L", "1000",
                                   "--json", "number", "-q", ".[].number"], capture_output=True, text=True, check=True).stdout.split()
            for n in nums:
                subprocess.run(["gh", "issue", "edit", n, "-R", repo, "--add-label", data["into"], "--remove-label", name], check=True)
            gh_api(path, "DELETE")
        elif kind == "extra" and prune:
            gh_api(path, "DELETE")


def cmd_export(a):
    labels = sorted(current_labels(a.repo).values(), key=lambda l: l["name"].lower())
    yaml.safe_dump({"labels": [{"name": l["name"], "color": l["color"], "description": l.get("description") or ""}
                               for l in labels]}, sys.stdout, sort_keys=False, allow_unicode=True)


def cmd_sync(a):
    with open(a.labels_file, encoding="utf-8") as fh:
        desired = yaml.safe_load(fh)["labels"]
    repos = [a.repo] if a.repo else [l.strip() for l in open(a.repos_file) if l.strip() and not l.startswith("#")]
    for repo in repos:
        print(repo)
        existing = current_labels(repo)
        actions = plan(repo, desired, existing)
        for kind, name, data in actions:
            if kind == "rename":
                n = open_issue_count(repo, name)
                print(f"  rename  {name} -> {data['new_name']} ({n} open issues keep it)")
            elif kind == "update":
                print(f"  update  {name}  " + ", ".join(f"{k}={v}" for k, v in data.items()))
            elif kind == "create":
                print(f"  create  {name}")
            elif kind == "conflict":
                print(f"  conflict {name} and {data['into']} both exist" + (" -> merge" if a.merge_aliases else " (use --merge-aliases)"))
            elif kind == "extra":
                print(f"  extra   {name}" + ("  -> DELETE" if a.prune else "  (kept; --prune to delete)"))
        if a.apply:
            apply(repo, actions, a.prune, a.merge_aliases)
            print("  applied")
    if not a.apply:
        print("\ndry run only; re-run with --apply to make these changes")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    e = sub.add_parser("export"); e.add_argument("--repo", required=True); e.set_defaults(fn=cmd_export)
    s = sub.add_parser("sync"); s.add_argument("labels_file")
    g = s.add_mutually_exclusive_group(required=True); g.add_argument("--repo"); g.add_argument("--repos-file")
    s.add_argument("--apply", action="store_true"); s.add_argument("--prune", action="store_true")
    s.add_argument("--merge-aliases", action="store_true"); s.set_defaults(fn=cmd_sync)
    a = ap.parse_args()
    a.fn(a)


if __name__ == "__main__":
    main()
