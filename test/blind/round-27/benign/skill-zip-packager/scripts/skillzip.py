#!/usr/bin/env python3
"""Pack, inspect and install agent skill folders as zip files."""
from __future__ import annotations

import argparse
import fnmatch
import hashlib
import io
import json
import os
import re
import shutil
import stat
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path, PurePosixPath

NAME_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ALWAYS_EXCLUDE = [".git", ".git/*", "*/.git/*", ".DS_Store", "*/.DS_Store", "__pycache__", "*/__pycache__/*",
                  "*.pyc", "node_modules/*", "*/node_modules/*", ".venv/*", "*/.venv/*", ".pytest_cache/*",
                  "*.swp", "*~", "dist/*", ".skillignore"]
SECRET_NAMES = [".env", ".env.*", "*.pem", "*.key", "id_rsa*", "id_ed25519*", "credentials*", "*.p12", "*.pfx"]
SECRET_CONTENT = re.compile(
    r"-----BEGIN [A-Z ]*PRIVATE KEY-----|\b(AKIA|ASIA)[0-9A-Z]{16}\b|\bgh[pousr]_[A-Za-z0-9]{36}\b|"
    r"\bxox[abprs]-[A-Za-z0-9-]{10,}|\bsk-ant-[A-Za-z0-9_-]{20,}|\bglpat-[A-Za-z0-9_-]{20}")
DOWNLOAD_EXEC = re.compile(r"(curl|wget)[^\n|]*\|\s*(ba|z)?sh\b|iwr[^\n|]*\|\s*iex|Invoke-Expression|base64\s+-d[^\n|]*\|\s*(ba)?sh")
URL_RE = re.compile(r"https?://[^\s)\"'>`]+")
MAX_UNPACKED = 50 * 1024 * 1024
FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def parse_front_matter(text: str) -> dict:
    if not text.startswith("---"):
        raise ValueError("SKILL.md has no YAML front matter")
    end = text.find("\n---", 3)
    if end < 0:
        raise ValueError("front matter not closed with ---")
    meta: dict = {}
    current = None
    for line in text[3:end].splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if line.startswith((" ", "\t")) and current:
            k, _, v = line.strip().partition(":")
            meta.setdefault(current, {})[k.strip()] = v.strip().strip("'\"")
            continue
        k, _, v = line.partition(":")
        current = k.strip()
        meta[current] = v.strip().strip("'\"") if v.strip() else {}
    return meta


def validate(folder: Path) -> tuple[dict, list[str], list[str]]:
    errors, warnings = [], []
    skill_md = folder / "SKILL.md"
    if not skill_md.is_file():
        return {}, [f"{folder}/SKILL.md not found"], []
    text = skill_md.read_text(encoding="utf-8")
    try:
        meta = parse_front_matter(text)
    except ValueError as e:
        return {}, [str(e)], []
    name, desc = meta.get("name", ""), meta.get("description", "")
    if not name:
        errors.append("front matter: name missing")
    elif not NAME_RE.match(name) or len(name) > 64:
        errors.append(f"name {name!r} must be lowercase-hyphenated, ≤ 64 chars")
    elif name != folder.name:
        errors.append(f"name {name!r} does not match folder name {folder.name!r}")
    if not desc:
        errors.append("front matter: description missing")
    elif len(desc) > 1024:
        errors.append(f"description is {len(desc)} chars (max 1024)")
    elif not re.search(r"\b(use|when)\b", desc, re.I):
        warnings.append("description doesn't say when to use the skill")
    if text.count("\n") > 500:
        warnings.append("SKILL.md is over 500 lines; consider moving detail into references/")
    for ref in set(re.findall(r"[`(]((?:scripts|references|assets|templates)/[\w./-]+)[`)]", text)):
        if not (folder / ref).exists():
            warnings.append(f"referenced file {ref} not found")
    return meta, errors, warnings


def load_ignore(folder: Path) -> tuple[list[str], set[str]]:
    pats, allowed = list(ALWAYS_EXCLUDE), set()
    f = folder / ".skillignore"
    if f.is_file():
        for line in f.read_text(encoding="utf-8").splitlines():
            line = line.strip()
            if line.startswith("!allow-secret-fixture "):
                allowed.add(line.split(None, 1)[1])
            elif line and not line.startswith("#"):
                pats.append(line)
    return pats, allowed


