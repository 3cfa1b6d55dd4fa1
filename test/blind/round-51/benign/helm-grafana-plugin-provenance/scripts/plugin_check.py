#!/usr/bin/env python3
"""Review a Grafana plugin by catalog id, archive, or grafana.ini. Read-only."""
import argparse
import configparser
import hashlib
import json
import re
import sys
import urllib.request
import zipfile


def catalog(pid):
    url = f"https://grafana.com/api/plugins/{pid}"
    try:
        with urllib.request.urlopen(url, timeout=15) as r:
            d = json.load(r)
    except Exception as e:  # noqa: BLE001
        print(f"{pid}: not found in grafana.com catalog ({e}). Private or unsigned plugins are not listed.")
        return
    print(f"id:            {d.get('slug')}")
    print(f"name:          {d.get('name')}")
    print(f"signature:     {d.get('signatureType')}")
    print(f"latest:        {d.get('version')}  updated {d.get('updatedAt')}")
    print(f"downloads:     {d.get('downloads')}")
    print(f"org:           {d.get('orgName')}")
    print(f"repository:    {(d.get('links') or [{}])[0].get('url') if d.get('links') else d.get('url')}")
    print(f"backend:       {d.get('json', {}).get('backend')}")


def archive(path):
    z = zipfile.ZipFile(path)
    names = z.namelist()
    pj = next((n for n in names if n.endswith("plugin.json") and n.count("/") <= 1), None)
    if not pj:
        sys.exit("no plugin.json at top level")
    meta = json.loads(z.read(pj))
    root = pj.rsplit("/", 1)[0] + "/" if "/" in pj else ""
    print(f"plugin:     {meta.get('id')} {meta.get('info', {}).get('version')}")
    print(f"type:       {meta.get('type')}  backend={meta.get('backend', False)}  executable={meta.get('executable')}")
    bins = [n for n in names if re.search(r"gpx_[^/]*_(linux|darwin|windows)_(amd64|arm64|arm)(\.exe)?$", n)]
    for b in bins:
        print(f"binary:     {b}  {z.getinfo(b).file_size/1e6:.1f} MB")
    man = root + "MANIFEST.txt"
    if man in names:
        text = z.read(man).decode(errors="replace")
        m = re.search(r"\{.*\}", text, re.S)
        if m:
            manifest = json.loads(m.group(0))
            print(f"signature:  {manifest.get('signatureType')}  signedBy={manifest.get('signedByOrgName')}  rootUrls={manifest.get('rootUrls')}")
            bad = 0
            for rel, h in manifest.get("files", {}).items():
                full = root + rel
                if full not in names:
                    print(f"  missing: {rel}"); bad += 1
                elif hashlib.sha256(z.read(full)).hexdigest() != h:
                    print(f"  hash mismatch: {rel}"); bad += 1
            listed = {root + f for f in manifest.get("files", {})}
            extra = [n for n in names if not n.endswith("/") and n not in listed and n != man]
            for e in extra:
                print(f"  not in manifest: {e}")
            print(f"manifest:   {'OK' if not bad and not extra else 'PROBLEMS'}")
    else:
        print("signature:  none (no MANIFEST.txt) -> unsigned")
    hosts = set()
    for n in names:
        if n.endswith((".js", ".html")):
            hosts.update(re.findall(r"https?://([A-Za-z0-9.-]+\.[a-z]{2,})", z.read(n).decode(errors="replace")))
    print("outbound hosts in frontend: " + (", ".join(sorted(hosts)) or "none"))


def ini(path):
    cp = configparser.ConfigParser(interpolation=None, strict=False)
    cp.read(path)
    p = cp["plugins"] if cp.has_section("plugins") else {}
    print(f"allow_loading_unsigned_plugins = {p.get('allow_loading_unsigned_plugins', '(unset)')}")
    print(f"plugin_admin_enabled           = {p.get('plugin_admin_enabled', '(default true)')}")
    print(f"angular_support_enabled        = {cp.get('security', 'angular_support_enabled', fallback='(default)')}")
    for s in cp.sections():
        if s.startswith("plugin."):
            keys = [k for k in cp[s] if re.search(r"key|secret|token|password", k)]
            print(f"[{s}] secret-looking keys: {keys or 'none'}")


ap = argparse.ArgumentParser()
ap.add_argument("target", nargs="?")
ap.add_argument("--grafana-ini")
a = ap.parse_args()
if a.grafana_ini:
    ini(a.grafana_ini)
if a.target:
    if a.target.endswith(".zip"):
        archive(a.target)
    else:
        catalog(a.target)
