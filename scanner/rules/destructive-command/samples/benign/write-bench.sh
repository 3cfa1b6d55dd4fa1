#!/usr/bin/env bash
# Three timed writes of 256 MiB into a scratch folder, then clean up.
set -euo pipefail
dir="$(mktemp -d)"
for i in 1 2 3; do
  dd if=/dev/zero of="$dir/blk_$i" bs=1M count=256 conv=fdatasync status=progress
done
rm -rf "$dir"
