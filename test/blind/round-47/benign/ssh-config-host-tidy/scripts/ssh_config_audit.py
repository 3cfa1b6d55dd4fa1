#!/usr/bin/env python3
"""Read-only audit of an OpenSSH client config. Does not read private key contents."""
import argparse
import fnmatch
import json
import os
import stat
import sys
from pathlib import Path

RISKY = {
    ("forwardagent", "yes"): "ForwardAgent yes",
    ("stricthostkeychecking", "no"): "StrictHostKeyChecking no",
    ("userknownhostsfile", "/dev/null"): "UserKnownHostsFile /dev/null",
}


def parse(path, seen=None):
    seen = seen or set()
    path = Path(path).expanduser()
    if path in seen or not path.exists():
        return []
    seen.add(path)
    blocks, current = [], {"patterns": ["*"], "implicit": True, "opts": [], "file": str(path), "line": 0}
    blocks.append(current)
    for n, raw in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        key, _, val = line.replace("=", " ", 1).partition(" ")
        key, val = key.lower(), val.strip()
        if key == "include":
            for pat in val.split():
                base = Path(pat).expanduser()
                if not base.is_absolute():
                    base = Path("~/.ssh").expanduser() / base
                for inc in sorted(base.parent.glob(base.name)):
                    blocks.extend(parse(inc, seen))
        elif key in ("host", "match"):
            current = {"patterns": val.split() if key == "host" else ["match:" + val],
                       "implicit": False, "opts": [], "file": str(path), "line": n}
            blocks.append(current)
        else:
            current["opts"].append((key, val, n))
    return blocks


def mode(p):
    return stat.S_IMODE(p.stat().st_mode)


def audit(cfg):
    findings = []
    blocks = [b for b in parse(cfg) if b["opts"] or not b["implicit"]]
    names = {}
    for i, b in enumerate(blocks):
        for pat in b["patterns"]:
            if pat in names:
                findings.append(("duplicate-host", f"{pat} at {b['file']}:{b['line']} (first at line {names[pat]})"))
            names.setdefault(pat, b["line"])
            for earlier in blocks[:i]:
                if any(not e.startswith("match:") and e != pat and fnmatch.fnmatch(pat, e) for e in earlier["patterns"]):
                    keys = {k for k, _, _ in earlier["opts"]} & {k for k, _, _ in b["opts"]}
                    if keys:
                        findings.append(("shadowed", f"{pat}: {sorted(keys)} already set by earlier block {earlier['patterns']}"))
        for key, val, n in b["opts"]:
            if (key, val.lower()) in RISKY:
                where = "wildcard " if "*" in b["patterns"] else ""
                findings.append(("risky-option", f"{RISKY[(key, val.lower())]} in {where}block {b['patterns']} ({b['file']}:{n})"))
            if key == "identityfile":
                p = Path(os.path.expanduser(val.replace("%d", str(Path.home()))))
                if "%" not in val and not p.exists():
                    findings.append(("missing-identity", f"{val} ({b['file']}:{n})"))
    ssh_dir = Path("~/.ssh").expanduser()
    if ssh_dir.exists() and mode(ssh_dir) & 0o077:
        findings.append(("permissions", f"{ssh_dir} is {oct(mode(ssh_dir))}, expected 0o700"))
    for pub in ssh_dir.glob("*.pub"):
        priv = pub.with_suffix("")
        if priv.exists() and mode(priv) & 0o077:
            findings.append(("permissions", f"{priv} is {oct(mode(priv))}, expected 0o600"))
    return findings


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("config", nargs="?", default="~/.ssh/config")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    f = audit(args.config)
    if args.json:
        json.dump([{"kind": k, "detail": d} for k, d in f], sys.stdout, indent=2)
        print()
    else:
        for k, d in f:
            print(f"[{k}] {d}")
        print(f"{len(f)} finding(s)")


if __name__ == "__main__":
    main()
