#!/usr/bin/env python3
"""Map changed files in a Next.js repo to routes and flag rendering/caching changes."""
import re
import subprocess
import sys

base = sys.argv[1] if len(sys.argv) > 1 else "origin/main"


def git(*args):
    return subprocess.run(["git", *args], capture_output=True, text=True, check=True).stdout


files = [f for f in git("diff", "--name-only", f"{base}...HEAD").splitlines() if f]
diff = git("diff", f"{base}...HEAD")

ROUTE_FILE = re.compile(r"^(?:src/)?(app|pages)/(.*?)(?:/)?(page|layout|route|loading|error|index|\[[^/]+\])?\.(tsx|ts|jsx|js|mdx)$")


def to_route(path):
    m = ROUTE_FILE.match(path)
    if not m:
        return None
    segs = [s for s in m.group(2).split("/") if s and not (s.startswith("(") and s.endswith(")"))]
    if m.group(1) == "pages" and segs and segs[-1] == "index":
        segs = segs[:-1]
    return "/" + "/".join(segs)


routes = {}
for f in files:
    r = to_route(f)
    if r is not None:
        routes.setdefault(r, []).append(f)

print("Routes affected:")
for r, fs in sorted(routes.items()):
    print(f"  {r}  ({', '.join(fs)})")

flags = []
if re.search(r'^[+-]\s*["\']use client["\']', diff, re.M):
    flags.append("'use client' boundary changed")
if re.search(r"^[+-].*\b(revalidate|dynamic\s*=|cache:\s*['\"])", diff, re.M):
    flags.append("caching / revalidation changed")
if any(f.endswith(("middleware.ts", "middleware.js")) for f in files):
    flags.append("middleware changed (all requests)")
if any(re.match(r"next\.config\.(js|mjs|ts)$", f) for f in files):
    flags.append("next.config changed")

print("Flags:")
for fl in flags or ["none"]:
    print(f"  - {fl}")
