#!/usr/bin/env python3
"""Read-only audit of Linux password policy and account hash algorithms.

Never outputs password hashes: only the algorithm prefix from /etc/shadow is kept.
Usage: sudo linux_policy_audit.py [--format text|markdown|json] [--min-uid 1000]
"""
import argparse
import glob
import json
import os
import re
import socket
import sys

ALGOS = {"1": "md5", "2a": "bcrypt", "2b": "bcrypt", "2y": "bcrypt", "5": "sha256", "6": "sha512",
         "y": "yescrypt", "gy": "gost-yescrypt", "7": "scrypt"}
WEAK = {"md5", "sha256", "des"}


def read_kv(path, sep=None):
    out = {}
    try:
        with open(path, encoding="utf-8", errors="replace") as fh:
            for line in fh:
                line = line.split("#", 1)[0].strip()
                if not line:
                    continue
                if sep and sep in line:
                    k, v = line.split(sep, 1)
                else:
                    parts = line.split(None, 1)
                    k, v = parts[0], (parts[1] if len(parts) > 1 else "")
                out[k.strip()] = v.strip()
    except FileNotFoundError:
        return None
    return out


def pam_lines(names):
    lines = []
    for n in names:
        p = os.path.join("/etc/pam.d", n)
        if os.path.exists(p):
            with open(p, encoding="utf-8", errors="replace") as fh:
                for i, line in enumerate(fh, 1):
                    s = line.split("#", 1)[0].strip()
                    if s:
                        lines.append((p, i, s))
    return lines


def shadow_summary(min_uid):
    uids = {}
    try:
        with open("/etc/passwd", encoding="utf-8") as fh:
            for line in fh:
                f = line.rstrip("\n").split(":")
                if len(f) >= 7:
                    uids[f[0]] = (int(f[2]), f[6])
    except OSError:
        pass
    accounts = []
    try:
        fh = open("/etc/shadow", encoding="utf-8")
    except PermissionError:
        return None
    with fh:
        for line in fh:
            f = line.rstrip("\n").split(":")
            if len(f) < 9:
                continue
            user, field = f[0], f[1]
            uid, shell = uids.get(user, (-1, ""))
            if field == "":
                algo = "EMPTY"
            elif field.startswith(("!", "*")):
                algo = "locked"
            elif field.startswith("$"):
                algo = ALGOS.get(field.split("$")[1], "unknown")
            elif len(field) == 13:
                algo = "des"
            else:
                algo = "unknown"
            field = None  # drop the hash immediately
            accounts.append({
                "user": user, "uid": uid, "shell": shell, "algorithm": algo,
                "max_days": f[4] or None, "last_change": f[2] or None,
                "interactive": uid == 0 or (uid >= min_uid and not shell.endswith(("nologin", "false"))),
            })
    return accounts


