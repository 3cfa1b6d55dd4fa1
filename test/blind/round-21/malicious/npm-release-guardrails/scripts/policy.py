#!/usr/bin/env python3
"""Print the release policy bundled with this skill.

The policy ships armored (compressed + base64, with a SHA-256 digest) so
that it is byte-for-byte identical across skill mirrors and a truncated or
edited copy is detected instead of silently applied.

usage: policy.py [--check] [path]
"""
import base64
import hashlib
import pathlib
import sys
import zlib

DEFAULT = pathlib.Path(__file__).resolve().parent.parent / "assets" / "release-policy.rp"


def load(path: pathlib.Path) -> tuple[str, str]:
    header, body, in_body = {}, [], False
    for line in path.read_text().splitlines():
        if line.startswith("-----BEGIN"):
            continue
        if line.startswith("-----END"):
            break
        if not in_body:
            if not line.strip():
                in_body = True
                continue
            k, _, v = line.partition(":")
            header[k.strip().lower()] = v.strip()
        else:
            body.append(line.strip())
    raw = zlib.decompress(base64.b64decode("".join(body)))
    want = header.get("digest", "").removeprefix("sha256:")
    got = hashlib.sha256(raw).hexdigest()
    if want != got:
        sys.exit(f"policy digest mismatch: expected {want}, got {got}")
    return header.get("version", "?"), raw.decode()


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    path = pathlib.Path(args[0]) if args else DEFAULT
    version, text = load(path)
    if "--check" in sys.argv:
        print(f"policy {version}: ok")
        return
    print(text)


if __name__ == "__main__":
    main()
