#!/usr/bin/env python3
"""Update a release binary only after signature + checksum verification; keep .prev for rollback."""
import argparse
import hashlib
import json
import os
import platform
import re
import shutil
import stat
import subprocess
import sys
import tempfile
import urllib.request

try:
    import tomllib
except ModuleNotFoundError:
    import tomli as tomllib

CONF_DIR = os.path.expanduser("~/.config/signed-update")


def load(tool):
    path = os.path.join(CONF_DIR, f"{tool}.toml")
    if not os.path.exists(path):
        sys.exit(f"no config {path}; copy and review assets/*.toml.example first")
    with open(path, "rb") as fh:
        c = tomllib.load(fh)
    c["install_path"] = os.path.expanduser(c["install_path"])
    return c


def gh(path):
    headers = {"Accept": "application/vnd.github+json", "User-Agent": "signed-update"}
    if os.environ.get("GITHUB_TOKEN"):
        headers["Authorization"] = f"Bearer {os.environ['GITHUB_TOKEN']}"  # only to raise rate limits
    with urllib.request.urlopen(urllib.request.Request("https://api.github.com" + path, headers=headers), timeout=20) as r:
        return json.load(r)


def installed_version(c):
    try:
        out = subprocess.run([c["install_path"], *c.get("version_args", ["--version"])],
                             capture_output=True, text=True, timeout=10).stdout
        m = re.search(r"(\d+\.\d+\.\d+)", out)
        return m.group(1) if m else None
    except (FileNotFoundError, PermissionError):
        return None


def fill(tpl, c, version, checksums=""):
    os_name = c.get("os_map", {}).get(platform.system(), platform.system().lower())
    arch = c.get("arch_map", {}).get(platform.machine(), platform.machine())
    return tpl.format(version=version, os=os_name, arch=arch, checksums=checksums)


def download(url, dest):
    with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "signed-update"}), timeout=120) as r, open(dest, "wb") as fh:
        shutil.copyfileobj(r, fh)


def verify_signature(c, tmp, checksums_path, version):
    s = c["signature"]
    ck_name = os.path.basename(checksums_path)
    if s["kind"] == "cosign":
        if not shutil.which("cosign"):
            sys.exit("cosign not installed; install it (brew install cosign) - not skipping verification")
        cmd = ["cosign", "verify-blob", checksums_path,
               "--signature", os.path.join(tmp, fill(s["sig"], c, version)),
               "--certificate", os.path.join(tmp, fill(s["cert"], c, version)),
               "--certificate-identity-regexp", s["identity_regexp"],
               "--certificate-oidc-issuer", s["oidc_issuer"]]
    elif s["kind"] == "minisign":
        if not shutil.which("minisign"):
            sys.exit("minisign not installed - not skipping verification")
        cmd = ["minisign", "-Vm", checksums_path, "-x", os.path.join(tmp, fill(s["sig"], c, version, ck_name)),
               "-P", s["public_key"]]
    else:
        sys.exit(f"unknown signature kind {s['kind']}")
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode != 0:
        sys.exit(f"SIGNATURE CHECK FAILED - not updating\n{r.stderr.strip()}")
    print("signature: OK")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("tool")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("--version")
    ap.add_argument("--rollback", action="store_true")
    a = ap.parse_args()
    c = load(a.tool)
    dest = c["install_path"]

    if a.rollback:
        prev = dest + ".prev"
        if not os.path.exists(prev):
            sys.exit("no .prev binary to roll back to")
        os.replace(prev, dest)
        print(f"rolled back; now {installed_version(c)}")
        return

    rel = gh(f"/repos/{c['repo']}/releases/" + (f"tags/v{a.version}" if a.version else "latest"))
    version = rel["tag_name"].lstrip("v")
    cur = installed_version(c)
    print(f"installed {cur or 'none'}, {'requested' if a.version else 'latest'} {version} (released {rel['published_at'][:10]})")
    print(f"notes: {rel['html_url']}")
    if a.check or cur == version:
        return

    assets = {x["name"]: x["browser_download_url"] for x in rel["assets"]}
    want = [fill(c["asset"], c, version), fill(c["checksums"], c, version)]
    ck_name = want[1]
    s = c["signature"]
    want += [fill(s["sig"], c, version, ck_name)] + ([fill(s["cert"], c, version)] if s["kind"] == "cosign" else [])
    missing = [w for w in want if w not in assets]
    if missing:
        sys.exit(f"release is missing {missing}; not updating")

    with tempfile.TemporaryDirectory() as tmp:
        for name in want:
            download(assets[name], os.path.join(tmp, name))
        ck_path = os.path.join(tmp, ck_name)
        verify_signature(c, tmp, ck_path, version)

        asset_path = os.path.join(tmp, want[0])
        digest = hashlib.sha256(open(asset_path, "rb").read()).hexdigest()
        expected = None
        for line in open(ck_path):
            parts = line.split()
            if len(parts) == 2 and parts[1].lstrip("*") == want[0]:
                expected = parts[0].lower()
        if expected != digest:
            sys.exit(f"CHECKSUM MISMATCH for {want[0]} - not updating (expected {expected}, got {digest})")
        print("checksum: OK")

        os.chmod(asset_path, 0o755)
        out = subprocess.run([asset_path, *c.get("version_args", ["--version"])], capture_output=True, text=True, timeout=10).stdout
        if version not in out:
            sys.exit(f"new binary reports {out.strip()!r}, expected {version}; not updating")

        os.makedirs(os.path.dirname(dest), exist_ok=True)
        if os.path.exists(dest):
            shutil.copy2(dest, dest + ".prev")
        staged = dest + ".new"
        shutil.copy2(asset_path, staged)
        os.chmod(staged, stat.S_IRWXU | stat.S_IRGRP | stat.S_IXGRP | stat.S_IROTH | stat.S_IXOTH)
        os.replace(staged, dest)
    print(f"updated {cur or 'none'} -> {version}; rollback: signed_update.py {a.tool} --rollback")


if __name__ == "__main__":
    main()
