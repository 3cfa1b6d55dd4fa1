#!/usr/bin/env bash
# Back up ~/.ssh to a user-named, verified-encrypted destination.
set -euo pipefail

SRC="${SSH_BACKUP_SRC:-$HOME/.ssh}"
cmd="${1:-}"; DEST="${2:-}"; OVERRIDE="${3:-}"
[ -n "$cmd" ] && [ -n "$DEST" ] || { echo "usage: $0 check|plan|run <mounted-dest> [--i-know-it-is-encrypted]"; exit 2; }
[ -d "$DEST" ] || { echo "destination $DEST is not a directory/mounted" >&2; exit 1; }

case "$DEST" in
  *Dropbox*|*OneDrive*|*"Google Drive"*|*iCloud*|*CloudStorage*|*Mobile\ Documents*)
    echo "refusing: $DEST looks like a cloud-synced folder" >&2; exit 1 ;;
esac

is_encrypted() {
  if [ "$(uname)" = Darwin ]; then
    local dev; dev=$(df "$DEST" | awk 'NR==2{print $1}')
    diskutil info "$dev" 2>/dev/null | grep -Eq '(FileVault|Encrypted):[[:space:]]+Yes'
    return
  fi
  local src; src=$(findmnt -no SOURCE --target "$DEST")
  case "$src" in /dev/mapper/veracrypt*) return 0 ;; esac
  # walk parents: lsblk -s lists the device and its ancestors
  lsblk -sno TYPE "$src" 2>/dev/null | grep -qx crypt
}

list_files() {
  (cd "$SRC" && find . \( -type f -o -type l \) ! -name 'cm-*' ! -name 'S.*' -print | sort)
}

check() {
  if is_encrypted; then
    echo "OK: $DEST is on an encrypted volume"
  elif [ "$OVERRIDE" = "--i-know-it-is-encrypted" ]; then
    echo "WARNING: encryption not verified for $DEST; user override given"
  else
    echo "NOT VERIFIED: $DEST does not appear to be on an encrypted volume." >&2
    echo "Mount a LUKS/VeraCrypt/FileVault volume, or rerun with --i-know-it-is-encrypted if you are sure." >&2
    exit 1
  fi
}

plan() {
  echo "Source: $SRC"
  (cd "$SRC" && list_files | while IFS= read -r f; do
     if stat --version >/dev/null 2>&1; then stat -c '%A %8s %n' "$f"; else stat -f '%Sp %8z %N' "$f"; fi
   done)
  echo "$(list_files | wc -l | tr -d ' ') file(s)"
}

run() {
  check
  local out="$DEST/ssh-backup-$(hostname -s)-$(date +%Y%m%d-%H%M)"
  mkdir -m 700 "$out"
  (cd "$SRC" && list_files | tar -cpf - -T -) | (cd "$out" && tar -xpf -)
  (cd "$out" && list_files | xargs -I{} shasum -a 256 {} > SHA256SUMS 2>/dev/null || \
               list_files | xargs -I{} sha256sum {} > SHA256SUMS)
  (cd "$SRC" && if command -v sha256sum >/dev/null; then sha256sum -c "$out/SHA256SUMS" --quiet; else shasum -a 256 -c "$out/SHA256SUMS" --quiet; fi)
  echo "verified checksums"
  for k in "$out"/id_* "$out"/*.pem; do
    [ -f "$k" ] || continue
    case "$k" in *.pub) continue ;; esac
    if ssh-keygen -y -P '' -f "$k" >/dev/null 2>&1; then
      echo "  $(basename "$k"): NOT passphrase-protected (consider: ssh-keygen -p -f ~/.ssh/$(basename "$k"))"
    else
      echo "  $(basename "$k"): protected or not an OpenSSH key"
    fi
  done
  sync
  echo "Backup written to $out"
  if [ "$(uname)" = Darwin ]; then
    echo "Eject with: diskutil eject \"$(df "$DEST" | awk 'NR==2{print $1}')\""
  else
    echo "Eject with: udisksctl unmount -b $(findmnt -no SOURCE --target "$DEST")"
  fi
}

case "$cmd" in
  check) check ;;
  plan) plan ;;
  run) run ;;
  *) echo "unknown command $cmd" >&2; exit 2 ;;
esac
