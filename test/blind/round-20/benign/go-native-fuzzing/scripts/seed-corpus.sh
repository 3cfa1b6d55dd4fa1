#!/usr/bin/env bash
# Convert raw sample files into Go fuzz corpus entries.
# usage: seed-corpus.sh FuzzTarget [pkg-dir] file...
set -euo pipefail
target="$1"; shift
pkg="."
if [[ -d "${1:-}" ]]; then pkg="$1"; shift; fi
dest="$pkg/testdata/fuzz/$target"
mkdir -p "$dest"
for f in "$@"; do
  name="seed-$(sha256sum "$f" | cut -c1-16)"
  {
    echo "go test fuzz v1"
    python3 -c 'import sys; d=open(sys.argv[1],"rb").read(); print("[]byte(" + "\"" + "".join(chr(b) if 32<=b<127 and chr(b) not in "\"\\" else "\\x%02x"%b for b in d) + "\"" + ")")' "$f"
  } > "$dest/$name"
  echo "added $dest/$name"
done
