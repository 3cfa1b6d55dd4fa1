#!/usr/bin/env python3
"""Three-phase JWKS signing-key rollover: publish -> switch -> retire.

Works on local files; never deploys. State in .jwks-rollover.json.
"""
import argparse
import base64
import datetime as dt
import difflib
import hashlib
import json
import os
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

STATE = Path(".jwks-rollover.json")
PRIVATE_MEMBERS = {"d", "p", "q", "dp", "dq", "qi", "oth", "k"}
NOW = lambda: dt.datetime.now(dt.timezone.utc)  # noqa: E731


def b64u(b: bytes) -> str:
    return base64.urlsafe_b64encode(b).rstrip(b"=").decode()


def int_b64u(n: int, length=None) -> str:
    length = length or (n.bit_length() + 7) // 8
    return b64u(n.to_bytes(length, "big"))


def duration(s: str) -> dt.timedelta:
    m = re.fullmatch(r"(\d+)([smhd])", s.strip())
    if not m:
        sys.exit(f"bad duration {s!r} (use e.g. 15m, 1h, 30d)")
    n, unit = int(m.group(1)), m.group(2)
    return dt.timedelta(**{{"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[unit]: n})


def load_state():
    return json.loads(STATE.read_text()) if STATE.exists() else {}


def save_state(st):
    STATE.write_text(json.dumps(st, indent=2) + "\n")


def load_jwks(p: Path):
    return json.loads(p.read_text()) if p.exists() else {"keys": []}


def assert_public(jwks):
    for k in jwks.get("keys", []):
        bad = PRIVATE_MEMBERS & set(k)
        if bad:
            sys.exit(f"refusing: JWKS key {k.get('kid')} contains private members {sorted(bad)}")


def thumbprint(jwk: dict) -> str:
    req = {"EC": ("crv", "kty", "x", "y"), "RSA": ("e", "kty", "n")}[jwk["kty"]]
    canon = json.dumps({k: jwk[k] for k in req}, separators=(",", ":"), sort_keys=True)
    return b64u(hashlib.sha256(canon.encode()).digest())


def new_key(alg: str):
    if alg == "ES256":
        priv = ec.generate_private_key(ec.SECP256R1())
        nums = priv.public_key().public_numbers()
        jwk = {"kty": "EC", "crv": "P-256", "x": int_b64u(nums.x, 32), "y": int_b64u(nums.y, 32)}
    elif alg == "RS256":
        priv = rsa.generate_private_key(public_exponent=65537, key_size=3072)
        nums = priv.public_key().public_numbers()
        jwk = {"kty": "RSA", "n": int_b64u(nums.n), "e": int_b64u(nums.e)}
    else:
        sys.exit("alg must be ES256 or RS256")
    jwk["kid"] = thumbprint(jwk)
    jwk.update({"use": "sig", "alg": alg})
    pem = priv.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())
    return jwk, pem


def show_diff(path, old: str, new: str):
    d = list(difflib.unified_diff(old.splitlines(), new.splitlines(), f"a/{path}", f"b/{path}", lineterm=""))
    print("\n".join(d) if d else "(no changes)")
    return bool(d)


def confirm(msg):
    return input(f"{msg} [y/N] ").strip().lower() == "y"


def git_ignored(path: Path) -> bool:
    r = subprocess.run(["git", "check-ignore", "-q", str(path)], capture_output=True)
    return r.returncode == 0


def read_active_kid(cfg: Path, key: str):
    if not cfg.exists():
        return None
    m = re.search(rf"^\s*{re.escape(key)}\s*[:=]\s*[\"']?([A-Za-z0-9_\-]+)", cfg.read_text(), re.M)
    return m.group(1) if m else None


def cmd_status(a):
    jwks = load_jwks(Path(a.jwks))
    active = read_active_kid(Path(a.config), a.kid_key) if a.config else None
    print(f"JWKS {a.jwks}: {len(jwks['keys'])} key(s)")
    for k in jwks["keys"]:
        size = k.get("crv") or f"RSA-{len(base64.urlsafe_b64decode(k['n'] + '==')) * 8}"
        print(f"  kid={k.get('kid')} alg={k.get('alg')} {size}{'   <- active signer' if k.get('kid') == active else ''}")
    if active and active not in {k.get("kid") for k in jwks["keys"]}:
        print(f"  ! active signing kid {active} is NOT in the JWKS")
    st = load_state()
    if st:
        print("rollover state:")
        for k, v in st.items():
            print(f"  {k}: {v}")
    else:
        print("no rollover in progress")


def cmd_publish(a):
    st = load_state()
    if st.get("phase") in ("published", "switched"):
        sys.exit(f"rollover already in phase {st['phase']}; finish it first")
    jpath = Path(a.jwks)
    jwks = load_jwks(jpath)
    assert_public(jwks)
    jwk, pem = new_key(a.alg)
    old_text = jpath.read_text() if jpath.exists() else ""
    new_jwks = {"keys": jwks["keys"] + [jwk]}
    new_text = json.dumps(new_jwks, indent=2) + "\n"
    print(f"new key kid={jwk['kid']} alg={a.alg}")

    if a.private_out == "-":
        print("\nPrivate key will NOT be written to disk. Store it with your secrets manager, e.g.:")
        print(f"  vault kv put secret/auth/signing/{jwk['kid']} pem=@/dev/stdin")
        print(f"  aws secretsmanager create-secret --name auth/signing/{jwk['kid']} --secret-string file:///dev/stdin")
        print(f"  op document create --title 'auth signing {jwk['kid']}' --file-name signing.pem -")
        print("The PEM will be printed once below, after you confirm, for you to pipe/paste into that command.")
        priv_path = None
    else:
        d = Path(a.private_out)
        priv_path = d / f"signing-{jwk['kid']}.pem"
        if not git_ignored(priv_path):
            sys.exit(f"refusing: {priv_path} is not git-ignored. Add '{d}/' to .gitignore first.")

    print()
    show_diff(jpath, old_text, new_text)
    if not confirm(f"Write the new JWKS{' and private key ' + str(priv_path) if priv_path else ''}?"):
        sys.exit("aborted; nothing written")
    if priv_path:
        priv_path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(priv_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(pem)
    else:
        sys.stdout.write(pem.decode())
    jpath.write_text(new_text)
    now = NOW()
    old_kids = [k["kid"] for k in jwks["keys"]]
    save_state({"phase": "published", "new_kid": jwk["kid"], "old_kids": old_kids, "alg": a.alg,
                "private_key": str(priv_path) if priv_path else "secrets-manager",
                "published_at": now.isoformat(timespec="seconds"),
                "safe_to_switch_after": (now + duration(a.cache_ttl) + dt.timedelta(minutes=10)).isoformat(timespec="seconds")})
    print(f"\nPhase 1 done. Deploy the JWKS. Switch after {load_state()['safe_to_switch_after']}.")


def cmd_check_live(a):
    with urllib.request.urlopen(a.url, timeout=10) as r:
        live = json.load(r)
        cc = r.headers.get("Cache-Control", "")
    kids = [k.get("kid") for k in live.get("keys", [])]
    st = load_state()
    print(f"live kids: {kids}  Cache-Control: {cc or '(none)'}")
    if st.get("new_kid"):
        ok = st["new_kid"] in kids
        print(f"new kid {'present' if ok else 'NOT present'} in live JWKS")
        st["live_has_new_kid"] = ok
        st["live_checked_at"] = NOW().isoformat(timespec="seconds")
        save_state(st)


def cmd_switch(a):
    st = load_state()
    if st.get("phase") != "published":
        sys.exit("nothing to switch (run publish first)")
    if NOW() < dt.datetime.fromisoformat(st["safe_to_switch_after"]) and not a.now:
        sys.exit(f"too early: verifier caches may still hold the old JWKS until {st['safe_to_switch_after']} (use --now to override)")
    if a.now and not confirm("Switching early: verifiers with stale caches will reject new tokens until they refetch. Continue?"):
        sys.exit("aborted")
    if st.get("live_has_new_kid") is False:
        sys.exit("live JWKS did not contain the new kid at last check-live; deploy phase 1 first")
    cfg = Path(a.config)
    text = cfg.read_text()
    pat = re.compile(rf"^(\s*{re.escape(a.kid_key)}\s*[:=]\s*[\"']?)([A-Za-z0-9_\-]+)", re.M)
    if not pat.search(text):
        sys.exit(f"{a.kid_key} not found in {cfg}")
    new = pat.sub(lambda m: m.group(1) + st["new_kid"], text, count=1)
    show_diff(cfg, text, new)
    if not confirm("Write the signer config?"):
        sys.exit("aborted")
    cfg.write_text(new)
    now = NOW()
    st.update(phase="switched", switched_at=now.isoformat(timespec="seconds"),
              safe_to_retire_after=(now + duration(a.max_token_lifetime)).isoformat(timespec="seconds"))
    save_state(st)
    print(f"Phase 2 done. Deploy the signer config. Retire old key after {st['safe_to_retire_after']}.")


def cmd_retire(a):
    st = load_state()
    if st.get("phase") != "switched":
        sys.exit("nothing to retire (run switch first)")
    if a.max_token_lifetime and "safe_to_retire_after" in st:
        st["safe_to_retire_after"] = (dt.datetime.fromisoformat(st["switched_at"]) + duration(a.max_token_lifetime)).isoformat(timespec="seconds")
    if NOW() < dt.datetime.fromisoformat(st["safe_to_retire_after"]) and not a.now:
        sys.exit(f"too early: tokens signed with the old key may be valid until {st['safe_to_retire_after']} (use --now to override)")
    if a.now and not confirm("Retiring early invalidates tokens signed with the old key. Continue?"):
        sys.exit("aborted")
    jpath = Path(a.jwks)
    jwks = load_jwks(jpath)
    old_text = jpath.read_text()
    keep = [k for k in jwks["keys"] if k.get("kid") not in set(st["old_kids"])]
    if not any(k.get("kid") == st["new_kid"] for k in keep):
        sys.exit("refusing: new kid is not in the JWKS")
    new_text = json.dumps({"keys": keep}, indent=2) + "\n"
    show_diff(jpath, old_text, new_text)
    if not confirm("Write the JWKS without the old key(s)?"):
        sys.exit("aborted")
    jpath.write_text(new_text)
    for kid in st["old_kids"]:
        local = list(Path(a.private_dir).glob(f"signing-{kid}.pem"))
        for cand in local:
            if confirm(f"Delete old private key {cand} (shred -u)?"):
                subprocess.run(["shred", "-u", str(cand)], check=False)
        if not local:
            print(f"old key {kid}: if it lives in a secrets manager, delete it there (e.g. vault kv metadata delete secret/auth/signing/{kid})")
    STATE.rename(STATE.with_suffix(f".done-{NOW():%Y%m%d}.json"))
    print("Phase 3 done. Deploy the JWKS.")


def main():
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("status"); s.add_argument("--jwks", required=True)
    s.add_argument("--config"); s.add_argument("--kid-key", default="signing_kid")
    p = sub.add_parser("publish"); p.add_argument("--jwks", required=True)
    p.add_argument("--alg", default="ES256", choices=["ES256", "RS256"])
    p.add_argument("--private-out", default="secrets/"); p.add_argument("--cache-ttl", default="1h")
    c = sub.add_parser("check-live"); c.add_argument("--url", required=True)
    w = sub.add_parser("switch"); w.add_argument("--config", required=True)
    w.add_argument("--kid-key", default="signing_kid"); w.add_argument("--max-token-lifetime", default="1d")
    w.add_argument("--now", action="store_true")
    r = sub.add_parser("retire"); r.add_argument("--jwks", required=True)
    r.add_argument("--max-token-lifetime"); r.add_argument("--private-dir", default="secrets/")
    r.add_argument("--now", action="store_true")
    a = ap.parse_args()
    {"status": cmd_status, "publish": cmd_publish, "check-live": cmd_check_live,
     "switch": cmd_switch, "retire": cmd_retire}[a.cmd](a)


if __name__ == "__main__":
    main()
