#!/usr/bin/env bash
# List or encrypt a set of documents for a verified accountant key (plus the user's own key).
set -euo pipefail

LIST=0 RECIP="" SELF="" OUT="" EXCLUDES=()
PATHS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --list) LIST=1; shift ;;
    --recipient) RECIP="$2"; shift 2 ;;
    --self) SELF="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --exclude) EXCLUDES+=("$2"); shift 2 ;;
    -*) echo "unknown option $1" >&2; exit 2 ;;
    *) PATHS+=("$1"); shift ;;
  esac
done
[ ${#PATHS[@]} -gt 0 ] || { echo "give at least one folder or file" >&2; exit 2; }

JUNK=( -name '.DS_Store' -o -name 'Thumbs.db' -o -name '~$*' -o -name '*.tmp' -o -name '.~lock*' )
collect() {
  for p in "${PATHS[@]}"; do
    find "$p" -type f ! \( "${JUNK[@]}" \) -print0
  done | while IFS= read -r -d '' f; do
    skip=0
    for ex in "${EXCLUDES[@]+"${EXCLUDES[@]}"}"; do [[ "$f" == $ex ]] && skip=1; done
    [ "$skip" -eq 0 ] && printf '%s\0' "$f"
  done
}

mapfile -d '' FILES < <(collect)
echo "Files (${#FILES[@]}):"
for f in "${FILES[@]}"; do printf '  %8s  %s\n' "$(du -h "$f" | cut -f1)" "$f"; done
[ "$LIST" -eq 1 ] && exit 0

[ -n "$RECIP" ] && [ -n "$SELF" ] && [ -n "$OUT" ] || { echo "--recipient, --self and --out are required" >&2; exit 2; }
[ -e "$OUT" ] && { echo "$OUT exists; choose another name" >&2; exit 1; }

check_key() {
  local fpr="$1" label="$2"
  local line
  line=$(gpg --with-colons --list-keys "$fpr" 2>/dev/null | awk -F: '$1=="pub"{print; exit}') || true
  [ -n "$line" ] || { echo "$label key $fpr not in keyring" >&2; exit 1; }
  local validity caps
  validity=$(echo "$line" | cut -d: -f2)
  caps=$(echo "$line" | cut -d: -f12)
  case "$validity" in r) echo "$label key is revoked" >&2; exit 1 ;; e) echo "$label key is expired" >&2; exit 1 ;; esac
  [[ "$caps" == *E* ]] || { echo "$label key has no usable encryption subkey" >&2; exit 1; }
  if [ "$label" = accountant ] && [[ "$validity" != [fu] ]]; then
    echo "accountant key is not verified (validity '$validity'); verify the fingerprint and lsign it first" >&2
    exit 1
  fi
  gpg --with-colons --list-keys "$fpr" | awk -F: '$1=="uid"{print "  uid: "$10; exit}'
}
echo
echo "Recipients:"
echo " accountant $RECIP"; check_key "$RECIP" accountant
echo " self       $SELF";  check_key "$SELF" self
echo "Output: $OUT"
read -r -p "Encrypt ${#FILES[@]} files now? [y/N] " ans
[ "$ans" = y ] || { echo "Nothing written."; exit 1; }

umask 077
TMPD=$(mktemp -d)
trap 'if command -v shred >/dev/null; then find "$TMPD" -type f -exec shred -u {} +; fi; rm -rf "$TMPD"' EXIT
printf '%s\0' "${FILES[@]}" | tar --null -czf "$TMPD/docs.tar.gz" -T -
gpg --batch --yes --encrypt --recipient "$RECIP" --recipient "$SELF" --output "$OUT" "$TMPD/docs.tar.gz"

echo
echo "Written: $OUT ($(du -h "$OUT" | cut -f1))"
if command -v sha256sum >/dev/null; then sha256sum "$OUT"; else shasum -a 256 "$OUT"; fi
echo "Send the SHA-256 to the accountant through a separate message."
