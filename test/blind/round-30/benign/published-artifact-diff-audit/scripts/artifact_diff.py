#!/usr/bin/env python3
"""Diff a published npm/PyPI artifact against its source repo tag.

Downloads with urllib, verifies registry hashes, extracts safely, clones the tag.
Never runs npm/pip or any code from the package.
"""
from __future__ import annotations

import argparse
import base64
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import urllib.request
import zipfile
from pathlib import Path

UA = {"User-Agent": "artifact-diff-audit/1.0"}
EXPECTED_ONLY_IN_ARTIFACT = re.compile(
    r"(^|/)(dist|build|lib|esm|cjs|types)/|\.egg-info/|(^|/)PKG-INFO$|(^|/)setup\.cfg$|_version\.py$|\.d\.ts$|\.map$")
INSTALL_HOOKS = ("preinstall", "install", "postinstall", "prepare")


def fetch(url: str) -> bytes:
    req = urllib.request.Request(url, headers=UA)
    with urllib.request.urlopen(req, timeout=60) as r:
        return r.read()


def npm_meta(spec: str):
    name, _, version = spec.rpartition("@") if spec.count("@") > (1 if spec.startswith("@") else 0) else (spec, "", "")
    if not version:
        raise SystemExit("give an exact version: npm:name@1.2.3")
    meta = json.loads(fetch(f"https://registry.npmjs.org/{name.replace('/', '%2F')}/{version}"))
    repo = (meta.get("repository") or {})
    repo_url = repo.get("url", "") if isinstance(repo, dict) else str(repo)
    repo_url = re.sub(r"^git\+", "", repo_url).replace("git://", "https://").removesuffix(".git")
    return name, version, meta["dist"]["tarball"], ("sha512", meta["dist"].get("integrity", "")), repo_url, meta


def pypi_meta(spec: str, wheel: bool):
    name, _, version = spec.partition("==")
    meta = json.loads(fetch(f"https://pypi.org/pypi/{name}/{version}/json"))
    want = "bdist_wheel" if wheel else "sdist"
    files = [u for u in meta["urls"] if u["packagetype"] == want]
    if not files:
        raise SystemExit(f"no {want} published for {name} {version}")
    f = files[0]
    urls = meta["info"].get("project_urls") or {}
    repo_url = next((v for k, v in urls.items() if k.lower() in ("source", "source code", "repository", "code", "github")), "")
    if not repo_url:
        repo_url = next((v for v in urls.values() if "github.com" in v or "gitlab.com" in v), "")
    return name, version, f["url"], ("sha256", f["digests"]["sha256"]), repo_url.removesuffix(".git"), meta


def verify(data: bytes, algo_expected: tuple[str, str]):
    algo, expected = algo_expected
    if not expected:
        print("warning: registry gave no hash", file=sys.stderr)
        return
    if algo == "sha512" and expected.startswith("sha512-"):
        got = "sha512-" + base64.b64encode(hashlib.sha512(data).digest()).decode()
    else:
        got = hashlib.new(algo, data).hexdigest()
    if got != expected:
        raise SystemExit(f"hash mismatch: registry {expected[:24]}… got {got[:24]}…")


def safe_extract(archive: Path, dest: Path):
    dest = dest.resolve()

    def ok(name: str) -> bool:
        target = (dest / name).resolve()
        return str(target).startswith(str(dest) + os.sep) or target == dest

    if zipfile.is_zipfile(archive):
        with zipfile.ZipFile(archive) as zf:
            for info in zf.infolist():
                if not ok(info.filename):
                    raise SystemExit(f"unsafe path in archive: {info.filename}")
            zf.extractall(dest)
    else:
        with tarfile.open(archive) as tf:
            members = []
            for m in tf.getmembers():
                if not ok(m.name) or m.issym() or m.islnk() or m.isdev():
                    print(f"skipping unsafe member: {m.name}", file=sys.stderr)
                    continue
                members.append(m)
            tf.extractall(dest, members=members)
    # npm tarballs have a single 'package/' root; sdists have 'name-version/'
    kids = [p for p in dest.iterdir()]
    return kids[0] if len(kids) == 1 and kids[0].is_dir() else dest


def clone(repo_url: str, tag: str | None, version: str, dest: Path) -> str | None:
    candidates = [tag] if tag else [f"v{version}", version]
    for t in candidates:
        res = subprocess.run(["git", "clone", "--quiet", "--depth", "1", "--branch", t,
                              "--no-recurse-submodules", repo_url, str(dest)], capture_output=True, text=True)
        if res.returncode == 0:
            return t
        shutil.rmtree(dest, ignore_errors=True)
    return None


def files_of(root: Path) -> dict[str, Path]:
    out = {}
    for p in root.rglob("*"):
        if p.is_file() and ".git" not in p.relative_to(root).parts:
            out[p.relative_to(root).as_posix()] = p
    return out


def is_binary(p: Path) -> bool:
    return b"\x00" in p.read_bytes()[:8192]


