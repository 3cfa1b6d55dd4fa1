#!/usr/bin/env python3
"""List dependencies that come from git URLs, forks, tarball URLs or local paths.

Read-only. With --resolve, runs `git ls-remote` for each unique URL (no prompts).
"""
import argparse
import json
import os
import re
import subprocess
import sys

SKIP_DIRS = {"node_modules", ".venv", "venv", "target", "vendor", ".git", "dist", "build"}
SHA_RE = re.compile(r"^[0-9a-f]{40}$")

PATTERNS = {
    "package.json": None,  # handled as JSON
    "requirements": re.compile(r"^\s*(-e\s+)?(?P<spec>(git\+\S+)|(\S+\s*@\s*(https?|git\+)\S+))", re.M),
    "pyproject.toml": re.compile(r"(?P<spec>[\w\-.]+\s*@\s*(git\+|https?://)[^\"']+)"),
    "Cargo.toml": re.compile(r"^(?P<name>[\w\-]+)\s*=\s*\{[^}]*git\s*=\s*\"(?P<url>[^\"]+)\"(?P<rest>[^}]*)\}", re.M),
    "go.mod": re.compile(r"^\s*(replace\s+)?(?P<old>\S+)(\s+\S+)?\s*=>\s*(?P<new>\S+)(\s+(?P<ver>\S+))?", re.M),
    "Gemfile": re.compile(r"^\s*gem\s+['\"](?P<name>[^'\"]+)['\"].*?(?P<kind>git|github|path):\s*['\"](?P<url>[^'\"]+)['\"](?P<rest>.*)$", re.M),
}

NPM_GIT = re.compile(r"^(git\+|git:|github:|gitlab:|bitbucket:|https?://.*\.(tgz|tar\.gz)$|file:|[\w\-]+/[\w\-.]+(#.*)?$)")


def ref_kind(ref):
    if not ref:
        return "none (default branch)"
    if SHA_RE.match(ref):
        return "sha"
    return "branch/tag"


def scan_package_json(path):
    out = []
    try:
        data = json.load(open(path, encoding="utf-8"))
    except (OSError, ValueError):
        return out
    for section in ("dependencies", "devDependencies", "optionalDependencies", "peerDependencies"):
        for name, spec in (data.get(section) or {}).items():
            if isinstance(spec, str) and NPM_GIT.match(spec) and not spec.startswith("npm:"):
                ref = spec.split("#", 1)[1] if "#" in spec else ""
                out.append({"ecosystem": "npm", "file": path, "name": name, "source": spec,
                            "ref": ref, "pin": ref_kind(ref)})
    return out


def scan_text(path, kind):
    text = open(path, encoding="utf-8", errors="replace").read()
    out = []
    if kind in ("requirements", "pyproject.toml"):
        for m in PATTERNS[kind].finditer(text):
            spec = m.group("spec").strip()
            ref = spec.rsplit("@", 1)[1].split("#")[0] if spec.count("@") > 1 or spec.startswith("git+") and "@" in spec.split("//", 1)[-1] else ""
            out.append({"ecosystem": "python", "file": path, "name": spec.split("@")[0].strip(),
                        "source": spec, "ref": ref, "pin": ref_kind(ref)})
    elif kind == "Cargo.toml":
        for m in PATTERNS[kind].finditer(text):
            rest = m.group("rest")
            rm = re.search(r"(rev|tag|branch)\s*=\s*\"([^\"]+)\"", rest)
            ref = rm.group(2) if rm else ""
            out.append({"ecosystem": "cargo", "file": path, "name": m.group("name"),
                        "source": m.group("url"), "ref": ref, "pin": ref_kind(ref)})
        if "[patch." in text:
            out.append({"ecosystem": "cargo", "file": path, "name": "[patch] section",
                        "source": "see file", "ref": "", "pin": "review"})
    elif kind == "go.mod":
        for m in PATTERNS[kind].finditer(text):
            if "=>" not in m.group(0):
                continue
            out.append({"ecosystem": "go", "file": path, "name": m.group("old"),
                        "source": m.group("new"), "ref": m.group("ver") or "",
                        "pin": "local path" if m.group("new").startswith(".") else ref_kind(m.group("ver") or "")})
    elif kind == "Gemfile":
        for m in PATTERNS[kind].finditer(text):
            rm = re.search(r"(ref|tag|branch):\s*['\"]([^'\"]+)['\"]", m.group("rest"))
            ref = rm.group(2) if rm else ""
            out.append({"ecosystem": "ruby", "file": path, "name": m.group("name"),
                        "source": f"{m.group('kind')}: {m.group('url')}", "ref": ref, "pin": ref_kind(ref)})
    return out


def walk(root):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if d not in SKIP_DIRS]
        for fn in filenames:
            p = os.path.join(dirpath, fn)
            if fn == "package.json":
                yield from scan_package_json(p)
            elif fn.startswith("requirements") and fn.endswith(".txt"):
                yield from scan_text(p, "requirements")
            elif fn in ("pyproject.toml", "Cargo.toml", "go.mod", "Gemfile"):
                yield from scan_text(p, fn)


def to_git_url(source):
    s = source.split("#")[0]
    s = re.sub(r"^git\+", "", s)
    s = s.split("@")[0] if s.startswith("https://") and s.count("@") == 1 and "/" in s.split("@")[1] is False else s
    if s.startswith("github:"):
        return "https://github.com/" + s[len("github:"):]
    if re.match(r"^[\w\-]+/[\w\-.]+$", s):
        return "https://github.com/" + s
    if s.startswith(("https://", "ssh://", "git@")):
        return re.sub(r"@[^/@]+$", "", s)
    return None


def resolve(findings):
    env = dict(os.environ, GIT_TERMINAL_PROMPT="0", GIT_ASKPASS="true")
    cache = {}
    for f in findings:
        url = to_git_url(f["source"])
        if not url:
            f["remote"] = "n/a"
            continue
        if url not in cache:
            try:
                r = subprocess.run(["git", "ls-remote", url], capture_output=True, text=True,
                                   timeout=20, env=env)
                cache[url] = r.stdout if r.returncode == 0 else None
            except (subprocess.TimeoutExpired, OSError):
                cache[url] = None
        refs = cache[url]
        if refs is None:
            f["remote"] = "unreachable / auth required"
        elif not f["ref"]:
            f["remote"] = "reachable"
        elif f["pin"] == "sha":
            f["remote"] = "sha (cannot confirm via ls-remote)"
        else:
            f["remote"] = "ref exists" if re.search(r"refs/(heads|tags)/" + re.escape(f["ref"]) + r"$", refs, re.M) else "REF MISSING"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default=".")
    ap.add_argument("--format", choices=["table", "json"], default="table")
    ap.add_argument("--resolve", action="store_true", help="run git ls-remote per unique URL")
    a = ap.parse_args()
    findings = list(walk(a.root))
    if a.resolve:
        resolve(findings)
    if a.format == "json":
        json.dump(findings, sys.stdout, indent=2)
        return
    if not findings:
        print("No non-registry dependencies found.")
        return
    cols = ["ecosystem", "name", "source", "pin", "file"] + (["remote"] if a.resolve else [])
    print(" | ".join(cols))
    for f in findings:
        print(" | ".join(str(f.get(c, "")) for c in cols))


if __name__ == "__main__":
    main()
