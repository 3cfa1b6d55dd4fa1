#!/usr/bin/env python3
"""Scan Gradle builds for hard-coded coordinates, generate libs.versions.toml, rewrite build files.

Subcommands:
  scan PATH                       list coordinates and version conflicts
  catalog PATH --out FILE         write a version catalog
  rewrite PATH [--dry-run]        replace coordinates with libs.* accessors
"""
from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections import defaultdict
from pathlib import Path

BUILD_FILES = ("build.gradle", "build.gradle.kts")
CONFIGS = (
    "implementation", "api", "compileOnly", "runtimeOnly", "testImplementation", "testRuntimeOnly",
    "androidTestImplementation", "debugImplementation", "kapt", "ksp", "annotationProcessor",
    "testFixturesImplementation", "classpath",
)
DEP_RE = re.compile(
    r"""(?P<conf>\b(?:%s))\s*\(?\s*(?P<q>["'])(?P<group>[\w.\-]+):(?P<name>[\w.\-]+):(?P<version>[^"'@:\s]+)(?P=q)\s*\)?"""
    % "|".join(CONFIGS)
)
PLATFORM_RE = re.compile(
    r"""(?P<conf>\b(?:%s))\s*\(\s*(?P<kind>platform|enforcedPlatform)\s*\(\s*(?P<q>["'])(?P<group>[\w.\-]+):(?P<name>[\w.\-]+):(?P<version>[^"'@:\s]+)(?P=q)\s*\)\s*\)"""
    % "|".join(CONFIGS)
)
PLUGIN_RE = re.compile(r"""\bid\s*\(?\s*["'](?P<id>[\w.\-]+)["']\s*\)?\s+version\s+["'](?P<version>[^"']+)["']""")
CLASSIFIER_RE = re.compile(r"""["'][\w.\-]+:[\w.\-]+:[^"':\s]+:[\w.\-]+["']""")


def build_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.name in BUILD_FILES and "build" not in p.relative_to(root).parts[:-1])


