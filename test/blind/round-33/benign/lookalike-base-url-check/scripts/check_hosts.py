#!/usr/bin/env python3
"""Offline lookalike-host detector for API base URLs and package indexes. No DNS, no HTTP."""
import argparse
import os
import re
from pathlib import Path

CANONICAL = ["api.openai.com", "api.anthropic.com", "generativelanguage.googleapis.com",
             "api.mistral.ai", "openrouter.ai", "pypi.org", "files.pythonhosted.org",
             "registry.npmjs.org", "registry.yarnpkg.com", "proxy.golang.org", "sum.golang.org",
             "index.crates.io", "crates.io", "static.crates.io", "registry-1.docker.io", "docker.io",
             "ghcr.io", "github.com", "gitlab.com", "rubygems.org", "repo.maven.apache.org",
             "huggingface.co", "conda.anaconda.org"]
BRANDS = ["openai", "anthropic", "pypi", "pythonhosted", "npmjs", "yarnpkg", "golang", "crates",
          "docker", "github", "gitlab", "rubygems", "huggingface", "anaconda"]
CONFUSABLE = str.maketrans({"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x",
                            "ο": "o", "і": "i", "ј": "j", "ԁ": "d", "ɡ": "g", "0": "o", "1": "l"})
URL_RE = re.compile(r"(https?)://([^/\s\"'`:]+)")
ENV_KEYS = re.compile(r"(_BASE_URL|_API_BASE|_ENDPOINT|GOPROXY|PIP_INDEX_URL|PIP_EXTRA_INDEX_URL|NPM_CONFIG_REGISTRY)$")
REPO_GLOBS = [".env*", "*.toml", "*.yaml", "*.yml", "*.json", ".npmrc", "pip.conf", "requirements*.txt",
              "Dockerfile", ".gitmodules", "go.env", ".cargo/config.toml", ".cargo/config"]
HOME_FILES = ["~/.npmrc", "~/.config/pip/pip.conf", "~/.pip/pip.conf", "~/.cargo/config.toml",
              "~/.gitconfig", "~/.docker/config.json"]


def lev(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]


def registrable(host):
    parts = host.split(".")
    return ".".join(parts[-2:]) if len(parts) >= 2 else host


def decode(host):
    labels = []
    for lab in host.split("."):
        if lab.startswith("xn--"):
            try:
                lab = lab.encode().decode("idna")
            except UnicodeError:
                pass
        labels.append(lab)
    return ".".join(labels)


def judge(scheme, host, allow):
    h = host.lower().rstrip(".")
    if h in allow or h in CANONICAL:
        return ("MEDIUM", "plain http") if scheme == "http" and h in CANONICAL else None
    dec = decode(h)
    skel = dec.translate(CONFUSABLE)
    for c in CANONICAL:
        if dec != h and skel == c.translate(CONFUSABLE):
            return "HIGH", f"punycode {h} renders as {dec}, confusable with {c}"
        if h.startswith(c + ".") or h.startswith(c + "-"):
            return "HIGH", f"registrable domain is {registrable(h)}; canonical name used as a prefix"
        d = lev(registrable(skel), registrable(c))
        if 0 < d <= 2 and registrable(h) != registrable(c):
            return "HIGH", f"edit distance {d} from {c}"
    for b in BRANDS:
        if b in registrable(h) and not any(h == c or h.endswith("." + registrable(c)) for c in CANONICAL):
            return "MEDIUM", f"brand '{b}' in unrelated domain {registrable(h)}"
    if scheme == "http" and not h.startswith(("localhost", "127.")):
        return "MEDIUM", "plain http"
    return None


def scan_text(label, text, allow, out):
    for n, line in enumerate(text.splitlines(), 1):
        if '"auth"' in line or '"identitytoken"' in line:
            continue
        for scheme, host in URL_RE.findall(line):
            j = judge(scheme, host, allow)
            if j:
                out.append((j[0], f"{label}:{n}", line.strip()[:160], j[1]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--repo", default=".")
    ap.add_argument("--home", action="store_true")
    ap.add_argument("--allow", default="")
    a = ap.parse_args()
    allow = {x.strip().lower() for x in a.allow.split(",") if x.strip()}
    allow_file = Path(a.repo) / "lookalike-allow.txt"
    if allow_file.exists():
        allow |= {l.strip().lower() for l in allow_file.read_text().splitlines() if l.strip()}
    out = []
    root = Path(a.repo)
    for pat in REPO_GLOBS:
        for p in root.rglob(pat):
            if any(s in p.parts for s in ("node_modules", ".git", ".venv", "vendor")) or not p.is_file():
                continue
            scan_text(str(p.relative_to(root)), p.read_text(errors="replace"), allow, out)
    if a.home:
        for f in HOME_FILES:
            p = Path(f).expanduser()
            if p.is_file():
                scan_text(f, p.read_text(errors="replace"), allow, out)
        for k, v in os.environ.items():
            if ENV_KEYS.search(k):
                scan_text(f"env:{k}", f"{k}={v}", allow, out)
    for sev, where, line, why in sorted(out):
        print(f"{sev:7}{where:28}{line}\n{'':7}{why}")
    if not out:
        print("no lookalike hosts found")


if __name__ == "__main__":
    main()