def audit(min_uid):
    findings = []

    def add(sev, area, msg):
        findings.append({"severity": sev, "area": area, "message": msg})

    logindefs = read_kv("/etc/login.defs") or {}
    enc = logindefs.get("ENCRYPT_METHOD", "(unset)")
    if enc.upper() not in ("YESCRYPT", "SHA512"):
        add("fail", "login.defs", "ENCRYPT_METHOD is %s; use YESCRYPT or SHA512" % enc)
    maxd = logindefs.get("PASS_MAX_DAYS")
    if maxd and maxd.isdigit() and int(maxd) < 365:
        add("info", "login.defs", "PASS_MAX_DAYS=%s forces periodic rotation (NIST 800-63B advises against)" % maxd)

    pwq = {}
    for p in ["/etc/security/pwquality.conf"] + sorted(glob.glob("/etc/security/pwquality.conf.d/*.conf")):
        kv = read_kv(p, sep="=")
        if kv:
            pwq.update(kv)
    pam = pam_lines(["common-password", "common-auth", "system-auth", "password-auth"])
    for p, i, s in pam:
        m = re.search(r"pam_pwquality\.so(.*)", s)
        if m:
            for tok in m.group(1).split():
                if "=" in tok:
                    k, v = tok.split("=", 1)
                    pwq[k] = v
                else:
                    pwq[tok] = ""
    if not pwq and not any("pam_pwquality" in s for _, _, s in pam):
        add("warn", "pwquality", "pam_pwquality not configured (no length or dictionary checks)")
    else:
        minlen = int(pwq.get("minlen", "8") or 8)
        if minlen < 8:
            add("fail", "pwquality", "minlen=%d is below the NIST minimum of 8" % minlen)
        elif minlen < 12:
            add("warn", "pwquality", "minlen=%d is below the team baseline of 12" % minlen)
        if pwq.get("dictcheck", "1") == "0":
            add("fail", "pwquality", "dictcheck=0 disables dictionary screening")
        if any(pwq.get(k, "0").startswith("-") for k in ("ucredit", "lcredit", "dcredit", "ocredit")):
            add("info", "pwquality", "composition rules set (NIST 800-63B: should not be imposed)")
        if "enforce_for_root" not in pwq:
            add("warn", "pwquality", "enforce_for_root missing; root can set weak passwords")

    for p, i, s in pam:
        if "pam_unix.so" in s and "nullok" in s.split():
            add("fail", "pam", "%s:%d pam_unix with nullok allows empty passwords" % (p, i))
    if not any("pam_faillock" in s or "pam_tally2" in s for _, _, s in pam):
        add("fail", "lockout", "no pam_faillock/pam_tally2 in auth stack (no throttling)")
    else:
        fl = read_kv("/etc/security/faillock.conf", sep="=") or {}
        deny = fl.get("deny", "3")
        if deny == "0":
            add("fail", "lockout", "faillock deny=0 disables lockout")

    accounts = shadow_summary(min_uid)
    if accounts is None:
        add("warn", "shadow", "cannot read /etc/shadow (run with sudo for account checks)")
        accounts = []
    for a in accounts:
        if a["algorithm"] == "EMPTY":
            add("fail", "accounts", "account %s has an empty password field" % a["user"])
        elif a["algorithm"] in WEAK and a["interactive"]:
            add("fail", "accounts", "account %s uses %s hashing; reset the password after fixing ENCRYPT_METHOD" % (a["user"], a["algorithm"]))
    return {"host": socket.gethostname(), "login_defs": {k: logindefs.get(k) for k in ("ENCRYPT_METHOD", "PASS_MAX_DAYS", "PASS_MIN_DAYS", "PASS_WARN_AGE")},
            "pwquality": pwq, "accounts": [{k: a[k] for k in ("user", "uid", "algorithm", "interactive")} for a in accounts if a["interactive"] or a["algorithm"] == "EMPTY"],
            "findings": findings}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--format", choices=["text", "markdown", "json"], default="text")
    ap.add_argument("--min-uid", type=int, default=1000)
    args = ap.parse_args()
    r = audit(args.min_uid)
    if args.format == "json":
        json.dump(r, sys.stdout, indent=2)
        print()
        return
    if args.format == "markdown":
        print("# Password policy audit: %s\n" % r["host"])
        print("| Severity | Area | Finding |\n|---|---|---|")
        for f in r["findings"]:
            print("| %s | %s | %s |" % (f["severity"], f["area"], f["message"]))
        print("\n## Interactive accounts\n\n| User | UID | Hash algorithm |\n|---|---|---|")
        for a in r["accounts"]:
            print("| %s | %s | %s |" % (a["user"], a["uid"], a["algorithm"]))
        return
    for f in r["findings"]:
        print("[%s] %s: %s" % (f["severity"].upper(), f["area"], f["message"]))
    print("%d findings on %s" % (len(r["findings"]), r["host"]))


if __name__ == "__main__":
    main()
