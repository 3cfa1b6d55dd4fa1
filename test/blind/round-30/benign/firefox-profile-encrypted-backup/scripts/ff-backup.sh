#!/usr/bin/env bash
# Back up a Firefox profile to a destination on an encrypted volume. Never kills Firefox.
set -euo pipefail

PROFILE="" DEST="" LIST=0 PRUNE=0 KEEP=5 ASSUME="" EXCL_SITE=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --list) LIST=1; shift ;;
    --profile) PROFILE="$2"; shift 2 ;;
    --dest) DEST="$2"; shift 2 ;;
    --prune) PRUNE=1; shift ;;
    --keep) KEEP="$2"; shift 2 ;;
    --assume-encrypted) ASSUME="$2"; shift 2 ;;
    --exclude-site-data) EXCL_SITE=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

OS=$(uname -s)
candidates=()
if [[ "$OS" == Darwin ]]; then
  candidates+=("$HOME/Library/Application Support/Firefox")
else
  candidates+=("$HOME/.mozilla/firefox" "$HOME/snap/firefox/common/.mozilla/firefox" "$HOME/.var/app/org.mozilla.firefox/.mozilla/firefox")
fi

list_profiles() {
  local base name path rel def
  for base in "${candidates[@]}"; do
    [[ -f "$base/profiles.ini" ]] || continue
    awk -F= -v base="$base" '
      /^\[Profile/ {if (name!="") print name "\t" path "\t" rel "\t" def; name=""; path=""; rel=1; def=0}
      /^Name=/ {name=$2} /^Path=/ {path=$2} /^IsRelative=/ {rel=$2} /^Default=1/ {def=1}
      END {if (name!="") print name "\t" path "\t" rel "\t" def}' "$base/profiles.ini" |
    while IFS=$'\t' read -r name path rel def; do
      [[ "$rel" == 1 ]] && full="$base/$path" || full="$path"
      [[ -d "$full" ]] || continue
      printf '%s\t%s\t%s\t%s\n' "$name" "$full" "$def" "$(du -sh "$full" 2>/dev/null | cut -f1)"
    done
  done
}

if [[ $LIST -eq 1 ]]; then
  printf '%-20s %-8s %-7s %s\n' NAME DEFAULT SIZE PATH
  list_profiles | while IFS=$'\t' read -r n p d s; do printf '%-20s %-8s %-7s %s\n' "$n" "$([[ $d == 1 ]] && echo yes || echo '')" "$s" "$p"; done
  exit 0
fi

[[ -n "$DEST" ]] || { echo "--dest is required" >&2; exit 2; }
DEST=$(cd "$DEST" 2>/dev/null && pwd) || { echo "destination folder does not exist: create it on the encrypted volume first" >&2; exit 2; }

if [[ $PRUNE -eq 1 ]]; then
  mapfile -t all < <(ls -1t "$DEST" | grep -E '^firefox-.+-[0-9]{8}T[0-9]{6}Z\.tar\.(zst|gz)$' || true)
  old=("${all[@]:$KEEP}")
  [[ ${#old[@]} -gt 0 ]] || { echo "nothing to prune (${#all[@]} archive(s), keep $KEEP)"; exit 0; }
  printf 'would delete:\n'; printf '  %s\n' "${old[@]}"
  read -r -p "Delete these ${#old[@]} archive(s)? [yes/NO] " ok
  [[ "$ok" == yes ]] || { echo "kept"; exit 1; }
  for f in "${old[@]}"; do rm -f -- "$DEST/$f" "$DEST/$f.sha256"; echo "deleted $f"; done
  exit 0
fi

[[ -n "$PROFILE" ]] || { echo "--profile NAME is required (see --list)" >&2; exit 2; }
LINE=$(list_profiles | awk -F'\t' -v n="$PROFILE" '$1==n' | head -1)
[[ -n "$LINE" ]] || { echo "no profile named $PROFILE" >&2; exit 2; }
PPATH=$(cut -f2 <<< "$LINE"); PSIZE=$(cut -f4 <<< "$LINE")

# 1. Firefox must be closed
if pgrep -u "$(id -u)" -x 'firefox|firefox-bin|firefox-esr|firefox.real' >/dev/null 2>&1 || [[ -L "$PPATH/lock" ]]; then
  echo "Firefox appears to be running (or the profile is locked). Please quit Firefox and run again." >&2
  exit 1
fi

# 2. Destination must be on an encrypted volume
EVIDENCE=""
if [[ "$OS" == Darwin ]]; then
  VOL=$(df "$DEST" | awk 'NR==2 {print $1}')
  INFO=$(diskutil info "$VOL" 2>/dev/null || true)
  if grep -Eq '^\s*(FileVault|Encrypted):\s+Yes' <<< "$INFO"; then
    EVIDENCE="diskutil: $(grep -E '^\s*(FileVault|Encrypted):' <<< "$INFO" | tr -s ' ' | paste -sd';' -)"
  fi
else
  SRC=$(findmnt -no SOURCE --target "$DEST" 2>/dev/null || true)
  FSTYPE=$(findmnt -no FSTYPE --target "$DEST" 2>/dev/null || true)
  if [[ "$SRC" == /dev/* ]] && lsblk -nso TYPE "$SRC" 2>/dev/null | grep -qx crypt; then
    EVIDENCE="lsblk: $SRC has a crypt ancestor"
  elif [[ "$FSTYPE" == zfs ]] && [[ "$(zfs get -H -o value encryption "$SRC" 2>/dev/null)" =~ ^aes ]]; then
    EVIDENCE="zfs: $SRC encryption=$(zfs get -H -o value encryption "$SRC")"
  elif command -v fscrypt >/dev/null && fscrypt status "$DEST" 2>/dev/null | grep -q 'is encrypted'; then
    EVIDENCE="fscrypt: $DEST is encrypted"
  fi
fi
if [[ -z "$EVIDENCE" ]]; then
  if [[ -n "$ASSUME" ]]; then
    EVIDENCE="user-asserted: $ASSUME"
  else
    echo "destination is not on an encrypted volume (or encryption could not be verified): $DEST" >&2
    echo "Use a folder on an encrypted disk, or re-run with --assume-encrypted \"<reason>\" if the user confirms." >&2
    exit 1
  fi
fi

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
SAFE_NAME=$(tr -c 'A-Za-z0-9._-' '_' <<< "$PROFILE" | sed 's/_$//')
if command -v zstd >/dev/null; then EXT=zst; COMP=(--zstd); else EXT=gz; COMP=(-z); fi
OUT="$DEST/firefox-$SAFE_NAME-$STAMP.tar.$EXT"

echo "Profile:      $PROFILE  ($PPATH, $PSIZE)"
echo "Destination:  $DEST"
echo "Encryption:   $EVIDENCE"
echo "Archive:      $(basename "$OUT")"
echo "Contains:     saved logins (logins.json + key4.db), cookies, history, bookmarks, extensions"
read -r -p "Proceed? [yes/NO] " ok
[[ "$ok" == yes ]] || { echo "no backup written"; exit 1; }

EXCLUDES=(--exclude=cache2 --exclude=startupCache --exclude=crashes --exclude=minidumps --exclude=lock --exclude=.parentlock --exclude=thumbnails --exclude='*.tmp')
[[ $EXCL_SITE -eq 1 ]] && EXCLUDES+=(--exclude=storage/default)

umask 077
tar -C "$PPATH" "${EXCLUDES[@]}" "${COMP[@]}" -cf "$OUT" .
chmod 600 "$OUT"
( cd "$DEST" && { command -v sha256sum >/dev/null && sha256sum "$(basename "$OUT")" || shasum -a 256 "$(basename "$OUT")"; } > "$(basename "$OUT").sha256" )
printf 'encryption_evidence=%s\nprofile=%s\ncreated=%s\n' "$EVIDENCE" "$PROFILE" "$STAMP" > "$OUT.manifest"

LISTING=$(tar "${COMP[@]}" -tf "$OUT")
missing=()
for f in places.sqlite logins.json key4.db prefs.js; do grep -qx "./$f" <<< "$LISTING" || missing+=("$f"); done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "warning: not in archive (may not exist in this profile): ${missing[*]}"
fi
echo "wrote $OUT ($(du -h "$OUT" | cut -f1)) and .sha256"
