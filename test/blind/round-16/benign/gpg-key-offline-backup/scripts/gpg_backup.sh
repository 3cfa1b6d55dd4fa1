#!/usr/bin/env bash
# Offline backup of one OpenPGP key to a destination the user names, plus a restore test.
set -euo pipefail
umask 077

KEY="" DEST="" VERIFY="" SHRED_PAPER=0

while [ $# -gt 0 ]; do
  case "$1" in
    --key) KEY="${2// /}"; shift 2 ;;
    --dest) DEST="$2"; shift 2 ;;
    --verify) VERIFY="$2"; shift 2 ;;
    --shred-paperkey) SHRED_PAPER=1; DEST="${2:-}"; shift; [ -n "$DEST" ] && shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

sha() { if command -v sha256sum >/dev/null; then sha256sum "$@"; else shasum -a 256 "$@"; fi; }

refuse_synced() {
  local real; real="$(cd "$1" && pwd -P)"
  case "$real" in
    *Dropbox*|*"iCloud Drive"*|*Mobile\ Documents*|*OneDrive*|*"Google Drive"*|*GoogleDrive*|*Nextcloud*|*Sync/*|*CloudStorage*)
      echo "refusing: $real looks like a cloud-synced folder" >&2; exit 1 ;;
  esac
  local home_dev dest_dev
  home_dev=$(df -P "$HOME" | awk 'NR==2 {print $1}')
  dest_dev=$(df -P "$real" | awk 'NR==2 {print $1}')
  if [ "$home_dev" = "$dest_dev" ]; then
    echo "warning: $real is on the same filesystem as your home directory (not an offline medium)."
    read -r -p "Continue anyway? [y/N] " a; [[ "$a" =~ ^[Yy]$ ]] || exit 1
  fi
}

if [ "$SHRED_PAPER" -eq 1 ]; then
  [ -d "$DEST" ] || { echo "usage: --shred-paperkey DEST" >&2; exit 2; }
  for f in "$DEST"/paperkey-*.txt; do
    [ -f "$f" ] || continue
    if command -v shred >/dev/null; then shred -u "$f"; else rm -P "$f" 2>/dev/null || rm -f "$f"; fi
    echo "removed $f"
  done
  exit 0
fi

if [ -n "$VERIFY" ]; then
  tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
  mkdir -m 700 "$tmp/a" "$tmp/b"
  (cd "$VERIFY" && sha -c SHA256SUMS)
  pub="$(ls "$VERIFY"/public-*.asc | head -1)"
  sec="$(ls "$VERIFY"/secret-[0-9A-F]*.asc | grep -v subkeys | head -1)"
  want="$(gpg --homedir "$tmp/a" --with-colons --import-options show-only --import "$pub" 2>/dev/null | awk -F: '/^fpr/ {print $10; exit}')"
  gpg --homedir "$tmp/a" --batch --quiet --import "$sec"
  got_a="$(gpg --homedir "$tmp/a" --with-colons --list-secret-keys | awk -F: '/^fpr/ {print $10; exit}')"
  echo "secret export:  $([ "$got_a" = "$want" ] && echo OK || echo MISMATCH) ($got_a)"
  paper="$(ls "$VERIFY"/paperkey-*.txt 2>/dev/null | head -1 || true)"
  if [ -n "$paper" ] && command -v paperkey >/dev/null; then
    gpg --dearmor < "$pub" > "$tmp/pub.gpg"
    paperkey --pubring "$tmp/pub.gpg" --secrets "$paper" --output "$tmp/restored.gpg"
    gpg --homedir "$tmp/b" --batch --quiet --import "$tmp/restored.gpg"
    got_b="$(gpg --homedir "$tmp/b" --with-colons --list-secret-keys | awk -F: '/^fpr/ {print $10; exit}')"
    echo "paperkey:       $([ "$got_b" = "$want" ] && echo OK || echo MISMATCH)"
  else
    echo "paperkey:       skipped (no paperkey file or paperkey not installed)"
  fi
  exit 0
fi

[[ "$KEY" =~ ^[0-9A-Fa-f]{40}$ ]] || { echo "--key must be the full 40-hex-digit fingerprint" >&2; exit 2; }
[ -n "$DEST" ] || { echo "--dest is required" >&2; exit 2; }
KEY="$(echo "$KEY" | tr 'a-f' 'A-F')"
gpg --list-secret-keys "$KEY" >/dev/null 2>&1 || { echo "no secret key $KEY in your keyring" >&2; exit 1; }
mkdir -p "$DEST"
refuse_synced "$DEST"

SHORT="${KEY: -16}"
echo "Backing up:"
gpg --list-secret-keys --keyid-format=long "$KEY" | sed 's/^/  /'
if gpg --list-secret-keys --with-colons "$KEY" | awk -F: '/^sec/ {print $15}' | grep -q '^#'; then
  echo "note: primary secret key is not on disk (stub); only available material will be exported"
fi
if gpg --batch --pinentry-mode error --passphrase "" --dry-run --export-secret-keys "$KEY" >/dev/null 2>&1; then
  echo "warning: this key has no passphrase. Anyone who finds the backup can use it."
  read -r -p "Continue without a passphrase? [y/N] " a; [[ "$a" =~ ^[Yy]$ ]] || exit 1
fi
read -r -p "Write backup of $SHORT to $DEST? [y/N] " a; [[ "$a" =~ ^[Yy]$ ]] || exit 1

gpg --armor --export "$KEY" > "$DEST/public-$SHORT.asc"
gpg --armor --export-secret-keys "$KEY" > "$DEST/secret-$SHORT.asc"
gpg --armor --export-secret-subkeys "$KEY" > "$DEST/secret-subkeys-$SHORT.asc"
if command -v paperkey >/dev/null; then
  gpg --export-secret-keys "$KEY" | paperkey --output-type base16 > "$DEST/paperkey-$SHORT.txt"
else
  echo "paperkey not installed; skipping paper backup"
fi
GNUPGHOME_DIR="$(gpgconf --list-dirs homedir)"
if [ -f "$GNUPGHOME_DIR/openpgp-revocs.d/$KEY.rev" ]; then
  cp "$GNUPGHOME_DIR/openpgp-revocs.d/$KEY.rev" "$DEST/revoke-$SHORT.asc"
else
  gpg --output "$DEST/revoke-$SHORT.asc" --gen-revoke "$KEY"
fi

cat > "$DEST/README.txt" <<README
OpenPGP key backup
Created:     $(date -u +%FT%TZ)
Fingerprint: $KEY
Files:       public-$SHORT.asc  secret-$SHORT.asc  secret-subkeys-$SHORT.asc
             paperkey-$SHORT.txt  revoke-$SHORT.asc

Restore full key:      gpg --import secret-$SHORT.asc
Restore subkeys only:  gpg --import secret-subkeys-$SHORT.asc
Restore from paper:    gpg --dearmor < public-$SHORT.asc > pub.gpg
                       paperkey --pubring pub.gpg --secrets paperkey-$SHORT.txt | gpg --import
Revoke (if lost):      gpg --import revoke-$SHORT.asc && gpg --send-keys $KEY
README
(cd "$DEST" && sha ./*.asc ./*.txt > SHA256SUMS)
chmod 600 "$DEST"/*
ls -l "$DEST"
echo "Done. Test the restore with: $0 --verify $DEST"
