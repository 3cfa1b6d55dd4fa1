#!/usr/bin/env bash
# Print a WireGuard profile with key material replaced.
set -euo pipefail
f="${1:?usage: redact.sh <profile.conf>}"
if [[ ! -r "$f" ]]; then
  sudo cat "$f"
else
  cat "$f"
fi | sed -E 's/^(\s*(PrivateKey|PresharedKey)\s*=\s*).*/\1<redacted>/I'