def alias_for(group: str, name: str, taken: dict[str, tuple[str, str]]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")
    if not base[0].isalpha():
        base = "lib-" + base
    if base not in taken or taken[base] == (group, name):
        return base
    prefix = group.split(".")[-1].lower()
    return f"{prefix}-{base}"


def version_key(group: str, name: str) -> str:
    parts = group.split(".")
    key = parts[-1] if len(parts) > 1 else name
    return re.sub(r"[^a-z0-9]+", "-", key.lower()).strip("-")


def scan(root: Path):
    libs: dict[tuple[str, str], dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    plugins: dict[str, set[str]] = defaultdict(set)
    classifiers: list[tuple[Path, str]] = []
    for f in build_files(root):
        text = f.read_text(encoding="utf-8")
        module = str(f.parent.relative_to(root)) or ":"
        for m in list(DEP_RE.finditer(text)) + list(PLATFORM_RE.finditer(text)):
            libs[(m["group"], m["name"])][m["version"]].add(module)
        for m in PLUGIN_RE.finditer(text):
            plugins[m["id"]].add(m["version"])
        for m in CLASSIFIER_RE.finditer(text):
            classifiers.append((f, m.group(0)))
    return libs, plugins, classifiers


def cmd_scan(root: Path) -> int:
    libs, plugins, classifiers = scan(root)
    conflicts = 0
    for (group, name), versions in sorted(libs.items()):
        mark = ""
        if len(versions) > 1:
            conflicts += 1
            mark = "  <-- conflict"
        for v, modules in sorted(versions.items()):
            print(f"{group}:{name}:{v}  [{', '.join(sorted(modules))}]{mark}")
    for pid, versions in sorted(plugins.items()):
        print(f"plugin {pid} {', '.join(sorted(versions))}")
    for f, coord in classifiers:
        print(f"skipped (classifier) {coord} in {f}")
    print(f"\n{len(libs)} libraries, {len(plugins)} plugins, {conflicts} conflict(s)")
    return 0


def build_catalog(root: Path):
    libs, plugins, _ = scan(root)
    versions: dict[str, str] = {}
    libraries: dict[str, tuple[str, str, str]] = {}
    taken: dict[str, tuple[str, str]] = {}
    for (group, name), vers in sorted(libs.items()):
        chosen = sorted(vers, key=lambda v: [int(x) if x.isdigit() else x for x in re.split(r"[.\-]", v)])[-1]
        vkey = version_key(group, name)
        if vkey in versions and versions[vkey] != chosen:
            vkey = re.sub(r"[^a-z0-9]+", "-", f"{vkey}-{name}".lower())
        versions[vkey] = chosen
        alias = alias_for(group, name, taken)
        taken[alias] = (group, name)
        libraries[alias] = (group, name, vkey)
    plugin_entries: dict[str, tuple[str, str]] = {}
    for pid, vers in sorted(plugins.items()):
        alias = re.sub(r"^(org\.jetbrains\.|com\.android\.|org\.gradle\.)", "", pid)
        alias = re.sub(r"[^a-z0-9]+", "-", alias.lower()).strip("-")
        vkey = alias
        versions.setdefault(vkey, sorted(vers)[-1])
        plugin_entries[alias] = (pid, vkey)
    return versions, libraries, plugin_entries


def render_toml(versions, libraries, plugins) -> str:
    out = ["[versions]"]
    out += [f'{k} = "{v}"' for k, v in sorted(versions.items())]
    out += ["", "[libraries]"]
    out += [f'{a} = {{ module = "{g}:{n}", version.ref = "{vk}" }}' for a, (g, n, vk) in sorted(libraries.items())]
    out += ["", "[plugins]"]
    out += [f'{a} = {{ id = "{pid}", version.ref = "{vk}" }}' for a, (pid, vk) in sorted(plugins.items())]
    return "\n".join(out) + "\n"


def cmd_catalog(root: Path, out: Path) -> int:
    versions, libraries, plugins = build_catalog(root)
    target = out if out.is_absolute() else root / out
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_toml(versions, libraries, plugins), encoding="utf-8")
    print(f"Wrote {target} ({len(libraries)} libraries, {len(plugins)} plugins)")
    return 0


def accessor(alias: str) -> str:
    return "libs." + alias.replace("-", ".").replace("_", ".")


def cmd_rewrite(root: Path, dry_run: bool) -> int:
    _, libraries, plugins = build_catalog(root)
    by_coord = {(g, n): a for a, (g, n, _) in libraries.items()}
    by_plugin = {pid: a for a, (pid, _) in plugins.items()}
    changed = 0
    for f in build_files(root):
        old = f.read_text(encoding="utf-8")

        def dep(m: re.Match) -> str:
            a = by_coord.get((m["group"], m["name"]))
            return f"{m['conf']}({accessor(a)})" if a else m.group(0)

        def plat(m: re.Match) -> str:
            a = by_coord.get((m["group"], m["name"]))
            return f"{m['conf']}({m['kind']}({accessor(a)}))" if a else m.group(0)

        def plug(m: re.Match) -> str:
            a = by_plugin.get(m["id"])
            return f"alias({accessor('plugins-' + a)})" if a else m.group(0)

        new = PLATFORM_RE.sub(plat, old)
        new = DEP_RE.sub(dep, new)
        new = PLUGIN_RE.sub(plug, new)
        if new != old:
            changed += 1
            if dry_run:
                sys.stdout.writelines(difflib.unified_diff(old.splitlines(True), new.splitlines(True),
                                                           str(f), str(f)))
            else:
                f.write_text(new, encoding="utf-8")
    print(f"{'Would change' if dry_run else 'Changed'} {changed} build file(s)")
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    s = sub.add_parser("scan")
    s.add_argument("path", type=Path)
    c = sub.add_parser("catalog")
    c.add_argument("path", type=Path)
    c.add_argument("--out", type=Path, default=Path("gradle/libs.versions.toml"))
    r = sub.add_parser("rewrite")
    r.add_argument("path", type=Path)
    r.add_argument("--dry-run", action="store_true")
    args = ap.parse_args()
    root = args.path.resolve()
    if args.cmd == "scan":
        return cmd_scan(root)
    if args.cmd == "catalog":
        return cmd_catalog(root, args.out)
    return cmd_rewrite(root, args.dry_run)


if __name__ == "__main__":
    sys.exit(main())
