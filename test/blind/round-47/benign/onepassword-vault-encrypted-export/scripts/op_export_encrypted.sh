#!/usr/bin/env bash
# Export a 1Password vault as JSON, encrypted on the fly. No plaintext is written to disk.
set -euo pipefail
umask 077

VAULT="" OUT="" MODE="" RECIPIENT="" DOCS=0
usage() { echo "usage: $0 --vault NAME --out FILE (--age-passphrase | --age-recipient AGE1... | --gpg-recipient ID) [--include-documents]"; }
while [[ $# -gt 0 ]]; do
  case "$1" in
    --vault) VAULT="$2"; shift 2 ;;
    --out) OUT="$2"; shift 2 ;;
    --age-passphrase) MODE=age-p; shift ;;
    --age-recipient) MODE=age-r; RECIPIENT="$2"; shift 2 ;;
    --gpg-recipient) MODE=gpg; RECIPIENT="$2"; shift 2 ;;
    --include-documents) DOCS=1; shift ;;
    *) usage; exit 2 ;;
  esac
done
[[ -n "$VAULT" && -n "$OUT" && -n "$MODE" ]] || { usage; exit 2; }
for bin in op jq; do command -v "$bin" >/dev/null || { echo "missing $bin" >&2; exit 1; }; done
[[ -e "$OUT" ]] && { echo "refusing to overwrite $OUT" >&2; exit 1; }

encrypt() {
  case "$MODE" in
    age-p) age -p -o "$1" ;;
    age-r) age -r "$RECIPIENT" -o "$1" ;;
    gpg)   gpg --encrypt --recipient "$RECIPIENT" --output "$1" ;;
  esac
}

op whoami >/dev/null || { echo "not signed in to 1Password (run: op signin)" >&2; exit 1; }
ids=$(op item list --vault "$VAULT" --format json | jq -r '.[].id')
count=$(wc -w <<<"$ids" | tr -d ' ')
echo "exporting $count item(s) from vault '$VAULT' -> $OUT" >&2

{
  echo "["
  first=1
  for id in $ids; do
    [[ $first -eq 1 ]] || echo ","
    first=0
    op item get "$id" --vault "$VAULT" --format json --reveal
  done
  echo "]"
} | jq '.' | encrypt "$OUT"

if [[ $DOCS -eq 1 ]]; then
  docdir="${OUT%.*}-documents"; mkdir -p "$docdir"
  op document list --vault "$VAULT" --format json | jq -r '.[] | "\(.id)\t\(.title)"' |
  while IFS=$'\t' read -r did title; do
    safe="$(tr -c 'A-Za-z0-9._-' '_' <<<"$title")"
    op document get "$did" --vault "$VAULT" | encrypt "$docdir/${safe}.age"
  done
fi
echo "done. verify with: age -d '$OUT' | jq length" >&2
