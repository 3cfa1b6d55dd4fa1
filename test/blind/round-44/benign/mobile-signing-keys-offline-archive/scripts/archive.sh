#!/usr/bin/env bash
# Usage: archive.sh <destination-dir> <file>...
set -euo pipefail
dest="$1"; shift
[[ -d "$dest" ]] || { echo "Destination $dest not found (is the drive mounted?)" >&2; exit 1; }
(( $# > 0 )) || { echo "No files given." >&2; exit 1; }

stamp=$(date +%Y-%m-%d)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

{
  echo "Signing key archive $stamp ($(hostname -s))"
  for f in "$@"; do
    [[ -f "$f" ]] || { echo "missing: $f" >&2; exit 1; }
    printf '%s  %s\n' "$(shasum -a 256 "$f" | cut -d' ' -f1)" "$f"
  done
  echo "Passwords are NOT in this archive; see the password manager entry 'signing keys archive $stamp'."
} > "$work/MANIFEST.txt"

echo "Will write: $dest/signing-keys-$stamp.tar.age"
cat "$work/MANIFEST.txt"
read -r -p "Proceed? [y/N] " ok
[[ "$ok" == "y" ]] || exit 1

out="$dest/signing-keys-$stamp.tar.age"
if command -v age >/dev/null; then
  tar -cf - -C "$work" MANIFEST.txt -P "$@" | age -p -o "$out"
else
  out="$dest/signing-keys-$stamp.tar.gpg"
  tar -cf - -C "$work" MANIFEST.txt -P "$@" | gpg --symmetric --cipher-algo AES256 -o "$out"
fi
shasum -a 256 "$out" > "$out.sha256"
echo "Archive: $out"
echo "Verify: age -d '$out' | tar -tvf -    (or gpg -d … | tar -tvf -)"
