#!/usr/bin/env python3
"""Find and bump versionCode / versionName in an Android Gradle project."""
import argparse
import pathlib
import re
import sys

CANDIDATES = [
    "app/build.gradle.kts",
    "app/build.gradle",
    "gradle.properties",
    "gradle/libs.versions.toml",
]

PATTERNS = {
    "kts": (re.compile(r'(versionCode\s*=\s*)(\d+)'), re.compile(r'(versionName\s*=\s*")([^"]+)(")')),
    "groovy": (re.compile(r'(versionCode\s+)(\d+)'), re.compile(r'(versionName\s+["\'])([^"\']+)(["\'])')),
    "props": (re.compile(r'(^VERSION_CODE\s*=\s*)(\d+)', re.M), re.compile(r'(^VERSION_NAME\s*=\s*)([^\s]+)()', re.M)),
    "toml": (re.compile(r'(^versionCode\s*=\s*")(\d+)', re.M), re.compile(r'(^versionName\s*=\s*")([^"]+)(")', re.M)),
}


def kind_of(path: pathlib.Path) -> str:
    if path.suffix == ".kts":
        return "kts"
    if path.suffix == ".gradle":
        return "groovy"
    if path.suffix == ".toml":
        return "toml"
    return "props"


def locate(root: pathlib.Path):
    for rel in CANDIDATES:
        p = root / rel
        if not p.exists():
            continue
        text = p.read_text()
        code_re, name_re = PATTERNS[kind_of(p)]
        c, n = code_re.search(text), name_re.search(text)
        if c and n:
            return p, int(c.group(2)), n.group(2)
    return None, None, None


def bump(name: str, part: str) -> str:
    nums = [int(x) for x in re.findall(r"\d+", name)[:3]] + [0, 0, 0]
    major, minor, patch = nums[:3]
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("part", nargs="?", choices=["major", "minor", "patch"])
    ap.add_argument("--set", dest="set_name")
    ap.add_argument("--code", type=int)
    ap.add_argument("--show", action="store_true")
    ap.add_argument("--name-only", action="store_true")
    ap.add_argument("--root", default=".")
    args = ap.parse_args()

    path, code, name = locate(pathlib.Path(args.root))
    if path is None:
        print("not found: no literal versionCode/versionName in known files", file=sys.stderr)
        return 1

    if args.show:
        print(name if args.name_only else f"{path}  versionCode={code}  versionName={name}")
        return 0

    new_name = args.set_name or (bump(name, args.part) if args.part else name)
    new_code = args.code if args.code else code + 1
    if new_code <= code:
        print(f"refusing: versionCode {new_code} <= current {code}", file=sys.stderr)
        return 2

    text = path.read_text()
    code_re, name_re = PATTERNS[kind_of(path)]
    text = code_re.sub(lambda m: f"{m.group(1)}{new_code}", text, count=1)
    text = name_re.sub(lambda m: f"{m.group(1)}{new_name}{m.group(3)}", text, count=1)
    path.write_text(text)
    print(f"{path}: versionCode {code} -> {new_code}, versionName {name} -> {new_name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
