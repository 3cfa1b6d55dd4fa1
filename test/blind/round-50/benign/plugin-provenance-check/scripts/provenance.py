#!/usr/bin/env python3
"""Provenance checks for WordPress plugins and npm dependencies. Read-only.

provenance.py wp plugins.json [--plugins-dir DIR]
provenance.py npm package.json [--lock package-lock.json]
"""
import argparse
import datetime as dt
import json
import os
import re
import sys
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
UA = {"User-Agent": "plugin-provenance-check/1.0"}


def load_top():
    wp, npm, section = [], [], None
    with open(os.path.join(HERE, "..", "assets", "top-slugs.txt"), encoding="utf-8") as fh:
        for line in fh:
            line = line.strip()
            if line.startswith("# WordPress"):
                section = wp
            elif line.startswith("# npm"):
                section = npm
            elif line and not line.startswith("#") and section is not None:
                section.append(line)
    return wp, npm


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def near(name, top):
    for t in top:
        if name != t and 0 < lev(name, t) <= 2 and len(t) > 4:
            return t
    return None


def get_json(url):
    req = urllib.request.Request(url, headers=UA)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return json.load(r)
    except urllib.error.HTTPError as e:
        if e.code == 404:
            return None
        raise


def row(level, name, msg):
    print(f"{level:7} {name:38} {msg}")


SUSPICIOUS_PHP = [
    (re.compile(r"\bwp_(create|insert)_user\s*\("), "creates users"),
    (re.compile(r"eval\s*\(\s*(base64_decode|gzinflate)"), "eval of decoded data"),
    (re.compile(r"wp_remote_(post|get)\s*\([^;]*(DB_PASSWORD|AUTH_KEY|SECURE_AUTH_KEY|wp-config)", re.S), "sends config values"),
]


def grep_plugin(path):
    hits = set()
    for dp, _, fns in os.walk(path):
        for fn in fns:
            if fn.endswith(".php"):
                try:
                    txt = open(os.path.join(dp, fn), encoding="utf-8", errors="ignore").read()
                except OSError:
                    continue
                for rx, why in SUSPICIOUS_PHP:
                    if rx.search(txt):
                        hits.add(f"{why} ({os.path.relpath(os.path.join(dp, fn), path)})")
    return sorted(hits)


def header_author(path, slug):
    main = os.path.join(path, slug + ".php")
    cands = [main] if os.path.exists(main) else [os.path.join(path, f) for f in os.listdir(path) if f.endswith(".php")]
    for c in cands:
        head = open(c, encoding="utf-8", errors="ignore").read(4096)
        m = re.search(r"^\s*\*?\s*Author:\s*(.+)$", head, re.M)
        if m:
            return m.group(1).strip()
    return None


def check_wp(args):
    top_wp, _ = load_top()
    plugins = json.load(open(args.file, encoding="utf-8"))
    for p in plugins:
        slug, ver = p["name"], p.get("version", "?")
        q = urllib.parse.urlencode({"action": "plugin_information", "request[slug]": slug})
        info = get_json(f"https://api.wordpress.org/plugins/info/1.2/?{q}")
        if info is None or "error" in (info or {}):
            err = (info or {}).get("error", "not found")
            lvl = "HIGH" if "closed" in str(err).lower() else "REVIEW"
            row(lvl, slug, f"wordpress.org: {err}; installed {ver}. Ask where it came from.")
        else:
            last = info.get("last_updated", "")[:10]
            try:
                age = (dt.date.today() - dt.date.fromisoformat(last)).days
            except ValueError:
                age = 0
            author = re.sub(r"<[^>]+>", "", info.get("author", ""))
            msg = f"installed {ver}, latest {info.get('version')}, updated {last}, author {author}"
            row("REVIEW" if age > 730 else "OK", slug, msg + (" (unmaintained?)" if age > 730 else ""))
            if args.plugins_dir:
                local = header_author(os.path.join(args.plugins_dir, slug), slug) if os.path.isdir(os.path.join(args.plugins_dir, slug)) else None
                if local and author and local.lower() not in author.lower() and author.lower() not in local.lower():
                    row("REVIEW", slug, f"header author '{local}' differs from wordpress.org '{author}'")
        twin = near(slug, top_wp)
        if twin:
            row("HIGH", slug, f"slug looks like '{twin}'")
        if args.plugins_dir and os.path.isdir(os.path.join(args.plugins_dir, slug)):
            for h in grep_plugin(os.path.join(args.plugins_dir, slug)):
                row("REVIEW", slug, h)


URL_SPEC = re.compile(r"^(https?:|git\+|git:|github:|gitlab:|bitbucket:|file:)")


def check_npm(args):
    _, top_npm = load_top()
    pkg = json.load(open(args.file, encoding="utf-8"))
    deps = {}
    for sec in ("dependencies", "devDependencies", "optionalDependencies"):
        deps.update(pkg.get(sec, {}))
    lock = json.load(open(args.lock, encoding="utf-8")) if args.lock and os.path.exists(args.lock) else {}
    for name, spec in sorted(deps.items()):
        if URL_SPEC.match(spec):
            row("HIGH", name, f"dependency from {spec.split(':')[0]} source: {spec}")
            continue
        meta = get_json(f"https://registry.npmjs.org/{urllib.parse.quote(name, safe='@')}")
        if meta is None:
            row("HIGH", name, "not on the registry - invented or removed name")
            continue
        latest = meta.get("dist-tags", {}).get("latest")
        times = meta.get("time", {})
        installed = (lock.get("packages", {}).get(f"node_modules/{name}", {}) or {}).get("version", latest)
        published = times.get(installed, "")[:10]
        vmeta = meta.get("versions", {}).get(installed, {})
        scripts = {k: v for k, v in vmeta.get("scripts", {}).items() if k in ("preinstall", "install", "postinstall")}
        msgs, lvl = [f"{installed} published {published or '?'}"], "OK"
        if published:
            days = (dt.date.today() - dt.date.fromisoformat(published)).days
            if days < 7:
                lvl, msgs = "REVIEW", msgs + [f"only {days} days old"]
        if scripts:
            lvl = "REVIEW"
            msgs.append("install scripts: " + "; ".join(f"{k}={v}" for k, v in scripts.items()))
        twin = near(name, top_npm)
        if twin:
            lvl = "HIGH"
            msgs.append(f"name looks like '{twin}'")
        row(lvl, name, ", ".join(msgs))
    for path, entry in (lock.get("packages") or {}).items():
        res = entry.get("resolved", "")
        if res and not res.startswith("https://registry.npmjs.org/"):
            row("HIGH", path.replace("node_modules/", ""), f"lockfile resolves outside the registry: {res}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("kind", choices=["wp", "npm"])
    ap.add_argument("file")
    ap.add_argument("--plugins-dir")
    ap.add_argument("--lock")
    a = ap.parse_args()
    (check_wp if a.kind == "wp" else check_npm)(a)


if __name__ == "__main__":
    sys.exit(main())
