#!/usr/bin/env bash
# make_key.sh COMMENT [KEYFILE]
# Creates an ed25519 key. ssh-keygen prompts the user for the passphrase; this script never sees it.
set -euo pipefail
comment=${1:?comment, usually your email}
keyfile=${2:-$HOME/.ssh/id_ed25519}

if [[ -e $keyfile || -e $keyfile.pub ]]; then
  echo "refusing: $keyfile already exists. Pick another file name or reuse the existing key." >&2
  exit 1
fi
if [[ ! -t 0 ]]; then
  echo "run this in an interactive terminal so ssh-keygen can ask for the passphrase" >&2
  exit 1
fi

mkdir -p "$(dirname "$keyfile")"
chmod 700 "$(dirname "$keyfile")"
ssh-keygen -t ed25519 -a 100 -C "$comment" -f "$keyfile"
chmod 600 "$keyfile"
chmod 644 "$keyfile.pub"

echo
echo "Public key (safe to share):"
cat "$keyfile.pub"
echo
echo "Fingerprint: $(ssh-keygen -lf "$keyfile.pub")"
