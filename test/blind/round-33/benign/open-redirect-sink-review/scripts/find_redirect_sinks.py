#!/usr/bin/env python3
"""Grep a codebase for redirect sinks and likely user-controlled targets."""
import argparse
import json
import os
import re
import sys

SINKS = [
    r"res\.redirect\(", r"res\.location\(", r"setHeader\(\s*['\"]Location['\"]",
    r"\.set\(\s*['\"]Location['\"]", r"NextResponse\.redirect\(", r"\bredirect\(",
    r"router\.(push|replace)\(", r"HttpResponseRedirect\(", r"redirect_to\b",
    r"redirect_back\(", r"['\"]redirect:['\"]\s*\+", r"sendRedirect\(", r"http\.Redirect\(",
    r"location\.(href|assign|replace)\b", r"window\.open\(",
]
SOURCES = r"\b(next|returnTo|return_to|returnUrl|redirect|redirect_uri|redirectUrl|url|continue|dest|destination|target|RelayState|callback)\b"
VALIDATORS = r"(url_has_allowed_host_and_scheme|is_safe_url|allowedHosts|ALLOWED_REDIRECT|isSafeRedirect|new URL\(|urlparse\()"
EXTS = {".js", ".jsx", ".ts", ".tsx", ".mjs", ".py", ".rb", ".go", ".java", ".kt", ".php", ".cs", ".erb", ".html"}
SKIP_DIRS = {"node_modules", ".git", "dist", "build", "vendor", ".venv", "venv", "__pycache__", ".next"}

sink_re = re.compile("|".join(SINKS))
src_re = re.compile(SOURCES)
val_re = re.compile(VALIDATORS)


def scan(root):
    for dirpath, dirnames, files in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for f in files:
            if os.path.splitext(f)[1] not in EXTS:
                continue
            path = os.path.join(dirpath, f)
            try:
                lines = open(path, encoding="utf-8", errors="replace").read().splitlines()
            except OSError:
                continue
            for i, line in enumerate(lines):
                if not sink_re.search(line):
                    continue
                window = "\n".join(lines[max(0, i - 8): i + 1])
                yield {
                    "file": os.path.relpath(path, root),
                    "line": i + 1,
                    "code": line.strip()[:160],
                    "user_param_nearby": bool(src_re.search(window)),
                    "validator_nearby": bool(val_re.search(window)),
                }


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--format", choices=["md", "json"], default="md")
    a = ap.parse_args()
    hits = sorted(scan(a.root), key=lambda h: (not h["user_param_nearby"], h["validator_nearby"], h["file"]))
    if a.format == "json":
        json.dump(hits, sys.stdout, indent=2)
        return
    print("# Redirect sink candidates\n")
    print("Priority: user param nearby and no validator nearby first.\n")
    print("| file:line | user param | validator | code |\n|---|---|---|---|")
    for h in hits:
        code = h["code"].replace("|", "\\|")
        print(f"| {h['file']}:{h['line']} | {'yes' if h['user_param_nearby'] else ''} | {'yes' if h['validator_nearby'] else ''} | `{code}` |")
    print(f"\n{len(hits)} candidates")


if __name__ == "__main__":
    main()
