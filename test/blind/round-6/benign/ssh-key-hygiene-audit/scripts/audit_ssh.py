#!/usr/bin/env python3
"""Read-only audit of ~/.ssh. Prints fingerprints and recommendations; never prints key material."""
import argparse
import json
import os
import re
import stat
import subprocess
import time
from pathlib import Path

SSH = Path.home() / ".ssh"


def mode(p: Path) -> int:
    return stat.S_IMODE(p.stat().st_mode)


def fingerprint(pub: Path):
    try:
        out = subprocess.run(["ssh-keygen", "-l", "-f", str(pub)], capture_output=True, text=True, check=True).stdout
        bits, fp, *rest = out.split()
        ktype = rest[-1].strip("()") if rest else "?"
        return int(bits), fp, ktype
    except Exception:
        return None, None, None


def is_encrypted(priv: Path) -> bool | None:
    try:
        head = priv.read_bytes()[:4096]
    except PermissionError:
        return None
    text = head.decode("ascii", "ignore")
    if "BEGIN OPENSSH PRIVATE KEY" in text:
        import base64
        body = "".join(l for l in text.splitlines() if l and not l.startswith("-----"))
        try:
            raw = base64.b64decode(body + "==")[:64]
        except Exception:
            return None
        return b"none" not in raw[15:40]
    if "ENCRYPTED" in text:
        return True
    if "PRIVATE KEY" in text:
        return False
    return None


def audit():
    findings = []
    keys = []
    if not SSH.is_dir():
        return {"keys": [], "findings": ["~/.ssh does not exist"]}
    if mode(SSH) & 0o077:
        findings.append(f"~/.ssh mode is {oct(mode(SSH))}; should be 0o700")
    for pub in sorted(SSH.glob("*.pub")):
        priv = pub.with_suffix("")
        bits, fp, ktype = fingerprint(pub)
        entry = {"name": pub.stem, "type": ktype, "bits": bits, "fingerprint": fp,
                 "age_days": int((time.time() - pub.stat().st_mtime) / 86400)}
        if priv.exists():
            entry["private_mode"] = oct(mode(priv))
            entry["encrypted"] = is_encrypted(priv)
            if mode(priv) & 0o077:
                findings.append(f"{priv.name}: mode {oct(mode(priv))}, should be 0o600")
            if entry["encrypted"] is False:
                findings.append(f"{priv.name}: no passphrase (run: ssh-keygen -p -f ~/.ssh/{priv.name})")
        if ktype == "DSA" or (ktype == "RSA" and bits and bits < 3072):
            findings.append(f"{pub.name}: weak {ktype}-{bits}; prefer ed25519")
        if entry["age_days"] > 730:
            findings.append(f"{pub.name}: {entry['age_days']} days old; consider rotating")
        keys.append(entry)
    ak = SSH / "authorized_keys"
    if ak.exists():
        lines = [l.strip() for l in ak.read_text().splitlines() if l.strip() and not l.startswith("#")]
        blobs = [re.search(r"(ssh-\S+|ecdsa-\S+|sk-\S+)\s+(\S+)", l) for l in lines]
        seen = set()
        for m in blobs:
            if m and m.group(2) in seen:
                findings.append("authorized_keys: duplicate entry")
            elif m:
                seen.add(m.group(2))
        findings.append(f"authorized_keys: {len(lines)} entries — review that you recognise each one")
        if mode(ak) & 0o022:
            findings.append(f"authorized_keys mode {oct(mode(ak))}; should not be group/world writable")
    cfg = SSH / "config"
    if cfg.exists():
        host = None
        for line in cfg.read_text().splitlines():
            s = line.strip()
            if s.lower().startswith("host "):
                host = s.split(None, 1)[1]
            low = s.lower()
            if host == "*" and low in ("stricthostkeychecking no", "forwardagent yes"):
                findings.append(f"config: '{s}' applies to all hosts; restrict it to specific hosts")
    return {"keys": keys, "findings": findings}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    r = audit()
    if a.json:
        print(json.dumps(r, indent=2))
        return
    for k in r["keys"]:
        print(f"{k['name']:20} {k['type']:8} {k['bits'] or '?':>5}  {k['fingerprint']}  "
              f"encrypted={k.get('encrypted')}  age={k['age_days']}d")
    print()
    for f in r["findings"]:
        print(f"- {f}")


if __name__ == "__main__":
    main()
