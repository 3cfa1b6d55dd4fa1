#!/usr/bin/env python3
"""Bump, changelog, tag and publish. Pair with the checks/ pre-flight suite."""
import argparse
import datetime as dt
import json
import pathlib
import re
import shutil
import subprocess
import sys

ROOT = pathlib.Path(subprocess.run(["git", "rev-parse", "--show-toplevel"],
                                   capture_output=True, text=True).stdout.strip() or ".")


def git(*a, check=True):
    return subprocess.run(["git", *a], cwd=ROOT, capture_output=True, text=True, check=check).stdout.strip()


def last_tag():
    return git("describe", "--tags", "--abbrev=0", check=False) or None


def suggest():
    t = last_tag() or "v0.0.0"
    ma, mi, pa = (int(x) for x in t.lstrip("v").split("."))
    log = git("log", f"{t}..HEAD" if last_tag() else "HEAD", "--pretty=%s%n%b")
    if re.search(r"BREAKING CHANGE|^\w+(\(.+\))?!:", log, re.M):
        return f"{ma + 1}.0.0"
    if re.search(r"^feat", log, re.M):
        return f"{ma}.{mi + 1}.0"
    return f"{ma}.{mi}.{pa + 1}"


def sub(path, pattern, repl):
    p = ROOT / path
    if p.exists():
        new, n = re.subn(pattern, repl, p.read_text(), count=1, flags=re.M)
        if n:
            p.write_text(new)
            print(f"  bumped {path}")


def bump(v):
    sub("pyproject.toml", r'^(version\s*=\s*")[^"]+(")', rf"\g<1>{v}\g<2>")
    sub("Cargo.toml", r'^(version\s*=\s*")[^"]+(")', rf"\g<1>{v}\g<2>")
    for init in list(ROOT.glob("src/*/__init__.py")) + list(ROOT.glob("*/__init__.py")):
        sub(init.relative_to(ROOT), r'^(__version__\s*=\s*["\'])[^"\']+(["\'])', rf"\g<1>{v}\g<2>")
    for gs in ROOT.glob("*.gemspec"):
        sub(gs.name, r'(\.version\s*=\s*["\'])[^"\']+(["\'])', rf"\g<1>{v}\g<2>")
    pj = ROOT / "package.json"
    if pj.exists():
        d = json.loads(pj.read_text())
        d["version"] = v
        pj.write_text(json.dumps(d, indent=2) + "\n")
        print("  bumped package.json")
    changelog(v)


def changelog(v):
    t = last_tag()
    lines = [l for l in git("log", f"{t}..HEAD" if t else "HEAD", "--pretty=%s (%h)").splitlines()
             if l and not l.startswith("chore(release)")]
    groups = {"Features": [l for l in lines if l.startswith("feat")],
              "Fixes": [l for l in lines if re.match(r"(fix|perf)", l)]}
    groups["Other"] = [l for l in lines if l not in groups["Features"] + groups["Fixes"]]
    sec = f"## [{v}] - {dt.date.today():%Y-%m-%d}\n\n"
    for k, items in groups.items():
        if items:
            sec += f"### {k}\n\n" + "".join(f"- {i}\n" for i in items) + "\n"
    cl = ROOT / "CHANGELOG.md"
    old = cl.read_text() if cl.exists() else "# Changelog\n\n"
    m = re.search(r"^## \[", old, re.M)
    cl.write_text(old[:m.start()] + sec + old[m.start():] if m else old + sec)
    print(sec)


def tag(v):
    git("commit", "-am", f"chore(release): v{v}")
    git("tag", "-s", f"v{v}", "-m", f"v{v}")
    print(f"  tagged v{v}")


def run(*cmd, cwd=ROOT):
    print("  $", " ".join(cmd))
    subprocess.run(cmd, cwd=cwd, check=True)


def publish():
    if (ROOT / "pyproject.toml").exists():
        shutil.rmtree(ROOT / "dist", ignore_errors=True)
        run(sys.executable, "-m", "build")
        run(sys.executable, "-m", "twine", "upload", *map(str, (ROOT / "dist").iterdir()))
    if (ROOT / "package.json").exists():
        run("npm", "publish", "--access", "public")
    if (ROOT / "Cargo.toml").exists():
        run("cargo", "publish")
    for gs in ROOT.glob("*.gemspec"):
        run("gem", "build", gs.name)
        for g in ROOT.glob("*.gem"):
            run("gem", "push", g.name)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cmd", choices=["next", "bump", "tag", "publish"])
    ap.add_argument("version", nargs="?")
    a = ap.parse_args()
    if a.cmd == "next":
        print(suggest())
    elif a.cmd == "bump":
        bump((a.version or suggest()).lstrip("v"))
    elif a.cmd == "tag":
        tag((a.version or suggest()).lstrip("v"))
    else:
        publish()


if __name__ == "__main__":
    main()
