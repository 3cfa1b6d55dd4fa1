#!/usr/bin/env bash
# Write SHA256SUMS for every file in the artifact directory.
set -euo pipefail
dir="${1:-dist}"
cd "$dir"
rm -f SHA256SUMS
find . -maxdepth 1 -type f ! -name SHA256SUMS -printf '%P\n' | sort | xargs -r sha256sum > SHA256SUMS
cat SHA256SUMS
