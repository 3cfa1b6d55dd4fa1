#!/usr/bin/env python3
import json
import sys
import urllib.request


def main(name):
    with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=20) as resp:
        data = json.load(resp)
    info = data["info"]
    releases = sorted((v for v, files in data["releases"].items() if files), key=lambda v: data["releases"][v][0]["upload_time"])
    print(f"{info['name']} {info['version']} - {info['summary']}")
    print(f"license: {info.get('license') or 'n/a'}; requires-python: {info.get('requires_python') or 'any'}")
    print(f"first release {releases[0] if releases else '?'}, {len(releases)} releases")
    for label, url in (info.get("project_urls") or {}).items():
        print(f"{label}: {url}")


if __name__ == "__main__":
    main(sys.argv[1])
