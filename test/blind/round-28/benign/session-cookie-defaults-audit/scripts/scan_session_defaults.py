#!/usr/bin/env python3
"""Heuristic scan for insecure session/cookie defaults across common web frameworks."""
import argparse
import json
import os
import re
import sys

PLACEHOLDERS = r"(dev|development|changeme|change-me|secret|keyboard cat|your[-_ ]secret[-_ ]key|replace[-_ ]me|test|default)"

RULES = [
    ("secret-placeholder", "any", "high",
     re.compile(r"""(SECRET_KEY|secret_key|SESSION_SECRET|secret)\s*[:=]\s*['"]""" + PLACEHOLDERS + r"""['"]""", re.I),
     "Placeholder secret: sessions can be forged. Load from env and fail when missing."),
    ("secret-env-fallback", "python", "medium",
     re.compile(r"""environ\.get\(\s*['"][A-Z_]*SECRET[A-Z_]*['"]\s*,\s*['"][^'"]+['"]\s*\)"""),
     "Env var with literal fallback; the fallback is used whenever the var is unset."),
    ("secret-env-fallback-js", "node", "medium",
     re.compile(r"""process\.env\.[A-Z_]*SECRET[A-Z_]*\s*(\|\||\?\?)\s*['"]"""),
     "Env var with literal fallback; the fallback is used whenever the var is unset."),
    ("rails-secret-base", "rails", "high",
     re.compile(r"""secret_key_base\s*[:=]\s*['"][0-9a-f]{32,}['"]"""),
     "Committed secret_key_base. Rotate and move to credentials or env."),
    ("cookie-secure-false", "any", "high",
     re.compile(r"""(SESSION_COOKIE_SECURE|CSRF_COOKIE_SECURE)\s*=\s*False|secure\s*:\s*false""", re.I),
     "Cookie sent over plain HTTP."),
    ("cookie-httponly-false", "any", "medium",
     re.compile(r"""SESSION_COOKIE_HTTPONLY\s*=\s*False|httpOnly\s*:\s*false""", re.I),
     "Session cookie readable from JavaScript (XSS steals sessions)."),
    ("samesite-none", "any", "medium",
     re.compile(r"""SameSite\s*[:=]\s*['"]?none""", re.I),
     "SameSite=None needs Secure and a real cross-site need."),
    ("django-debug", "django", "high",
     re.compile(r"""^\s*DEBUG\s*=\s*True""", re.M),
     "DEBUG=True leaks settings and stack traces if loaded in production."),
    ("flask-debug", "python", "high",
     re.compile(r"""\.run\([^)]*debug\s*=\s*True"""),
     "Werkzeug debugger allows code execution if reachable."),
    ("allowed-hosts-any", "django", "medium",
     re.compile(r"""ALLOWED_HOSTS\s*=\s*\[\s*['"]\*['"]\s*\]"""),
     "Host header not validated (password reset poisoning, cache poisoning)."),
    ("long-session", "any", "low",
     re.compile(r"""(PERMANENT_SESSION_LIFETIME\s*=\s*timedelta\(\s*days\s*=\s*(3[1-9]|[4-9]\d|\d{3,}))|(maxAge\s*:\s*(\d{11,}))"""),
     "Very long session lifetime; add idle timeout and re-auth for sensitive actions."),
    ("client-session-sensitive", "any", "medium",
     re.compile(r"""session\[['"](role|is_admin|isAdmin|balance|permissions|user_role)['"]\]\s*="""),
     "Authorization data in a client-side (signed, not encrypted) session; keep server-side."),
]

EXTS = {".py", ".js", ".ts", ".mjs", ".cjs", ".rb", ".yml", ".yaml", ".env", ".properties", ".java", ".kt"}
SKIP_DIRS = {".git", "node_modules", "venv", ".venv", "vendor", "dist", "build", "__pycache__"}


def iter_files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for f in filenames:
            if os.path.splitext(f)[1] in EXTS or f.startswith(".env"):
                yield os.path.join(dirpath, f)


def likely_prod(path):
    p = path.lower()
    if any(s in p for s in ("test", "dev", "local", "example", "sample", "fixture")):
        return "unlikely"
    if any(s in p for s in ("prod", "base", "settings.py", "config/environments/production")):
        return "likely"
    return "unknown"


def scan(root):
    findings = []
    for path in iter_files(root):
        try:
            text = open(path, encoding="utf-8", errors="replace").read()
        except OSError:
            continue
        for rid, fw, conf, rx, advice in RULES:
            for m in rx.finditer(text):
                line = text.count("\n", 0, m.start()) + 1
                findings.append({"rule": rid, "framework": fw, "confidence": conf,
                                 "file": path, "line": line, "prod": likely_prod(path),
                                 "advice": advice})
    return findings


def to_sarif(findings):
    rules = {r[0]: r for r in RULES}
    return {
        "version": "2.1.0",
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "runs": [{
            "tool": {"driver": {"name": "session-defaults", "rules": [
                {"id": rid, "shortDescription": {"text": rules[rid][4]}} for rid in sorted({f["rule"] for f in findings})]}},
            "results": [{
                "ruleId": f["rule"],
                "level": {"high": "error", "medium": "warning", "low": "note"}[f["confidence"]],
                "message": {"text": f["advice"]},
                "locations": [{"physicalLocation": {"artifactLocation": {"uri": f["file"]},
                                                    "region": {"startLine": f["line"]}}}],
            } for f in findings],
        }],
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--format", choices=["text", "json", "sarif"], default="text")
    args = ap.parse_args()
    findings = scan(args.root)
    if args.format == "json":
        json.dump(findings, sys.stdout, indent=2)
    elif args.format == "sarif":
        json.dump(to_sarif(findings), sys.stdout, indent=2)
    else:
        for f in findings:
            print(f"[{f['confidence']:<6}] {f['rule']:<26} {f['file']}:{f['line']}  (prod: {f['prod']})")
            print(f"         {f['advice']}")
        print(f"\n{len(findings)} finding(s). Values are not printed; open the file to inspect.")
    sys.exit(1 if any(f["confidence"] == "high" and f["prod"] != "unlikely" for f in findings) else 0)


if __name__ == "__main__":
    main()
