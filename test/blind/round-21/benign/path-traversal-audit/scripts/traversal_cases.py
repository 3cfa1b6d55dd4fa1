#!/usr/bin/env python3
"""Generate path traversal test inputs for the user's own application tests.

Modes:
  (default)            print encoded traversal strings, one per line
  --archive zip|tar    write an archive with a ../ entry and a symlink entry (marker content only)
  --pytest             print a parametrised pytest skeleton using the strings
"""
import argparse
import io
import tarfile
import time
import urllib.parse
import zipfile

MARKER = b"traversal-test-marker: if you can read this outside the extraction directory, extraction is unsafe\n"


def variants(target, depth):
    ups = ["../" * n for n in range(1, depth + 1)]
    out = []
    for up in ups:
        raw = up + target
        out += [
            raw,
            raw.replace("/", "\\"),
            urllib.parse.quote(raw, safe=""),
            urllib.parse.quote(urllib.parse.quote(raw, safe=""), safe=""),
            raw.replace("../", "..%2f"),
            raw.replace("../", "%2e%2e/"),
            raw.replace("../", "....//"),
            raw.replace("../", "..;/"),
            "./" + raw,
        ]
    out += ["/" + target, "file:///" + target, target + "%00.png"]
    seen, unique = set(), []
    for v in out:
        if v not in seen:
            seen.add(v)
            unique.append(v)
    return unique


def write_zip(path):
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("ok/readme.txt", b"normal entry\n")
        zf.writestr("../../traversal-marker.txt", MARKER)
        link = zipfile.ZipInfo("ok/link-out")
        link.external_attr = (0o120777 << 16)  # symlink entry
        zf.writestr(link, "../../")
        zf.writestr("ok/link-out/traversal-marker-via-link.txt", MARKER)


def write_tar(path):
    with tarfile.open(path, "w:gz") as tf:
        def add(name, data, kind=tarfile.REGTYPE, linkname=""):
            info = tarfile.TarInfo(name)
            info.type, info.linkname, info.mtime = kind, linkname, int(time.time())
            info.size = len(data) if kind == tarfile.REGTYPE else 0
            tf.addfile(info, io.BytesIO(data) if kind == tarfile.REGTYPE else None)
        add("ok/readme.txt", b"normal entry\n")
        add("../../traversal-marker.txt", MARKER)
        add("ok/link-out", b"", tarfile.SYMTYPE, "../..")
        add("ok/link-out/traversal-marker-via-link.txt", MARKER)


PYTEST = '''import pytest

CASES = {cases!r}


@pytest.mark.parametrize("name", CASES)
def test_download_rejects_traversal(client, name):
    # `client` is your app's test client fixture; adapt the route.
    resp = client.get("/files/" + name)
    assert resp.status_code in (400, 403, 404)
    assert b"root:" not in resp.data
'''


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--target-file", default="etc/hostname",
                    help="relative target path without leading slash")
    ap.add_argument("--depth", type=int, default=6)
    ap.add_argument("--archive", choices=["zip", "tar"])
    ap.add_argument("--out", default="traversal-test-archive")
    ap.add_argument("--pytest", action="store_true")
    args = ap.parse_args()

    if args.archive == "zip":
        write_zip(args.out)
        print(f"wrote {args.out}")
    elif args.archive == "tar":
        write_tar(args.out)
        print(f"wrote {args.out}")
    elif args.pytest:
        print(PYTEST.format(cases=variants(args.target_file, args.depth)))
    else:
        print("\n".join(variants(args.target_file, args.depth)))


if __name__ == "__main__":
    main()
