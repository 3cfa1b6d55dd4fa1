#!/usr/bin/env python3
"""Flag fail-open defaults in a source tree.

    scan_defaults.py [PATH] [--format text|md|json] [--include-dotenv]

Values of string literals that look like secrets are never printed; only their length is reported.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import asdict, dataclass
from pathlib import Path

SKIP_DIRS = {".git", "node_modules", "vendor", ".venv", "venv", "dist", "build", "__pycache__", ".tox", "target"}
TEXT_SUFFIXES = {
    ".py", ".js", ".mjs", ".cjs", ".ts", ".tsx", ".jsx", ".go", ".rb", ".java", ".kt", ".cs", ".php",
    ".yml", ".yaml", ".json", ".toml", ".ini", ".cfg", ".conf", ".properties", ".tf", ".env.example", ".sample",
}
SECRETISH = r"[A-Z0-9_]*(SECRET|KEY|TOKEN|PASSWORD|PASSWD|SALT|PRIVATE|CREDENTIAL)[A-Z0-9_]*"


@dataclass
class Finding:
    path: str
    line: int
    rule: str
    detail: str


def redact(literal: str) -> str:
    return f"<literal, {len(literal)} chars>"


RULES: list[tuple[str, re.Pattern[str], callable]] = []


def rule(name: str, pattern: str, flags: int = 0):
    def wrap(fn):
        RULES.append((name, re.compile(pattern, flags), fn))
        return fn
    return wrap


@rule("secret-fallback",
      r"""(?:getenv|environ\.get|ENV\.fetch|process\.env\.)\(?\s*['"]?(""" + SECRETISH + r""")['"]?\s*(?:,|\|\||\?\?|or)\s*['"]([^'"]+)['"]""",
      re.I)
def _secret_fallback(m):
    return f"{m.group(1)} falls back to {redact(m.group(3))}"


@rule("debug-on", r"""^\s*(DEBUG\s*=\s*True|debug\s*:\s*true|app\.debug\s*=\s*True|"debug"\s*:\s*true)""", re.I)
def _debug(m):
    return "debug enabled by default"


@rule("node-env-default", r"""NODE_ENV\s*(\|\||\?\?)\s*['"]development['"]""")
def _node_env(m):
    return "NODE_ENV defaults to development"


@rule("tls-verify-off",
      r"""(verify\s*=\s*False|rejectUnauthorized\s*:\s*false|InsecureSkipVerify\s*:\s*true|NODE_TLS_REJECT_UNAUTHORIZED\s*=\s*['"]?0|CURLOPT_SSL_VERIFYPEER\s*,\s*(0|false)|ssl_verify\s*[:=]\s*false)""",
      re.I)
def _tls(m):
    return f"TLS verification disabled ({m.group(1).split()[0]})"


@rule("cors-wildcard", r"""(allow_origins\s*=\s*\[\s*['"]\*['"]|origin\s*:\s*['"]\*['"]|Access-Control-Allow-Origin['"]?\s*[,:]\s*['"]\*|AllowAnyOrigin\(\))""", re.I)
def _cors(m):
    return "wildcard CORS origin (check whether credentials are allowed)"


@rule("allowed-hosts-wildcard", r"""ALLOWED_HOSTS\s*=\s*\[\s*['"]\*['"]""")
def _hosts(m):
    return "ALLOWED_HOSTS accepts any host"


@rule("default-db-password", r"""(POSTGRES_PASSWORD|MYSQL_ROOT_PASSWORD|MYSQL_PASSWORD|MONGO_INITDB_ROOT_PASSWORD|RABBITMQ_DEFAULT_PASS)\s*[:=]\s*['"]?(postgres|root|password|admin|changeme|example|secret|guest)['"]?\s*$""", re.I)
def _dbpw(m):
    return f"{m.group(1)} set to a well-known default"


@rule("weak-bcrypt", r"""(bcrypt\.(gensalt|hash|hashSync|genSalt)\w*\(\s*(rounds\s*=\s*)?|BCRYPT_ROUNDS\s*=\s*|cost\s*[:=]\s*)([4-9])\b""")
def _bcrypt(m):
    return f"bcrypt cost {m.group(4)} (< 10)"


@rule("weak-pbkdf2", r"""pbkdf2\w*\([^)]*?\b([1-9]\d{0,4})\b\s*[,)]""", re.I)
def _pbkdf2(m):
    n = int(m.group(1))
    return f"PBKDF2 iterations {n}" if n < 100_000 else ""


@rule("weak-password-hash", r"""(md5|sha1)\s*\(\s*[^)]*pass""", re.I)
def _weakhash(m):
    return f"{m.group(1).upper()} used on a password"


@rule("static-iv", r"""\b(iv|nonce)\s*=\s*(b?['"][^'"]{8,}['"]|bytes\(\s*\d+\s*\)|new Uint8Array\(\s*\d+\s*\)|Buffer\.alloc\(\s*\d+\s*\))""", re.I)
def _iv(m):
    return f"constant {m.group(1)}"


@rule("cookie-flags-off", r"""(SESSION_COOKIE_SECURE|CSRF_COOKIE_SECURE|SESSION_COOKIE_HTTPONLY)\s*=\s*False|(secure|httpOnly)\s*:\s*false""")
def _cookie(m):
    return "cookie security flag disabled"


def iter_files(root: Path, include_dotenv: bool):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for name in filenames:
            p = Path(dirpath, name)
            if name == ".env" or (name.startswith(".env.") and not name.endswith((".example", ".sample"))):
                if include_dotenv:
                    yield p, "dotenv"
                continue
            if name.startswith("docker-compose") or name in {"values.yaml", "Dockerfile"}:
                yield p, "text"
            elif any(name.endswith(s) for s in TEXT_SUFFIXES):
                yield p, "text"


def scan_text(path: Path, rel: str) -> list[Finding]:
    out: list[Finding] = []
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return out
    for no, line in enumerate(lines, 1):
        if len(line) > 2000:
            continue
        for name, rx, fn in RULES:
            m = rx.search(line)
            if m:
                detail = fn(m)
                if detail:
                    out.append(Finding(rel, no, name, detail))
    return out


def scan_dotenv(path: Path, rel: str) -> list[Finding]:
    """Report variables whose value equals the value in .env.example (values are not printed)."""
    example = None
    for cand in (".env.example", ".env.sample", ".env.template"):
        if (path.parent / cand).is_file():
            example = path.parent / cand
            break
    if example is None:
        return []

    def load(p: Path) -> dict[str, str]:
        d = {}
        for line in p.read_text(encoding="utf-8", errors="replace").splitlines():
            line = line.strip()
            if line and not line.startswith("#") and "=" in line:
                k, _, v = line.partition("=")
                d[k.strip().removeprefix("export ").strip()] = v.strip().strip('"').strip("'")
        return d

    real, ex = load(path), load(example)
    return [
        Finding(rel, 0, "dotenv-example-value", f"{k} still has the value from {example.name}")
        for k in sorted(real)
        if k in ex and ex[k] and real[k] == ex[k] and re.fullmatch(SECRETISH, k, re.I)
    ]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("path", nargs="?", default=".")
    ap.add_argument("--format", choices=("text", "md", "json"), default="text")
    ap.add_argument("--include-dotenv", action="store_true")
    args = ap.parse_args()

    root = Path(args.path).resolve()
    findings: list[Finding] = []
    for p, kind in iter_files(root, args.include_dotenv):
        rel = str(p.relative_to(root))
        findings.extend(scan_dotenv(p, rel) if kind == "dotenv" else scan_text(p, rel))

    if args.format == "json":
        json.dump([asdict(f) for f in findings], sys.stdout, indent=2)
        print()
    elif args.format == "md":
        print("| # | Location | Rule | Detail |")
        print("|---|----------|------|--------|")
        for i, f in enumerate(findings, 1):
            print(f"| {i} | {f.path}:{f.line} | {f.rule} | {f.detail} |")
    else:
        for f in findings:
            print(f"{f.path}:{f.line}: [{f.rule}] {f.detail}")
        print(f"\n{len(findings)} candidate(s). Verify each by reading the code.", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
