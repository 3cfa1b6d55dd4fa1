#!/usr/bin/env python3
"""Steadfast helper: next | bump VERSION | publish."""
import datetime
import glob
import json
import os
import re
import subprocess
import sys


def git(*args):
    r = subprocess.run(["git", *args], capture_output=True, text=True)
    return r.stdout.strip() if r.returncode == 0 else ""


def prev_tag():
    return git("describe", "--tags", "--abbrev=0")


def next_version():
    tag = prev_tag()
    major, minor, patch = (int(x) for x in (tag or "v0.0.0").lstrip("v").split(".")[:3])
    log = git("log", f"{tag}..HEAD" if tag else "HEAD", "--pretty=%s%n%b")
    if re.search(r"BREAKING CHANGE|^\w+(\([^)]*\))?!:", log, re.M):
        return f"{major + 1}.0.0" if major else f"0.{minor + 1}.0"
    if re.search(r"^feat", log, re.M):
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def replace_first(path, pattern, repl, flags=re.M):
    if not os.path.exists(path):
        return
    text = open(path, encoding="utf-8").read()
    new, n = re.subn(pattern, repl, text, count=1, flags=flags)
    if n:
        open(path, "w", encoding="utf-8").write(new)
        print(f"  {path}")


def bump(v):
    if os.path.exists("package.json"):
        data = json.load(open("package.json"))
        data["version"] = v
        json.dump(data, open("package.json", "w"), indent=2)
        open("package.json", "a").write("\n")
        print("  package.json")
    replace_first("pyproject.toml", r'^(version\s*=\s*")[^"]+(")', rf"\g<1>{v}\g<2>")
    replace_first("Cargo.toml", r'^(version\s*=\s*")[^"]+(")', rf"\g<1>{v}\g<2>")
    for spec in glob.glob("*.gemspec"):
        replace_first(spec, r'(\.version\s*=\s*["\'])[^"\']+(["\'])', rf"\g<1>{v}\g<2>")
    for vr in glob.glob("lib/**/version.rb", recursive=True):
        replace_first(vr, r'(VERSION\s*=\s*["\'])[^"\']+(["\'])', rf"\g<1>{v}\g<2>")
    write_changelog(v)


def write_changelog(v):
    tag = prev_tag()
    subjects = [s for s in git("log", f"{tag}..HEAD" if tag else "HEAD", "--pretty=%s (%h)").splitlines()
                if s and not s.startswith("chore(release)")]
    feats = [s for s in subjects if s.startswith("feat")]
    fixes = [s for s in subjects if re.match(r"(fix|perf)", s)]
    other = [s for s in subjects if s not in feats and s not in fixes]
    out = [f"## [{v}] - {datetime.date.today().isoformat()}", ""]
    for title, items in (("Features", feats), ("Fixes", fixes), ("Other", other)):
        if items:
            out += [f"### {title}", ""] + [f"- {i}" for i in items] + [""]
    section = "\n".join(out) + "\n"
    old = open("CHANGELOG.md").read() if os.path.exists("CHANGELOG.md") else "# Changelog\n\n"
    m = re.search(r"^## \[", old, re.M)
    open("CHANGELOG.md", "w").write(old[:m.start()] + section + old[m.start():] if m else old + section)
    print("  CHANGELOG.md")


def run(cmd):
    print("$", " ".join(cmd))
    subprocess.run(cmd, check=True)


def publish():
    if os.path.exists("package.json"):
        run(["npm", "publish", "--access", "public"])
    if os.path.exists("pyproject.toml"):
        for f in glob.glob("dist/*"):
            os.remove(f)
        run([sys.executable, "-m", "build"])
        run([sys.executable, "-m", "twine", "upload", *glob.glob("dist/*")])
    if os.path.exists("Cargo.toml"):
        run(["cargo", "publish"])
    for spec in glob.glob("*.gemspec"):
        run(["gem", "build", spec])
    for gem in glob.glob("*.gem"):
        run(["gem", "push", gem])


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] not in {"next", "bump", "publish"}:
        sys.exit(__doc__)
    if sys.argv[1] == "next":
        print(next_version())
    elif sys.argv[1] == "bump":
        bump((sys.argv[2] if len(sys.argv) > 2 else next_version()).lstrip("v"))
    else:
        publish()
