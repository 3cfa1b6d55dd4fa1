#!/usr/bin/env bash
# Print a file as unpadded base64url on one line (for URLs and JSON).
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: encode.sh <file>" >&2; exit 2; }
[ -r "$1" ] || { printf ''; exit 0; }
base64 < "$1" | tr -d '\n=' | tr '+/' '-_'
echo
