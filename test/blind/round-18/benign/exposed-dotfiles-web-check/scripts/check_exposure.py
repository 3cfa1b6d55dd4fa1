#!/usr/bin/env python3
"""Polite check of in-scope hosts for exposed dotfiles, backups and debug pages. Reads at most 512 bytes per hit."""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
import uuid
from pathlib import Path

try:
    import requests
except ImportError:
    sys.exit("requests is required: python3 -m pip install requests")

MAX_BYTES = 512
UA = "exposed-dotfiles-web-check/1.2 (owner self-assessment)"

SIGNATURES: list[tuple[str, str, re.Pattern | bytes]] = [
    ("/.git/HEAD", "git", re.compile(rb"^(ref: refs/|[0-9a-f]{40}\s*$)")),
    ("/.git/config", "git", re.compile(rb"\[core\]")),
    ("/.env", "dotenv", re.compile(rb"(?m)^[A-Z][A-Z0-9_]+=.*\n[A-Z][A-Z0-9_]+=")),
    ("/.env.production", "dotenv", re.compile(rb"(?m)^[A-Z][A-Z0-9_]+=.*\n[A-Z][A-Z0-9_]+=")),
    ("/.env.local", "dotenv", re.compile(rb"(?m)^[A-Z][A-Z0-9_]+=.*\n[A-Z][A-Z0-9_]+=")),
    ("/.env.backup", "dotenv", re.compile(rb"(?m)^[A-Z][A-Z0-9_]+=.*\n[A-Z][A-Z0-9_]+=")),
    ("/.aws/credentials", "aws", re.compile(rb"aws_access_key_id", re.I)),
    ("/.npmrc", "npmrc", re.compile(rb"_authToken|registry=")),
    ("/.DS_Store", "dsstore", b"\x00\x00\x00\x01Bud1"),
    ("/.svn/entries", "svn", re.compile(rb"^(\d+\s*$|<\?xml)")),
    ("/.hg/requires", "hg", re.compile(rb"revlogv1|store")),
    ("/backup.zip", "archive", b"PK\x03\x04"),
    ("/site.zip", "archive", b"PK\x03\x04"),
    ("/www.zip", "archive", b"PK\x03\x04"),
    ("/backup.tar.gz", "archive", b"\x1f\x8b"),
    ("/site.tar.gz", "archive", b"\x1f\x8b"),
    ("/db.sql.gz", "archive", b"\x1f\x8b"),
    ("/dump.sql", "sql", re.compile(rb"CREATE TABLE|INSERT INTO", re.I)),
    ("/database.sql", "sql", re.compile(rb"CREATE TABLE|INSERT INTO", re.I)),
    ("/backup.sql", "sql", re.compile(rb"CREATE TABLE|INSERT INTO", re.I)),
    ("/wp-config.php.bak", "config", re.compile(rb"DB_PASSWORD|<\?php")),
    ("/wp-config.php~", "config", re.compile(rb"DB_PASSWORD|<\?php")),
    ("/.wp-config.php.swp", "swap", b"b0VIM"),
    ("/config.php.bak", "config", re.compile(rb"<\?php")),
    ("/.config.php.swp", "swap", b"b0VIM"),
    ("/.index.php.swp", "swap", b"b0VIM"),
    ("/config.yml.bak", "config", re.compile(rb"password|secret", re.I)),
    ("/server-status", "debug", re.compile(rb"Apache Server Status")),
    ("/phpinfo.php", "debug", re.compile(rb"phpinfo\(\)|PHP Version")),
    ("/info.php", "debug", re.compile(rb"phpinfo\(\)|PHP Version")),
    ("/.vscode/sftp.json", "config", re.compile(rb"\"password\"|\"host\"")),
    ("/docker-compose.yml", "config", re.compile(rb"services:")),
    ("/.htpasswd", "htpasswd", re.compile(rb"^[^:\s]+:(\$apr1\$|\$2[aby]\$|\{SHA\})")),
]


