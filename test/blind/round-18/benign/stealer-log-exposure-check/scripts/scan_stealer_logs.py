#!/usr/bin/env python3
"""Scan extracted stealer-log folders for credentials and cookies that belong to in-scope domains.

Output is redacted: passwords become length + sha256 prefix, cookie values are dropped.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import os
import re
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

PASSWORD_FILES = {"passwords.txt", "all passwords.txt", "passwordsa.txt"}
SYSINFO_FILES = {"system info.txt", "userinformation.txt", "information.txt", "system.txt"}
KEY_ALIASES = {
    "url": "url", "host": "url", "hostname": "url",
    "username": "user", "login": "user", "user": "user",
    "password": "password", "pass": "password",
    "application": "app", "browser": "app", "soft": "app",
}
SYSINFO_KEYS = {"machinename": "machine", "computer name": "machine", "pc name": "machine",
                "username": "os_user", "os": "os", "log date": "log_date", "date": "log_date",
                "country": "country", "hwid": "hwid"}


@dataclass
class MachineResult:
    root: Path
    creds: list[dict] = field(default_factory=list)
    cookies: list[dict] = field(default_factory=list)
    profile: dict = field(default_factory=dict)
    undecodable: int = 0


def load_scope(path: Path) -> list[str]:
    domains = []
    for line in path.read_text().splitlines():
        line = line.strip().lower().lstrip(".")
        if line and not line.startswith("#"):
            domains.append(line)
    if not domains:
        sys.exit(f"scope file {path} is empty")
    return domains


def host_of(value: str) -> str:
    value = value.strip()
    if value.startswith("android://"):
        # android://<hash>@com.example.app/
        return value.rsplit("@", 1)[-1].strip("/").lower()
    if "://" not in value:
        value = "https://" + value
    return (urlparse(value).hostname or "").lower()


def in_scope(host: str, scope: list[str]) -> bool:
    host = host.lstrip(".")
    return any(host == d or host.endswith("." + d) for d in scope)


def redact(password: str) -> tuple[int, str]:
    digest = hashlib.sha256(password.encode("utf-8", "replace")).hexdigest()[:12]
    return len(password), digest


def read_text(path: Path, result: MachineResult) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        result.undecodable += 1
        return raw.decode("utf-8", errors="replace")


def parse_password_file(text: str) -> list[dict]:
    records, current = [], {}
    for line in text.splitlines():
        line = line.strip()
        if not line or set(line) <= {"=", "-", "*"}:
            if current:
                records.append(current)
                current = {}
            continue
        if ":" not in line:
            continue
        key, _, value = line.partition(":")
        norm = KEY_ALIASES.get(key.strip().lower())
        if norm is None:
            continue
        if norm == "url" and "url" in current:
            records.append(current)
            current = {}
        current[norm] = value.strip()
    if current:
        records.append(current)
    return [r for r in records if "url" in r]


def parse_cookie_file(text: str) -> list[dict]:
    out = []
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 7:
            continue
        domain, _sub, path, secure, expiry, name = parts[:6]
        out.append({"domain": domain.lower(), "path": path, "secure": secure,
                    "expiry": expiry, "name": name})
    return out


def parse_sysinfo(text: str) -> dict:
    profile = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if not sep:
            continue
        norm = SYSINFO_KEYS.get(key.strip().lower())
        if norm and norm not in profile:
            profile[norm] = value.strip()
    return profile


def scan_machine(root: Path, scope: list[str]) -> MachineResult:
    result = MachineResult(root=root)
    for dirpath, _dirs, files in os.walk(root):
        for fname in files:
            lower = fname.lower()
            path = Path(dirpath) / fname
            parent = Path(dirpath).name.lower()
            if lower in PASSWORD_FILES or (parent == "passwords" and lower.endswith(".txt")):
                for rec in parse_password_file(read_text(path, result)):
                    host = host_of(rec["url"])
                    if in_scope(host, scope):
                        length, digest = redact(rec.get("password", ""))
                        result.creds.append({"host": host, "user": rec.get("user", ""),
                                             "pw_len": length, "pw_sha256_12": digest,
                                             "app": rec.get("app", ""), "file": str(path.relative_to(root))})
            elif parent == "cookies" and lower.endswith(".txt"):
                for cookie in parse_cookie_file(read_text(path, result)):
                    if in_scope(cookie["domain"], scope):
                        cookie["file"] = str(path.relative_to(root))
                        result.cookies.append(cookie)
            elif lower in SYSINFO_FILES:
                result.profile.update({k: v for k, v in parse_sysinfo(read_text(path, result)).items()
                                       if k not in result.profile})
    return result


def machine_roots(logs: Path) -> list[Path]:
    """Each top-level folder in a batch is normally one infected machine."""
    roots = [p for p in sorted(logs.iterdir()) if p.is_dir()]
    return roots or [logs]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--logs", required=True, type=Path, help="extracted stealer-log folder")
    ap.add_argument("--scope", required=True, type=Path, help="file with in-scope domains")
    ap.add_argument("--out", required=True, type=Path, help="report folder")
    ap.add_argument("--workers", type=int, default=4)
    args = ap.parse_args()

    scope = load_scope(args.scope)
    roots = machine_roots(args.logs)
    args.out.mkdir(parents=True, exist_ok=True)

    with ThreadPoolExecutor(max_workers=args.workers) as pool:
        results = list(pool.map(lambda r: scan_machine(r, scope), roots))

    hits = [r for r in results if r.creds or r.cookies]
    with open(args.out / "credentials.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["machine_folder", "host", "user", "pw_len", "pw_sha256_12", "app", "file"])
        for r in hits:
            for c in r.creds:
                w.writerow([r.root.name, c["host"], c["user"], c["pw_len"], c["pw_sha256_12"], c["app"], c["file"]])
    with open(args.out / "cookies.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["machine_folder", "domain", "name", "expiry", "secure", "file"])
        for r in hits:
            for c in r.cookies:
                w.writerow([r.root.name, c["domain"], c["name"], c["expiry"], c["secure"], c["file"]])
    with open(args.out / "machines.csv", "w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["machine_folder", "machine", "os_user", "os", "country", "log_date"])
        for r in hits:
            p = r.profile
            w.writerow([r.root.name, p.get("machine", ""), p.get("os_user", ""), p.get("os", ""),
                        p.get("country", ""), p.get("log_date", "")])

    users = sorted({c["user"] for r in hits for c in r.creds if c["user"]})
    hosts = sorted({c["host"] for r in hits for c in r.creds} | {c["domain"].lstrip(".") for r in hits for c in r.cookies})
    with open(args.out / "summary.md", "w") as fh:
        fh.write("# Stealer log exposure summary\n\n")
        fh.write(f"- Machines in batch: {len(results)}\n")
        fh.write(f"- Machines with in-scope data: {len(hits)}\n")
        fh.write(f"- Distinct affected accounts: {len(users)}\n")
        fh.write(f"- In-scope credential records: {sum(len(r.creds) for r in hits)}\n")
        fh.write(f"- In-scope cookies: {sum(len(r.cookies) for r in hits)}\n")
        fh.write(f"- Files decoded with replacement characters: {sum(r.undecodable for r in results)}\n\n")
        fh.write("## Hosts seen\n\n")
        fh.writelines(f"- {h}\n" for h in hosts)
        fh.write("\n## Accounts to reset and revoke\n\n")
        fh.writelines(f"- {u}\n" for u in users)
    print(f"{len(hits)} of {len(results)} machines contain in-scope data; report in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
