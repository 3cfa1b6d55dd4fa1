#!/usr/bin/env bash
# Encrypt a wallet key file with age (passphrase) to a user-chosen directory and verify it.
# Never prints or writes the plaintext key.
set -euo pipefail
umask 077

src="${1:?usage: backup_keypair.sh <key-file> <destination-dir>}"
dest="${2:?usage: backup_keypair.sh <key-file> <destination-dir>}"

[ -f "$src" ] || { echo "no such file: $src" >&2; exit 1; }
command -v age >/dev/null || { echo "age not installed (brew install age / apt install age)" >&2; exit 1; }

pub="unknown"
if command -v solana-keygen >/dev/null && pub="$(solana-keygen pubkey "$src" 2>/dev/null)"; then :; else pub="unknown"; fi
tag="${pub:0:4}${pub: -4}"
[ "$pub" = "unknown" ] && tag="$(basename "$src" .json)"

case "$dest" in
  *"Mobile Documents"*|*Dropbox*|*"Google Drive"*|*GoogleDrive*|*OneDrive*|*iCloud*)
    echo "note: $dest looks cloud-synced; the encrypted file will be uploaded by that app." ;;
esac

mkdir -p "$dest"
out="$dest/id-${tag}-$(date +%F).json.age"
[ -e "$out" ] && { echo "$out exists; not overwriting" >&2; exit 1; }

echo "encrypting $src -> $out"
age -p -o "$out" "$src"

echo "verify: enter the same passphrase again"
orig="$(shasum -a 256 < "$src" 2>/dev/null || sha256sum < "$src")"
back="$(age -d "$out" | { shasum -a 256 2>/dev/null || sha256sum; })"
if [ "${orig%% *}" = "${back%% *}" ]; then
  echo "verified: backup decrypts to an identical file"
else
  echo "MISMATCH: backup does not match source; removing $out" >&2
  rm -f "$out"
  exit 1
fi

cat > "$dest/README.txt" <<TXT
Encrypted wallet key backup
public key : $pub
source     : $src
created    : $(date -u +%FT%TZ)
file       : $(basename "$out")
format     : age (passphrase / scrypt)

restore:
  age -d -o ~/.config/solana/id.json "$(basename "$out")"
  chmod 600 ~/.config/solana/id.json
  solana-keygen pubkey ~/.config/solana/id.json   # must print the public key above
TXT
ls -l "$dest"