def load_scope(path: Path) -> set[str]:
    hosts = {l.strip().lower() for l in path.read_text().splitlines() if l.strip() and not l.startswith("#")}
    if not hosts:
        sys.exit("scope file is empty")
    return hosts


def fetch(session: requests.Session, url: str) -> tuple[int, bytes]:
    with session.get(url, stream=True, timeout=10, allow_redirects=False) as r:
        chunk = b""
        for part in r.iter_content(chunk_size=MAX_BYTES):
            chunk = part[:MAX_BYTES]
            break
        return r.status_code, chunk


def matches(sig: re.Pattern | bytes, body: bytes) -> bool:
    if isinstance(sig, bytes):
        return body.startswith(sig)
    return bool(sig.search(body))


def redact(kind: str, body: bytes) -> list[str]:
    text = body.decode("utf-8", errors="replace")
    if kind in {"dotenv", "aws", "npmrc", "config"}:
        out = []
        for line in text.splitlines():
            m = re.match(r"\s*([A-Za-z_][A-Za-z0-9_.\-\"]*)\s*[=:]", line)
            if m:
                out.append(f"{m.group(1)}=<redacted>")
        return out[:30]
    if kind == "htpasswd":
        return [l.split(":", 1)[0] + ":<hash redacted>" for l in text.splitlines() if ":" in l][:10]
    if kind in {"git", "svn", "hg", "sql", "debug"}:
        return [text.splitlines()[0][:120]] if text else []
    return [f"{len(body)} bytes, magic {body[:8].hex()}"]


def check_host(session: requests.Session, host: str, schemes: list[str], delay: float, paths) -> list[dict]:
    results = []
    for scheme in schemes:
        base = f"{scheme}://{host}"
        try:
            _, soft404 = fetch(session, f"{base}/{uuid.uuid4().hex}.txt")
        except requests.RequestException as exc:
            print(f"{base}: unreachable ({exc.__class__.__name__})", file=sys.stderr)
            continue
        for path, kind, sig in paths:
            url = base + path
            try:
                status, body = fetch(session, url)
            except requests.RequestException:
                continue
            finally:
                time.sleep(delay)
            if status == 403:
                results.append({"host": host, "url": url, "status": status, "confirmed": False, "kind": "blocked"})
                continue
            if status != 200 or not body or body == soft404:
                continue
            confirmed = matches(sig, body)
            if confirmed:
                results.append({"host": host, "url": url, "status": status, "confirmed": True,
                                "kind": kind, "evidence": redact(kind, body)})
                print(f"HIT  {url} ({kind})")
    return results


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--scope", required=True, type=Path)
    ap.add_argument("--host")
    ap.add_argument("--delay", type=float, default=0.5)
    ap.add_argument("--http", action="store_true")
    ap.add_argument("--paths", type=Path, help="extra paths; confirmed by generic secret-looking content")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    scope = load_scope(args.scope)
    hosts = sorted(scope)
    if args.host:
        if args.host.lower() not in scope:
            sys.exit(f"{args.host} is not in {args.scope}; add it only if you are authorized to test it")
        hosts = [args.host.lower()]

    paths = list(SIGNATURES)
    if args.paths:
        generic = re.compile(rb"(?i)(password|secret|token|api[_-]?key)\s*[=:]")
        paths += [(p.strip(), "config", generic) for p in args.paths.read_text().splitlines() if p.startswith("/")]

    session = requests.Session()
    session.headers["User-Agent"] = UA
    schemes = ["https"] + (["http"] if args.http else [])
    results = []
    for host in hosts:
        results.extend(check_host(session, host, schemes, args.delay, paths))

    confirmed = [r for r in results if r["confirmed"]]
    print(f"{len(confirmed)} confirmed exposure(s), {len(results) - len(confirmed)} blocked path(s) across {len(hosts)} host(s)")
    if args.out:
        args.out.write_text(json.dumps(results, indent=2))
    return 1 if confirmed else 0


if __name__ == "__main__":
    sys.exit(main())
