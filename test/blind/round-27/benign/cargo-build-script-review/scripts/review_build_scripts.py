#!/usr/bin/env python3
"""Flag build.rs and proc-macro crates in a Cargo dependency tree by capability. Reads only."""
import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

CAPS = {
    "process": re.compile(r"(std::process::Command|\bCommand::new\s*\(|duct::cmd|xshell::)"),
    "network": re.compile(r"(TcpStream|UdpSocket|reqwest::|\bureq::|curl::|attohttpc|minreq::|https?://[A-Za-z0-9.-]+)"),
    "home-read": re.compile(r"(\"HOME\"|\"USERPROFILE\"|home_dir\s*\(|\.ssh/|\.aws/|credentials\.toml|\.gitconfig|\.netrc)"),
    "env-harvest": re.compile(r"env::vars\s*\(\s*\)"),
    "obfuscation": re.compile(r"([A-Za-z0-9+/]{120,}={0,2}|(?:0x[0-9a-fA-F]{2}\s*,\s*){64,}|\^\s*0x[0-9a-fA-F]{2}\s*\)?\s*;?\s*//?)"),
}
WRITE_RE = re.compile(r"(fs::write|File::create|OpenOptions::new)\s*\(")
BENIGN_HOSTS = re.compile(r"https?://(github\.com|docs\.rs|crates\.io|www\.apache\.org|opensource\.org|rust-lang\.github\.io)")
INCLUDE_BIN = re.compile(r"include_bytes!\s*\(\s*\"([^\"]+)\"")


def cargo_metadata(manifest):
    cmd = ["cargo", "metadata", "--offline", "--format-version", "1", "--manifest-path", manifest]
    try:
        return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)
    except subprocess.CalledProcessError as e:
        sys.exit(f"cargo metadata failed (did you run `cargo fetch`?):\n{e.stderr}")


def interesting(pkg):
    kinds = {k for t in pkg["targets"] for k in t["kind"]}
    return kinds & {"custom-build", "proc-macro"}


def files_for(pkg):
    root = Path(pkg["manifest_path"]).parent
    srcs = set()
    for t in pkg["targets"]:
        if set(t["kind"]) & {"custom-build", "proc-macro"}:
            p = Path(t["src_path"])
            srcs.add(p)
            srcs.update(p.parent.rglob("*.rs"))
    return root, sorted(srcs)


def scan_file(path):
    hits = []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return hits
    for n, line in enumerate(lines, 1):
        s = line.strip()
        if s.startswith("//") and "http" in s:
            continue
        for cap, rx in CAPS.items():
            m = rx.search(line)
            if not m:
                continue
            if cap == "network" and BENIGN_HOSTS.search(line) and "Command" not in line:
                continue
            hits.append((cap, n, s[:160]))
        if WRITE_RE.search(line):
            window = " ".join(lines[max(0, n - 4):n + 1])
            if "OUT_DIR" not in window and "out_dir" not in window:
                hits.append(("write-outside-out-dir", n, s[:160]))
        m = INCLUDE_BIN.search(line)
        if m and not m.group(1).endswith((".rs", ".txt", ".md", ".json", ".toml", ".h", ".proto")):
            hits.append(("obfuscation", n, s[:160]))
    return hits


def changed_packages(base, manifest):
    lock = Path(manifest).parent / "Cargo.lock"
    try:
        old = subprocess.run(["git", "show", f"{base}:{lock.name}"], cwd=lock.parent, capture_output=True, text=True, check=True).stdout
    except subprocess.CalledProcessError:
        return None
    pat = re.compile(r'name = "([^"]+)"\nversion = "([^"]+)"')
    return set(pat.findall(old))


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--manifest-path", default="Cargo.toml")
    ap.add_argument("--only-new", metavar="GIT_REF")
    ap.add_argument("--vendor-dir")
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()

    meta = cargo_metadata(a.manifest_path)
    workspace = set(meta.get("workspace_members", []))
    old = changed_packages(a.only_new, a.manifest_path) if a.only_new else None

    report = []
    for pkg in meta["packages"]:
        kinds = interesting(pkg)
        if not kinds or pkg["id"] in workspace:
            continue
        if old is not None and (pkg["name"], pkg["version"]) in old:
            continue
        root, files = files_for(pkg)
        if a.vendor_dir:
            root = Path(a.vendor_dir) / pkg["name"]
        hits = []
        for f in files:
            for cap, n, text in scan_file(f):
                hits.append({"cap": cap, "file": str(f.relative_to(root)) if str(f).startswith(str(root)) else str(f), "line": n, "text": text})
        report.append({"name": pkg["name"], "version": pkg["version"], "source": pkg.get("source") or "path",
                       "kinds": sorted(kinds), "caps": sorted({h["cap"] for h in hits}), "hits": hits})

    weight = {"network": 5, "home-read": 5, "env-harvest": 4, "obfuscation": 4, "write-outside-out-dir": 3, "process": 1}
    report.sort(key=lambda r: -sum(weight[c] for c in r["caps"]))

    if a.json:
        json.dump(report, sys.stdout, indent=2)
        print()
        return
    print(f"{len(report)} crate(s) with build scripts or proc-macros\n")
    for r in report:
        flag = "!!" if set(r["caps"]) & {"network", "home-read", "env-harvest", "obfuscation"} else "  "
        print(f"{flag} {r['name']} {r['version']} [{', '.join(r['kinds'])}]  caps: {', '.join(r['caps']) or 'none'}")
        for h in r["hits"][:12]:
            print(f"      {h['cap']:22} {h['file']}:{h['line']}  {h['text']}")
        if len(r["hits"]) > 12:
            print(f"      ... {len(r['hits']) - 12} more (use --json)")


if __name__ == "__main__":
    main()
