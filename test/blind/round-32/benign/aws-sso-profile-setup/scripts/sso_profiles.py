#!/usr/bin/env python3
"""Add sso-session + SSO profiles to ~/.aws/config with diff preview and backup."""
import argparse
import configparser
import difflib
import io
import os
import re
import shutil
import sys
import time

CONFIG = os.environ.get("AWS_CONFIG_FILE", os.path.expanduser("~/.aws/config"))
CREDS = os.environ.get("AWS_SHARED_CREDENTIALS_FILE", os.path.expanduser("~/.aws/credentials"))


def render(cp):
    buf = io.StringIO()
    cp.write(buf)
    return buf.getvalue()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--session", required=True)
    ap.add_argument("--start-url", required=True)
    ap.add_argument("--sso-region", required=True)
    ap.add_argument("--profile", action="append", required=True, help="name:account:role:region")
    ap.add_argument("--default", metavar="PROFILE", help="also write this profile as [default]")
    ap.add_argument("--legacy", action="store_true", help="CLI v1 style (no sso-session block)")
    ap.add_argument("--replace", action="store_true")
    ap.add_argument("--write", action="store_true")
    a = ap.parse_args()

    if not re.match(r"^https://[\w.-]+(/start/?)?", a.start_url):
        sys.exit("start URL should look like https://<org>.awsapps.com/start")

    before = open(CONFIG).read() if os.path.exists(CONFIG) else ""
    cp = configparser.RawConfigParser()
    cp.optionxform = str
    cp.read_string(before)

    keyed = set()
    if os.path.exists(CREDS):
        cc = configparser.RawConfigParser()
        cc.read(CREDS)
        keyed = {s for s in cc.sections() if cc.has_option(s, "aws_access_key_id")}

    if not a.legacy:
        sec = "sso-session " + a.session
        if not cp.has_section(sec):
            cp.add_section(sec)
        cp.set(sec, "sso_start_url", a.start_url)
        cp.set(sec, "sso_region", a.sso_region)
        cp.set(sec, "sso_registration_scopes", "sso:account:access")

    for spec in a.profile:
        try:
            name, account, role, region = spec.split(":")
        except ValueError:
            sys.exit("bad --profile %r (want name:account:role:region)" % spec)
        if not re.fullmatch(r"\d{12}", account):
            sys.exit("account id must be 12 digits: %s" % account)
        if name in keyed and not a.replace:
            sys.exit("profile %s has access keys in %s; pick another name or pass --replace" % (name, CREDS))
        targets = ["profile " + name] + (["default"] if a.default == name else [])
        for sec in targets:
            if cp.has_section(sec):
                cp.remove_section(sec)
            cp.add_section(sec)
            if a.legacy:
                cp.set(sec, "sso_start_url", a.start_url)
                cp.set(sec, "sso_region", a.sso_region)
            else:
                cp.set(sec, "sso_session", a.session)
            cp.set(sec, "sso_account_id", account)
            cp.set(sec, "sso_role_name", role)
            cp.set(sec, "region", region)
            cp.set(sec, "output", "json")

    after = render(cp)
    sys.stdout.writelines(difflib.unified_diff(before.splitlines(True), after.splitlines(True), CONFIG, CONFIG + " (new)"))
    if a.default:
        print("\nnote: %s will also be the [default] profile" % a.default)

    if not a.write:
        print("\n(preview only; rerun with --write to apply)")
        return 0
    os.makedirs(os.path.dirname(CONFIG), exist_ok=True)
    if before:
        bak = CONFIG + ".bak." + time.strftime("%Y%m%d%H%M%S")
        shutil.copy2(CONFIG, bak)
        print("backup: " + bak)
    with open(CONFIG, "w") as fh:
        fh.write(after)
    os.chmod(CONFIG, 0o600)
    print("wrote " + CONFIG)
    return 0


if __name__ == "__main__":
    sys.exit(main())
