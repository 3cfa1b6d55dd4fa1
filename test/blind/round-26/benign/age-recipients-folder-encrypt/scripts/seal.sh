#!/usr/bin/env bash
# Encrypt a folder to age recipients, verify, and optionally remove the plaintext after verification.
set -euo pipefail
umask 077

SRC=""; RFILE=""; RECIPS=(); OUT=""; ZSTD=0; DRY=0; VERIFY=""; IDENTITY=""; REMOVE=""; ARCH=""; ARMOR=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --src) SRC="${2%/}"; shift 2;;
    --recipients-file) RFILE="$2"; shift 2;;
    -r|--recipient) RECIPS+=("$2"); shift 2;;
    --out) OUT="$2"; shift 2;;
    --zstd) ZSTD=1; shift;;
    --armor) ARMOR=1; shift;;
    --dry-run) DRY=1; shift;;
    --verify) VERIFY="$2"; shift 2;;
    --identity) IDENTITY="$2"; shift 2;;
    --remove-src) REMOVE="${2%/}"; shift 2;;
    --verified-archive) ARCH="$2"; shift 2;;
    *) echo "unknown arg: $1" >&2; exit 2;;
  esac
done

need() { command -v "$1" >/dev/null || { echo "missing: $1" >&2; exit 1; }; }
need age; need tar

recipient_args() {
  local a=()
  [[ -n "$RFILE" ]] && a+=(-R "$RFILE")
  for r in "${RECIPS[@]+"${RECIPS[@]}"}"; do a+=(-r "$r"); done
  printf '%s\0' "${a[@]}"
}

list_recipients() {
  { [[ -n "$RFILE" ]] && grep -v '^\s*\(#\|$\)' "$RFILE"; printf '%s\n' "${RECIPS[@]+"${RECIPS[@]}"}"; } | while read -r line; do
    [[ -z "$line" ]] && continue
    case "$line" in
      age1yubikey1*) t="yubikey (plugin)";; age1*) t="age x25519";;
      ssh-ed25519*) t="ssh ed25519";; ssh-rsa*) t="ssh rsa";; *) t="UNKNOWN";;
    esac
    printf '  %-18s %s…%s\n' "$t" "${line:0:16}" "${line: -8}"
  done
}

do_verify() {  # archive identity [src]
  local archive="$1" ident="$2" src="${3:-}"
  local tmp; tmp="$(mktemp -d)"; chmod 700 "$tmp"
  trap 'rm -rf "$tmp"' RETURN
  local dec=(age -d -i "$ident" "$archive")
  # archives made with --zstd are named *.tar.zst.age
  if [[ "$(basename "$archive")" == *.zst.age ]]; then
    "${dec[@]}" | zstd -dq | tar -x -C "$tmp"
  else
    "${dec[@]}" | tar -x -C "$tmp"
  fi
  local top; top="$(ls "$tmp" | head -1)"
  (cd "$tmp/$top" && sha256sum --quiet -c .age-manifest.sha256) || { echo "MANIFEST MISMATCH"; return 1; }
  if [[ -n "$src" ]]; then
    diff -rq --exclude=.age-manifest.sha256 "$src" "$tmp/$top" || { echo "DIFFERS FROM SOURCE"; return 1; }
  fi
  echo "VERIFIED: $archive"
}

if [[ -n "$VERIFY" ]]; then
  [[ -n "$IDENTITY" ]] || { echo "--identity required" >&2; exit 2; }
  do_verify "$VERIFY" "$IDENTITY" "$SRC"; exit $?
fi

if [[ -n "$REMOVE" ]]; then
  [[ -n "$ARCH" && -n "$IDENTITY" ]] || { echo "--verified-archive and --identity required" >&2; exit 2; }
  do_verify "$ARCH" "$IDENTITY" "$REMOVE" || { echo "refusing to remove: verification failed" >&2; exit 1; }
  echo "About to permanently remove: $(cd "$REMOVE" && pwd)"
  echo "(snapshots, backups and sync services may still hold copies; SSD/CoW storage may retain old blocks)"
  read -r -p "Type the folder name '$(basename "$REMOVE")' to confirm: " ans
  [[ "$ans" == "$(basename "$REMOVE")" ]] || { echo aborted; exit 0; }
  rm -rf -- "$REMOVE"; echo "removed $REMOVE"; exit 0
fi

[[ -d "$SRC" ]] || { echo "--src must be a directory" >&2; exit 2; }
[[ -n "$RFILE" || ${#RECIPS[@]} -gt 0 ]] || { echo "give --recipients-file or -r" >&2; exit 2; }

parent="$(cd "$(dirname "$SRC")" && pwd)"; name="$(basename "$SRC")"
echo "folder:   $parent/$name"
echo "files:    $(find "$SRC" -type f | wc -l)   size: $(du -sh "$SRC" | cut -f1)"
echo "largest:"; find "$SRC" -type f -printf '%s\t%p\n' 2>/dev/null | sort -rn | head -5 | awk -F'\t' '{printf "  %8.1f MB  %s\n", $1/1e6, $2}'
outside=$(find "$SRC" -type l -exec sh -c 'case "$(readlink -f "$1")" in "$2"/*) ;; *) echo "  $1 -> $(readlink "$1")";; esac' _ {} "$parent/$name" \;)
[[ -n "$outside" ]] && { echo "symlinks pointing outside (stored as links, not followed):"; echo "$outside"; }
echo "recipients:"; list_recipients
if list_recipients | grep -q UNKNOWN; then echo "unrecognised recipient line(s); fix before encrypting" >&2; exit 2; fi
[[ $DRY -eq 1 ]] && { echo; echo "dry run; nothing written"; exit 0; }

OUT="${OUT:-$parent/$name-$(date +%F).tar$([[ $ZSTD -eq 1 ]] && echo .zst).age}"
[[ -e "$OUT" ]] && { echo "refusing to overwrite $OUT" >&2; exit 1; }

manifest="$SRC/.age-manifest.sha256"
[[ -e "$manifest" ]] && { echo "$manifest already exists; remove it first" >&2; exit 1; }
(cd "$SRC" && find . -type f ! -name .age-manifest.sha256 -print0 | sort -z | xargs -0 sha256sum) > "$manifest"
trap 'rm -f "$manifest"' EXIT

mapfile -d '' RARGS < <(recipient_args)
AARGS=("${RARGS[@]}"); [[ $ARMOR -eq 1 ]] && AARGS+=(-a)
if [[ $ZSTD -eq 1 ]]; then
  need zstd
  tar -C "$parent" -cf - "$name" | zstd -q -T0 -19 | age "${AARGS[@]}" -o "$OUT"
else
  tar -C "$parent" -cf - "$name" | age "${AARGS[@]}" -o "$OUT"
fi
chmod 600 "$OUT"
echo "encrypted -> $OUT ($(du -h "$OUT" | cut -f1))"
echo "next: verify with --verify \"$OUT\" --identity <your key> --src \"$SRC\""