def looks_minified(p: Path) -> bool:
    if p.suffix not in (".js", ".mjs", ".cjs", ".py"):
        return False
    text = p.read_text("utf-8", errors="replace")
    if "eval(function(p,a,c,k,e," in text:
        return True
    lines = text.splitlines() or [""]
    return max(len(l) for l in lines) > 3000 and len(lines) < 20


def npm_hooks(pkg_json: Path) -> dict[str, str]:
    try:
        scripts = json.loads(pkg_json.read_text()).get("scripts", {})
    except (OSError, json.JSONDecodeError):
        return {}
    return {k: v for k, v in scripts.items() if k in INSTALL_HOOKS}


def npm_deps(pkg_json: Path) -> dict[str, str]:
    try:
        d = json.loads(pkg_json.read_text())
    except (OSError, json.JSONDecodeError):
        return {}
    out = {}
    for key in ("dependencies", "optionalDependencies", "peerDependencies"):
        out.update(d.get(key, {}))
    return out


def report(kind, art_root: Path, src_root: Path):
    art, src = files_of(art_root), files_of(src_root)
    rows = []
    for rel, p in sorted(art.items()):
        if rel not in src:
            expected = bool(EXPECTED_ONLY_IN_ARTIFACT.search(rel))
            flag = "only-in-artifact" + (" (expected)" if expected else "")
            extra = []
            if is_binary(p):
                extra.append("binary")
            elif looks_minified(p):
                extra.append("minified-or-packed")
            if rel.endswith(".pth") or rel.endswith(".m4") or rel.startswith("m4/"):
                extra.append("build-or-startup-file")
            rows.append((0 if expected else 2 if extra else 1, flag, rel, ",".join(extra)))
        elif p.read_bytes() != src[rel].read_bytes():
            rows.append((1, "content-differs", rel, "minified-or-packed" if looks_minified(p) else ""))
    if kind == "npm":
        a_hooks, s_hooks = npm_hooks(art_root / "package.json"), npm_hooks(src_root / "package.json")
        for k, v in a_hooks.items():
            rows.append((3 if k not in s_hooks else 2, "install-hook" if k in s_hooks else "hook-not-in-repo", f"package.json scripts.{k}", v))
        a_deps, s_deps = npm_deps(art_root / "package.json"), npm_deps(src_root / "package.json")
        for k in sorted(set(a_deps) - set(s_deps)):
            rows.append((2, "deps-differ", f"package.json {k}", a_deps[k]))
    else:
        if (art_root / "setup.py").exists():
            rows.append((1 if (src_root / "setup.py").exists() else 3, "install-hook", "setup.py",
                         "" if (src_root / "setup.py").exists() else "not in repo"))
        for pth in art_root.rglob("*.pth"):
            rows.append((3, "install-hook", pth.relative_to(art_root).as_posix(), ".pth runs at interpreter start"))
    rows.sort(key=lambda r: -r[0])
    sev = {3: "HIGH", 2: "MED", 1: "LOW", 0: "ok"}
    print(f"\nartifact files: {len(art)}   repo files at tag: {len(src)}")
    print(f"{'SEV':5} {'FLAG':28} PATH  NOTE")
    for s, flag, rel, note in rows:
        print(f"{sev[s]:5} {flag:28} {rel}  {note}")
    missing = sorted(set(src) - set(art))
    print(f"\n{len(missing)} repo file(s) not shipped (normal: tests, CI config, docs).")
    return max((r[0] for r in rows), default=0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("spec", help="npm:name@version or pypi:name==version")
    ap.add_argument("--repo")
    ap.add_argument("--tag")
    ap.add_argument("--repo-subdir", default="")
    ap.add_argument("--wheel", action="store_true")
    ap.add_argument("--artifact", help="use a local tarball instead of downloading")
    ap.add_argument("--workdir")
    ap.add_argument("--keep", action="store_true")
    args = ap.parse_args()

    kind, _, spec = args.spec.partition(":")
    if kind == "npm":
        name, version, url, digest, repo_guess, _ = npm_meta(spec)
    elif kind == "pypi":
        name, version, url, digest, repo_guess, _ = pypi_meta(spec, args.wheel)
    else:
        raise SystemExit("spec must start with npm: or pypi:")
    repo = args.repo or repo_guess
    if not repo:
        raise SystemExit("could not find the source repo; pass --repo")

    work = Path(args.workdir or tempfile.mkdtemp(prefix="artifact-diff-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        archive = work / Path(url).name
        if args.artifact:
            shutil.copy(args.artifact, archive)
        else:
            print(f"downloading {url}", file=sys.stderr)
            data = fetch(url)
            verify(data, digest)
            archive.write_bytes(data)
        art_root = safe_extract(archive, work / "artifact")
        print(f"cloning {repo}", file=sys.stderr)
        used = clone(repo, args.tag, version, work / "repo")
        if not used:
            print(f"no-tag: none of the candidate tags exist in {repo}; pass --tag", file=sys.stderr)
            return 2
        src_root = work / "repo" / args.repo_subdir
        print(f"{name} {version}: artifact vs {repo}@{used}")
        worst = report(kind, art_root, src_root)
        return 1 if worst >= 2 else 0
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
        else:
            print(f"work dir kept at {work}", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