def collect(folder: Path) -> tuple[list[Path], list[str], set[str]]:
    pats, allowed = load_ignore(folder)
    files, problems = [], []
    for p in sorted(folder.rglob("*")):
        rel = p.relative_to(folder).as_posix()
        if any(fnmatch.fnmatch(rel, pat) or fnmatch.fnmatch(p.name, pat) for pat in pats):
            continue
        if p.is_symlink():
            problems.append(f"symlink not allowed: {rel}")
            continue
        if not p.is_file():
            continue
        if rel not in allowed:
            if any(fnmatch.fnmatch(p.name, pat) for pat in SECRET_NAMES):
                problems.append(f"secret-looking file name: {rel}")
                continue
            try:
                for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1):
                    if SECRET_CONTENT.search(line):
                        problems.append(f"possible secret in {rel}:{n}")
                        break
            except UnicodeDecodeError:
                pass
        files.append(p)
    return files, problems, allowed


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def cmd_pack(a) -> int:
    folder = Path(a.folder).resolve()
    meta, errors, warnings = validate(folder)
    for w in warnings:
        print(f"warning: {w}")
    if errors:
        for e in errors:
            print(f"error: {e}")
        return 1
    files, problems, allowed = collect(folder)
    if problems:
        print("refusing to pack:")
        for pr in problems:
            print(f"  - {pr}")
        print("remove them, or list deliberate test fixtures in .skillignore as '!allow-secret-fixture <path>'")
        return 1
    for fx in sorted(allowed):
        print(f"note: fixture {fx} is allowed and will ship in the zip")
    version = a.version or (meta.get("metadata") or {}).get("version") or f"0.0.0+{date.today():%Y%m%d}"
    name = meta["name"]
    out_dir = Path(a.out)
    out_dir.mkdir(parents=True, exist_ok=True)
    zpath = out_dir / f"{name}-{version}.zip"
    manifest = {"name": name, "version": version, "files": []}
    with zipfile.ZipFile(zpath, "w", zipfile.ZIP_DEFLATED) as z:
        for p in files:
            rel = p.relative_to(folder).as_posix()
            data = p.read_bytes()
            info = zipfile.ZipInfo(f"{name}/{rel}", date_time=FIXED_TIME)
            mode = 0o755 if (os.access(p, os.X_OK) or rel.startswith("scripts/")) else 0o644
            info.external_attr = (stat.S_IFREG | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
            manifest["files"].append({"path": rel, "sha256": sha256(data), "size": len(data)})
        info = zipfile.ZipInfo(f"{name}/MANIFEST.json", date_time=FIXED_TIME)
        info.external_attr = (stat.S_IFREG | 0o644) << 16
        z.writestr(info, json.dumps(manifest, indent=2))
    print(f"packed {len(files)} files → {zpath}")
    print(f"sha256 {sha256(zpath.read_bytes())}")
    return 0


def safe_members(z: zipfile.ZipFile) -> tuple[str, list[str]]:
    problems, tops, total = [], set(), 0
    for info in z.infolist():
        p = PurePosixPath(info.filename)
        if p.is_absolute() or ".." in p.parts or "\\" in info.filename:
            problems.append(f"unsafe path: {info.filename}")
        if stat.S_ISLNK(info.external_attr >> 16):
            problems.append(f"symlink entry: {info.filename}")
        total += info.file_size
        if p.parts:
            tops.add(p.parts[0])
    if total > MAX_UNPACKED:
        problems.append(f"unpacked size {total / 1e6:.1f} MB exceeds limit")
    if len(tops) != 1:
        problems.append(f"zip has {len(tops)} top-level entries (expected one skill folder)")
    return (next(iter(tops)) if len(tops) == 1 else ""), problems


def cmd_inspect(a) -> int:
    with zipfile.ZipFile(a.zip) as z:
        top, problems = safe_members(z)
        names = z.namelist()
        print(f"# {a.zip}\n")
        if problems:
            print("PROBLEMS:")
            for p in problems:
                print(f"  - {p}")
        if f"{top}/SKILL.md" in names:
            meta = parse_front_matter(z.read(f"{top}/SKILL.md").decode("utf-8", "replace"))
            print(f"name: {meta.get('name')}\ndescription: {meta.get('description')}\n")
        print("files:")
        for info in z.infolist():
            if not info.is_dir():
                print(f"  {info.file_size:>9}  {info.filename}")
        if f"{top}/MANIFEST.json" in names:
            man = json.loads(z.read(f"{top}/MANIFEST.json"))
            bad = [f["path"] for f in man.get("files", [])
                   if f"{top}/{f['path']}" not in names or sha256(z.read(f"{top}/{f['path']}")) != f["sha256"]]
            extra = [n for n in names if not n.endswith("/") and n[len(top) + 1:] not in
                     {f["path"] for f in man.get("files", [])} | {"MANIFEST.json"}]
            print(f"\nmanifest: {'OK' if not bad and not extra else 'MISMATCH'}"
                  + (f"; changed/missing: {bad}" if bad else "") + (f"; not in manifest: {extra}" if extra else ""))
        else:
            print("\nmanifest: none")
        print("\nexecutable content:")
        urls = set()
        for n in names:
            if n.endswith("/"):
                continue
            ext = PurePosixPath(n).suffix
            data = z.read(n)
            text = data.decode("utf-8", "replace")
            if ext in (".py", ".sh", ".js", ".mjs", ".ts", ".rb", ".go", ".ps1", ".bat"):
                print(f"  script {n} ({text.count(chr(10))} lines)")
            if n.endswith("package.json"):
                try:
                    scripts = json.loads(text).get("scripts", {})
                except json.JSONDecodeError:
                    scripts = {}
                for k, v in scripts.items():
                    flag = "  <-- runs on install" if k in ("preinstall", "install", "postinstall", "prepare") else ""
                    print(f"  npm script {k}: {v}{flag}")
            if n.endswith("requirements.txt"):
                for line in text.splitlines():
                    if line.strip() and not line.startswith("#") and "==" not in line:
                        print(f"  unpinned dependency: {line.strip()}")
            for m in DOWNLOAD_EXEC.finditer(text):
                print(f"  download-and-execute in {n}: {m.group(0)[:100]}")
            urls.update(URL_RE.findall(text))
        if urls:
            print("\nURLs mentioned:")
            for u in sorted(urls)[:50]:
                print(f"  {u}")
    return 1 if problems else 0


def cmd_install(a) -> int:
    rc = cmd_inspect(a)
    if rc:
        print("\nnot installing: fix the problems above first")
        return 1
    if not a.yes:
        reply = input("\nInstall this skill? [y/N] ").strip().lower()
        if reply not in ("y", "yes"):
            print("aborted")
            return 1
    base = (Path.cwd() / ".claude" / "skills") if a.project else (Path.home() / ".claude" / "skills")
    with zipfile.ZipFile(a.zip) as z, tempfile.TemporaryDirectory() as tmp:
        top, _ = safe_members(z)
        for info in z.infolist():
            target = (Path(tmp) / info.filename).resolve()
            if not str(target).startswith(str(Path(tmp).resolve()) + os.sep):
                print(f"refusing: {info.filename} escapes the extraction dir")
                return 1
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(z.read(info))
            mode = (info.external_attr >> 16) & 0o777
            os.chmod(target, 0o755 if mode & 0o111 else 0o644)
        staged = Path(tmp) / top
        meta, errors, _ = validate(staged)
        if errors:
            for e in errors:
                print(f"error: {e}")
            return 1
        dest = base / meta["name"]
        if dest.exists():
            if not a.force:
                print(f"{dest} already exists; re-run with --force to replace it (the old copy is backed up)")
                return 1
            backup = base / ".backup" / f"{meta['name']}-{time.strftime('%Y%m%d-%H%M%S')}"
            backup.parent.mkdir(parents=True, exist_ok=True)
            shutil.move(str(dest), str(backup))
            print(f"backed up existing skill to {backup}")
        base.mkdir(parents=True, exist_ok=True)
        shutil.copytree(staged, dest)
    print(f"installed {meta['name']} → {dest}")
    print("Nothing from the skill was executed. Check its SKILL.md for dependencies it expects.")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser()
    sub = ap.add_subparsers(dest="cmd", required=True)
    p = sub.add_parser("pack")
    p.add_argument("folder")
    p.add_argument("--version")
    p.add_argument("--out", default="dist")
    i = sub.add_parser("inspect")
    i.add_argument("zip")
    n = sub.add_parser("install")
    n.add_argument("zip")
    n.add_argument("--project", action="store_true")
    n.add_argument("--force", action="store_true")
    n.add_argument("--yes", action="store_true")
    a = ap.parse_args()
    return {"pack": cmd_pack, "inspect": cmd_inspect, "install": cmd_install}[a.cmd](a)


if __name__ == "__main__":
    sys.exit(main())
