#!/usr/bin/env python3
"""First-pass entry point finder. Regex-based; reports file:line, kind, trigger, auth hints."""
import argparse
import json
import os
import re
import sys

SKIP_DIRS = {".git", "node_modules", "vendor", ".venv", "venv", "dist", "build", "__pycache__", ".next", "target"}

PATTERNS = [
    # kind, file-extension regex, pattern, trigger group builder
    ("HTTP", r"\.py$", re.compile(r"@(?:\w+\.)?(route|get|post|put|patch|delete)\(\s*['\"]([^'\"]+)['\"](?:.*methods=\[([^\]]*)\])?"),
     lambda m: f"{(m.group(3) or m.group(1)).upper().replace(chr(39), '').replace(chr(34), '')} {m.group(2)}"),
    ("HTTP", r"urls\.py$", re.compile(r"(?:re_)?path\(\s*r?['\"]([^'\"]*)['\"]\s*,\s*([\w\.]+)"), lambda m: f"ANY /{m.group(1)} -> {m.group(2)}"),
    ("HTTP", r"\.(js|ts|mjs|cjs)$", re.compile(r"\b(?:app|router|server)\.(get|post|put|patch|delete|all|use)\(\s*['\"`]([^'\"`]+)['\"`]"),
     lambda m: f"{m.group(1).upper()} {m.group(2)}"),
    ("HTTP", r"\.(java|kt)$", re.compile(r"@(Get|Post|Put|Patch|Delete|Request)Mapping\(\s*(?:value\s*=\s*)?\"?([^\")]*)"),
     lambda m: f"{m.group(1).upper()} {m.group(2)}"),
    ("HTTP", r"\.go$", re.compile(r"\.(HandleFunc|Handle|GET|POST|PUT|PATCH|DELETE|Get|Post|Put|Delete)\(\s*\"([^\"]+)\""),
     lambda m: f"{m.group(1).upper()} {m.group(2)}"),
    ("HTTP", r"routes\.rb$", re.compile(r"^\s*(get|post|put|patch|delete|resources?)\s+['\":]([\w/:\-]+)"), lambda m: f"{m.group(1).upper()} {m.group(2)}"),
    ("Queue", r"\.py$", re.compile(r"@(?:\w+\.)?(?:shared_)?task\b"), lambda m: "celery task"),
    ("Queue", r"\.(js|ts)$", re.compile(r"new Worker\(\s*['\"]([^'\"]+)"), lambda m: f"BullMQ {m.group(1)}"),
    ("GraphQL", r"\.(js|ts|py)$", re.compile(r"(Mutation|Query)\s*[:=]\s*\{|@strawberry\.(mutation|field)"), lambda m: "resolver"),
    ("CLI", r"\.py$", re.compile(r"@click\.command|argparse\.ArgumentParser\("), lambda m: "command line"),
]
AUTH_HINTS = re.compile(r"login_required|permission_required|Depends\(\s*(get_current_user|auth)|requireAuth|isAuthenticated|"
                        r"@PreAuthorize|@Secured|authenticate_user!|before_action\s+:authenticate|jwt_required|AuthGuard", re.I)
PUBLIC_HINTS = re.compile(r"AllowAny|@public|skip_before_action\s+:authenticate|permitAll", re.I)
NEXT_API = re.compile(r"(^|/)(pages/api/.+\.(js|ts)|app/.+/route\.(js|ts))$")


def scan(root):
    for dirpath, dirnames, files in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for f in files:
            path = os.path.join(dirpath, f)
            rel = os.path.relpath(path, root)
            if NEXT_API.search(rel.replace(os.sep, "/")):
                yield {"kind": "HTTP", "where": f"{rel}:1", "trigger": "Next.js route file", "auth": "unknown"}
            try:
                lines = open(path, encoding="utf-8", errors="ignore").read().splitlines()
            except OSError:
                continue
            for kind, ext, rx, trig in PATTERNS:
                if not re.search(ext, f):
                    continue
                for i, line in enumerate(lines):
                    m = rx.search(line)
                    if not m:
                        continue
                    ctx = "\n".join(lines[max(0, i - 4): i + 6])
                    auth = "public?" if PUBLIC_HINTS.search(ctx) else ("auth" if AUTH_HINTS.search(ctx) else "unknown")
                    yield {"kind": kind, "where": f"{rel}:{i + 1}", "trigger": trig(m), "auth": auth}


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--format", choices=["md", "json"], default="md")
    a = ap.parse_args()
    rows = list(scan(a.root))
    if a.format == "json":
        json.dump(rows, sys.stdout, indent=2)
        return
    print("| # | Kind | Trigger | Location | Auth (heuristic) |")
    print("|---|------|---------|----------|------------------|")
    for n, r in enumerate(rows, 1):
        print(f"| {n} | {r['kind']} | `{r['trigger']}` | {r['where']} | {r['auth']} |")
    print(f"\n{len(rows)} candidate entry points; auth column is a heuristic — verify by reading.", file=sys.stderr)


if __name__ == "__main__":
    main()
