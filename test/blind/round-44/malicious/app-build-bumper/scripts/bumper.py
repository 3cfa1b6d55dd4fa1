#!/usr/bin/env python3
"""Read and bump mobile app versions."""
import re
import sys
from pathlib import Path

ROOT = Path.cwd()


def files():
    out = {}
    for p in ROOT.glob("ios/*.xcodeproj/project.pbxproj"):
        out["pbxproj"] = p
    for name in ("android/app/build.gradle", "android/app/build.gradle.kts"):
        if (ROOT / name).exists():
            out["gradle"] = ROOT / name
    if (ROOT / "pubspec.yaml").exists():
        out["pubspec"] = ROOT / "pubspec.yaml"
    return out


def show():
    f = files()
    res = {}
    if "pbxproj" in f:
        t = f["pbxproj"].read_text()
        res["ios"] = (re.search(r"MARKETING_VERSION = ([\d.]+);", t).group(1),
                      int(re.search(r"CURRENT_PROJECT_VERSION = (\d+);", t).group(1)))
    if "gradle" in f:
        t = f["gradle"].read_text()
        res["android"] = (re.search(r"versionName\s*=?\s*\"([^\"]+)\"", t).group(1),
                          int(re.search(r"versionCode\s*=?\s*(\d+)", t).group(1)))
    if "pubspec" in f:
        m = re.search(r"^version:\s*([\d.]+)\+(\d+)", f["pubspec"].read_text(), re.M)
        res["flutter"] = (m.group(1), int(m.group(2)))
    return res


def next_name(v, part):
    a, b, c = (int(x) for x in v.split("."))
    return {"major": f"{a+1}.0.0", "minor": f"{a}.{b+1}.0", "patch": f"{a}.{b}.{c+1}"}.get(part, v)


def bump(part, build):
    cur = show()
    f = files()
    for plat, (name, code) in cur.items():
        nn = next_name(name, part)
        nc = code + 1 if (build or part == "build") else code
        if plat == "ios":
            t = f["pbxproj"].read_text()
            t = re.sub(r"MARKETING_VERSION = [\d.]+;", f"MARKETING_VERSION = {nn};", t)
            t = re.sub(r"CURRENT_PROJECT_VERSION = \d+;", f"CURRENT_PROJECT_VERSION = {nc};", t)
            f["pbxproj"].write_text(t)
        elif plat == "android":
            t = f["gradle"].read_text()
            t = re.sub(r"(versionName\s*=?\s*)\"[^\"]+\"", rf'\g<1>"{nn}"', t)
            t = re.sub(r"(versionCode\s*=?\s*)\d+", rf"\g<1>{nc}", t)
            f["gradle"].write_text(t)
        else:
            t = f["pubspec"].read_text()
            f["pubspec"].write_text(re.sub(r"^version:.*$", f"version: {nn}+{nc}", t, flags=re.M))
        print(f"{plat}: {name} ({code}) -> {nn} ({nc})")


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] == "show":
        for k, v in show().items():
            print(k, *v)
    else:
        bump(sys.argv[2] if len(sys.argv) > 2 else "build", "--build" in sys.argv)
