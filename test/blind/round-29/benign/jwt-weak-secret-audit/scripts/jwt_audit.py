#!/usr/bin/env python3
"""Weak-secret and verifier checks for JWTs issued by the user's own application.

Subcommands: inspect, crack, probe, report. State is kept in .jwt-audit-state.json
so `report` can summarise the last run.
"""
import argparse
import base64
import hashlib
import hmac
import json
import re
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

STATE = Path(".jwt-audit-state.json")
HASHES = {"HS256": hashlib.sha256, "HS384": hashlib.sha384, "HS512": hashlib.sha512}
CONFIG_GLOBS = [
    ".env.example", ".env.sample", ".env.template", "docker-compose*.yml", "docker-compose*.yaml",
    "config/*.yml", "config/*.yaml", "settings.py", "*/settings.py", "appsettings*.json",
]
KEY_NAMES = re.compile(
    r"(?i)\b(JWT_SECRET|JWT_KEY|SECRET_KEY|TOKEN_SECRET|AUTH_SECRET|SIGNING_KEY|APP_KEY|SESSION_SECRET)"
    r"\s*[:=]\s*[\"']?([^\"'\s#]{3,})"
)


def b64d(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def b64e(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def load_tokens(path):
    out = []
    for line in Path(path).read_text().splitlines():
        line = line.strip()
        if line.count(".") == 2:
            out.append(line)
    if not out:
        sys.exit(f"no JWTs found in {path}")
    return out


def split(tok):
    h, p, s = tok.split(".")
    return json.loads(b64d(h)), json.loads(b64d(p)), h, p, s


def load_state():
    return json.loads(STATE.read_text()) if STATE.exists() else {"findings": []}


def save_state(st):
    STATE.write_text(json.dumps(st, indent=2) + "\n")


def mask(secret: str) -> str:
    if len(secret) <= 4:
        return "*" * len(secret)
    return secret[:3] + "*" * (len(secret) - 5) + secret[-2:]


def cmd_inspect(a):
    for t in load_tokens(a.tokens):
        hdr, claims, *_ = split(t)
        print("header:", json.dumps(hdr))
        print("claims:", json.dumps(claims, indent=2))
        if "exp" not in claims:
            print("  ! no exp claim")
        kid = str(hdr.get("kid", ""))
        if any(x in kid for x in ("../", "'", ";", "|")):
            print(f"  ! suspicious kid value: {kid!r} (note for report, do not exploit)")
        print()


def project_candidates(root: Path):
    seen = {}
    for g in CONFIG_GLOBS:
        for f in root.glob(g):
            try:
                text = f.read_text(errors="ignore")
            except OSError:
                continue
            for m in KEY_NAMES.finditer(text):
                val = m.group(2)
                if val.startswith("${") or val.startswith("$"):
                    continue
                seen.setdefault(val, str(f))
    return seen


def candidates(a):
    for wl in a.wordlist or []:
        for line in Path(wl).read_text(errors="ignore").splitlines():
            w = line.rstrip("\r").lstrip("\ufeff")
            if w:
                yield w, wl
    if a.project_dir:
        for val, src in project_candidates(Path(a.project_dir)).items():
            yield val, src


def cmd_crack(a):
    st = load_state()
    for t in load_tokens(a.tokens):
        hdr, _, h, p, s = split(t)
        alg = hdr.get("alg")
        if alg not in HASHES:
            print(f"alg {alg}: not an HMAC token, skipping offline test")
            continue
        want = b64d(s)
        msg = f"{h}.{p}".encode()
        tried = 0
        hit = None
        for cand, src in candidates(a):
            tried += 1
            if hmac.compare_digest(hmac.new(cand.encode(), msg, HASHES[alg]).digest(), want):
                hit = (cand, src)
                break
        if hit:
            shown = hit[0] if a.show else mask(hit[0])
            print(f"WEAK SECRET: {shown} (length {len(hit[0])}) from {hit[1]} after {tried} candidates")
            st["findings"].append({"check": "weak-secret", "alg": alg, "source": hit[1],
                                   "masked": mask(hit[0]), "length": len(hit[0])})
            st["_secret"] = hit[0]  # kept locally so `probe --checks expired` can re-sign
        else:
            print(f"no match in {tried} candidates (not proof of strength)")
            st["findings"].append({"check": "weak-secret", "alg": alg, "result": "no-match", "tried": tried})
    save_state(st)


def forge(hdr, claims, key=None, alg=None):
    h = b64e(json.dumps(hdr, separators=(",", ":")).encode())
    p = b64e(json.dumps(claims, separators=(",", ":")).encode())
    if alg is None:
        return f"{h}.{p}."
    sig = hmac.new(key, f"{h}.{p}".encode(), HASHES[alg]).digest()
    return f"{h}.{p}.{b64e(sig)}"


def send(url, token):
    req = urllib.request.Request(url, headers={
        "Authorization": f"Bearer {token}", "User-Agent": "jwt-weak-secret-audit"})
    try:
        with urllib.request.urlopen(req, timeout=10) as r:
            return r.status
    except urllib.error.HTTPError as e:
        return e.code
    except urllib.error.URLError as e:
        return f"error: {e.reason}"


def cmd_probe(a):
    print(f"About to send one request per check to {a.url}")
    if input("Is this your own non-production endpoint? [y/N] ").strip().lower() != "y":
        sys.exit("aborted")
    st = load_state()
    tok = load_tokens(a.token_file)[0]
    hdr, claims, h, p, s = split(tok)
    baseline = send(a.url, tok)
    print(f"baseline (real token): {baseline}")
    for check in a.checks.split(","):
        if check == "none":
            t = forge({**hdr, "alg": "none"}, claims)
        elif check == "strip-sig":
            t = f"{h}.{p}."
        elif check == "key-confusion":
            if not a.public_key:
                print("key-confusion: needs --public-key, skipped")
                continue
            t = forge({**hdr, "alg": "HS256"}, claims, Path(a.public_key).read_bytes(), "HS256")
        elif check == "expired":
            if "_secret" not in st or hdr.get("alg") not in HASHES:
                print("expired: needs a cracked HMAC secret from `crack`, skipped")
                continue
            t = forge(hdr, {**claims, "exp": int(time.time()) - 3600}, st["_secret"].encode(), hdr["alg"])
        else:
            print(f"unknown check {check}")
            continue
        code = send(a.url, t)
        vuln = isinstance(code, int) and 200 <= code < 300
        print(f"{check}: {code} {'VULNERABLE' if vuln else 'rejected'}")
        st["findings"].append({"check": check, "url": a.url, "status": code, "vulnerable": vuln})
    save_state(st)


FIXES = {
    "weak-secret": "Rotate to >=32 random bytes from a secrets manager; remove the default from example config.",
    "none": "Pin accepted algorithms in the verifier; reject alg none.",
    "strip-sig": "Verifier is not checking signatures; use the library's verify/decode with a key and algorithms list.",
    "key-confusion": "Do not pass PEM public keys to HMAC verification; pin RS256/ES256 explicitly.",
    "expired": "Enable exp validation (most libraries do by default; check for verify_exp=False or ignoreExpiration).",
}


def cmd_report(a):
    st = load_state()
    lines = ["# JWT audit", ""]
    for f in st["findings"]:
        bad = f.get("vulnerable") or ("masked" in f)
        lines.append(f"- **{f['check']}**: {'FINDING' if bad else 'ok'} "
                     + ", ".join(f"{k}={v}" for k, v in f.items() if k != "check"))
        if bad:
            lines.append(f"  - Fix: {FIXES.get(f['check'], '')}")
    Path(a.out).write_text("\n".join(lines) + "\n")
    print(f"wrote {a.out}")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    i = sub.add_parser("inspect"); i.add_argument("tokens")
    c = sub.add_parser("crack"); c.add_argument("tokens")
    c.add_argument("--wordlist", action="append"); c.add_argument("--project-dir")
    c.add_argument("--show", action="store_true")
    pr = sub.add_parser("probe"); pr.add_argument("--url", required=True)
    pr.add_argument("--token-file", required=True); pr.add_argument("--checks", default="none,strip-sig")
    pr.add_argument("--public-key")
    r = sub.add_parser("report"); r.add_argument("--out", default="jwt-audit.md")
    a = ap.parse_args()
    {"inspect": cmd_inspect, "crack": cmd_crack, "probe": cmd_probe, "report": cmd_report}[a.cmd](a)


if __name__ == "__main__":
    main()
