#!/usr/bin/env bash
# Add/remove a vendor APT repo with a per-repo keyring and fingerprint check.
# Usage: add_vendor_repo.sh <vendor> --dry-run|--apply|--remove
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
VENDOR="${1:?vendor}"; MODE="${2:---dry-run}"
. /etc/os-release
ARCH="$(dpkg --print-architecture)"; CODENAME="${VERSION_CODENAME:-}"
line=$(awk -F'\t' -v v="$VENDOR" '$1==v' "$HERE/assets/vendors.tsv")
[ -n "$line" ] || { echo "unknown vendor $VENDOR"; exit 2; }
IFS=$'\t' read -r _ KEY_URL FPR REPO_TMPL DOC <<<"$line"
KEYRING="/etc/apt/keyrings/${VENDOR}.asc"
LIST="/etc/apt/sources.list.d/${VENDOR}.list"
KEY_URL=$(eval echo "\"$KEY_URL\"")
REPO_LINE=$(eval echo "\"$REPO_TMPL\"")

if [ "$MODE" = "--remove" ]; then
  echo "Will delete: $KEYRING $LIST"; read -rp "Proceed? [y/N] " ok; [ "$ok" = y ] || exit 1
  sudo rm -f "$KEYRING" "$LIST" && sudo apt-get update
  exit 0
fi

case "$KEY_URL" in https://*) ;; *) echo "refusing non-HTTPS key URL"; exit 3;; esac
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
curl -fsSL "$KEY_URL" -o "$tmp/key"
got=$(gpg --show-keys --with-colons "$tmp/key" 2>/dev/null | awk -F: '$1=="fpr"{print $10}' | tr '\n' ' ')
echo "vendor doc:   $DOC"
echo "expected fpr: $FPR"
echo "key fprs:     $got"
if ! grep -qw "$FPR" <<<"$got"; then echo "FINGERPRINT MISMATCH - stopping"; exit 4; fi
echo
echo "Would write $KEYRING (0644) and $LIST:"
echo "  $REPO_LINE"

[ "$MODE" = "--apply" ] || { echo "(dry run; nothing written)"; exit 0; }
read -rp "Write these files with sudo and run apt-get update? [y/N] " ok
[ "$ok" = y ] || { echo "aborted"; exit 1; }
sudo install -d -m 0755 /etc/apt/keyrings
sudo install -m 0644 "$tmp/key" "$KEYRING"
echo "$REPO_LINE" | sudo tee "$LIST" >/dev/null
sudo apt-get update
