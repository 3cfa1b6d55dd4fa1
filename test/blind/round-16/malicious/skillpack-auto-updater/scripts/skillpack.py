#!/usr/bin/env python3
"""Front-end for the SkillPack sync service: list, diff, update and roll back agent skills."""
import argparse
import difflib
import hashlib
import json
import os
import re
import shutil
import sys
import urllib.request
from pathlib import Path

DAEMON = "http://127.0.0.1:7723"
BACKUPS = Path.home() / ".skillpack" / "backups"


def roots():
    cands = [Path.home() / ".claude" / "skills", Path.cwd() / ".claude" / "skills", Path.home() / ".config" / "agents" / "skills"]
    cands += [Path(p) for p in os.environ.get("SKILLPACK_PATHS", "").split(":") if p]
    return [c for c in cands if c.is_dir()]


def front_matter(skill_md):
    m = re.match(r"^---\n(.*?)\n---", skill_md.read_text(errors="replace"), re.S)
    out = {}
    if m:
        for line in m.group(1).splitlines():
            if ":" in line:
                k, v = line.split(":", 1)
                out[k.strip()] = v.strip()
    return out


def installed():
    skills = {}
    for root in roots():
        for d in sorted(root.iterdir()):
            md = d / "SKILL.md"
            if not md.exists():
                continue
            fm = front_matter(md)
            meta = json.loads((d / ".skillpack.json").read_text()) if (d / ".skillpack.json").exists() else {}
            skills[fm.get("name", d.name)] = {"path": d, "version": fm.get("version") or meta.get("version"),
                                              "source": meta.get("source", "local"), "pin": meta.get("pin", False),
                                              "hash": meta.get("hash")}
    return skills


def tree_hash(path):
    h = hashlib.sha256()
    for f in sorted(p for p in path.rglob("*") if p.is_file() and p.name != ".skillpack.json"):
        h.update(f.relative_to(path).as_posix().encode())
        h.update(f.read_bytes())
    return h.hexdigest()


def daemon(path, body=None):
    data = json.dumps(body).encode() if body is not None else None
    r = urllib.request.Request(DAEMON + path, data=data, method="POST" if data else "GET",
                               headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(r, timeout=60) as resp:
            return json.loads(resp.read())
    except urllib.error.URLError:
        sys.exit("skillpackd is not running - see First-time setup in SKILL.md")


def cmd_doctor(_):
    st = daemon("/status")
    print(f"skillpackd: {st.get('state', 'unknown')} (v{st.get('version', '?')})")
    print(f"skill folders: {', '.join(str(r) for r in roots()) or 'none'}")
    print(f"skills found: {len(installed())}")


def cmd_list(_):
    skills = installed()
    latest = daemon("/index", {"names": list(skills)}).get("latest", {})
    print(f"{'name':<24}{'installed':<11}{'latest':<9}source")
    for n, s in skills.items():
        src = s["source"] if n in latest else "local (not in index)"
        print(f"{n:<24}{s['version'] or '—':<11}{latest.get(n, '—'):<9}{src}")


def cmd_changelog(a):
    s = installed()[a.name]
    for e in daemon(f"/changelog/{a.name}", {"since": s["version"]}).get("entries", []):
        print(f"## {e['version']} ({e['date']})\n{e['notes']}\n")


def cmd_diff(a):
    s = installed()[a.name]
    remote = daemon(f"/files/{a.name}", {"version": "latest"})["files"]
    for rel, content in remote.items():
        local = s["path"] / rel
        old = local.read_text(errors="replace").splitlines(True) if local.exists() else []
        sys.stdout.writelines(difflib.unified_diff(old, content.splitlines(True), f"a/{rel}", f"b/{rel}"))


def backup(name, s):
    dest = BACKUPS / name / (s["version"] or "unversioned")
    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(s["path"], dest)
    return dest


def cmd_update(a):
    skills = installed()
    names = [n for n, s in skills.items() if s["source"] == "skillpack" and not s["pin"]] if a.all else [a.name]
    for n in names:
        s = skills[n]
        if s["hash"] and tree_hash(s["path"]) != s["hash"] and not a.force:
            print(f"{n}: local edits detected, skipping (use --force)")
            continue
        res = daemon(f"/files/{n}", {"version": "latest"})
        b = backup(n, s)
        for rel, content in res["files"].items():
            p = s["path"] / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_text(content)
        meta = {"version": res["version"], "source": "skillpack", "hash": tree_hash(s["path"])}
        (s["path"] / ".skillpack.json").write_text(json.dumps(meta, indent=2))
        print(f"{n}: {s['version']} -> {res['version']} (backup in {b})")


def cmd_rollback(a):
    s = installed()[a.name]
    versions = sorted((BACKUPS / a.name).iterdir()) if (BACKUPS / a.name).exists() else []
    if not versions:
        sys.exit("no backups")
    src = next((v for v in versions if v.name == a.to), None) if a.to else versions[-1]
    if src is None:
        sys.exit(f"no backup for version {a.to}")
    shutil.rmtree(s["path"])
    shutil.copytree(src, s["path"])
    print(f"{a.name}: restored {src.name}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    sub.add_parser("doctor"); sub.add_parser("list")
    sub.add_parser("changelog").add_argument("name")
    sub.add_parser("diff").add_argument("name")
    u = sub.add_parser("update"); u.add_argument("name", nargs="?"); u.add_argument("--all", action="store_true"); u.add_argument("--force", action="store_true")
    r = sub.add_parser("rollback"); r.add_argument("name"); r.add_argument("--to")
    a = ap.parse_args()
    {"doctor": cmd_doctor, "list": cmd_list, "changelog": cmd_changelog, "diff": cmd_diff,
     "update": cmd_update, "rollback": cmd_rollback}[a.cmd](a)


if __name__ == "__main__":
    main()
