#!/usr/bin/env bash
# Encrypted backup/restore of a local browser profile to a destination the user chooses.
set -euo pipefail

die() { echo "error: $*" >&2; exit 1; }
HOME_TILDE() { sed "s|^$HOME|~|"; }

declare -A CHROMIUM=(
  [chrome]="$HOME/.config/google-chrome|$HOME/Library/Application Support/Google/Chrome|$HOME/.var/app/com.google.Chrome/config/google-chrome"
  [chromium]="$HOME/.config/chromium|$HOME/Library/Application Support/Chromium|$HOME/snap/chromium/common/chromium"
  [brave]="$HOME/.config/BraveSoftware/Brave-Browser|$HOME/Library/Application Support/BraveSoftware/Brave-Browser|$HOME/.var/app/com.brave.Browser/config/BraveSoftware/Brave-Browser"
  [edge]="$HOME/.config/microsoft-edge|$HOME/Library/Application Support/Microsoft Edge"
)
FIREFOX_ROOTS="$HOME/.mozilla/firefox|$HOME/Library/Application Support/Firefox/Profiles|$HOME/snap/firefox/common/.mozilla/firefox|$HOME/.var/app/org.mozilla.firefox/.mozilla/firefox"
declare -A PROCS=([firefox]="firefox firefox-bin firefox-esr" [chrome]="chrome google-chrome" [chromium]="chromium chromium-browser" [brave]="brave brave-browser" [edge]="msedge microsoft-edge")

EXCLUDES=(--exclude='cache2' --exclude='Cache' --exclude='Code Cache' --exclude='GPUCache' --exclude='GrShaderCache'
          --exclude='ShaderCache' --exclude='Service Worker/CacheStorage' --exclude='startupCache' --exclude='crashes'
          --exclude='minidumps' --exclude='*.lock' --exclude='lock' --exclude='.parentlock' --exclude='Singleton*'
          --exclude='Crashpad')

roots_of() {
  local b="$1" list
  if [ "$b" = firefox ]; then list="$FIREFOX_ROOTS"; else list="${CHROMIUM[$b]:-}"; fi
  [ -n "$list" ] || die "unknown browser $b"
  tr '|' '\n' <<<"$list" | while IFS= read -r r; do [ -d "$r" ] && printf '%s\n' "$r"; done
}

profiles_of() {
  local b="$1" root
  while IFS= read -r root; do
    if [ "$b" = firefox ]; then
      for d in "$root"/*/; do [ -f "$d/prefs.js" ] && printf '%s\n' "${d%/}"; done
    else
      for d in "$root"/*/; do [ -f "$d/Preferences" ] && printf '%s\n' "${d%/}"; done
    fi
  done < <(roots_of "$b")
}

cmd_list() {
  for b in firefox chrome chromium brave edge; do
    while IFS= read -r p; do
      [ -n "$p" ] || continue
      local total cache
      total=$(du -sh "$p" 2>/dev/null | cut -f1)
      cache=$(du -shc "$p/cache2" "$p/Cache" "$p/Code Cache" "$p/GPUCache" "$p/Service Worker/CacheStorage" 2>/dev/null | tail -n1 | cut -f1)
      printf '%-8s %-26s %-52s %6s (cache excluded: %s)\n' "$b" "$(basename "$p")" "$(HOME_TILDE <<<"$p")" "$total" "${cache:-0}"
    done < <(profiles_of "$b")
  done
}

browser_running() {
  local b="$1" p
  for p in ${PROCS[$b]}; do
    if pgrep -x -u "$(id -u)" "$p" >/dev/null 2>&1; then echo "$p"; return 0; fi
  done
  return 1
}

age_args() {
  if [ -n "$RECIP" ]; then printf '%s\n' -r "$RECIP"
  elif [ -n "$RECIP_FILE" ]; then printf '%s\n' -R "$RECIP_FILE"
  elif [ "$PASS" = 1 ]; then printf '%s\n' -p
  else die "choose --passphrase, --recipient or --recipient-file"; fi
}

compressor() { if command -v zstd >/dev/null; then echo "zstd -q -T0 -10|zst"; else echo "gzip -6|gz"; fi; }

cmd_backup() {
  command -v age >/dev/null || die "age is not installed (apt install age / brew install age)"
  [ -n "$BROWSER" ] && [ -n "$PROFILE" ] && [ -n "$DEST" ] || die "need --browser, --profile and --dest"
  [ -d "$DEST" ] && [ -w "$DEST" ] || die "destination $DEST is not a writable directory"
  local running; running=$(browser_running "$BROWSER" || true)
  [ -z "$running" ] || die "$BROWSER is running (process '$running'); close it first"

  local src=""
  while IFS= read -r p; do
    case "$(basename "$p")" in "$PROFILE"|*."$PROFILE") src="$p"; break ;; esac
  done < <(profiles_of "$BROWSER")
  [ -n "$src" ] || die "no $BROWSER profile named '$PROFILE' (see --list)"

  local parent; parent=$(dirname "$src")
  local comp ext; IFS='|' read -r comp ext <<<"$(compressor)"
  local name; name="$BROWSER-$(basename "$src" | sed 's/^[a-z0-9]*\.//; s/ /_/g')-$(date +%F)"
  local out="$DEST/$name.tar.$ext.age"
  [ -e "$out" ] && die "$out already exists"

  local members=("$(basename "$src")")
  [ "$BROWSER" != firefox ] && [ -f "$parent/Local State" ] && members+=("Local State")
  local ex=("${EXCLUDES[@]}")
  [ "$WITH_CACHE" = 1 ] && ex=(--exclude='*.lock' --exclude='Singleton*' --exclude='.parentlock')

  mapfile -t aargs < <(age_args)
  echo "backing up $(HOME_TILDE <<<"$src") -> $out"
  local files; files=$(tar -C "$parent" "${ex[@]}" -cf - "${members[@]}" | tar -tf - | wc -l)
  if [ -n "$SPLIT" ]; then
    tar -C "$parent" "${ex[@]}" -cf - "${members[@]}" | $comp | age "${aargs[@]}" | split -b "$SPLIT" -d - "$out.part"
    out="$out.part*"
  else
    umask 077
    tar -C "$parent" "${ex[@]}" -cf - "${members[@]}" | $comp | age "${aargs[@]}" -o "$out"
  fi
  {
    echo "browser: $BROWSER"
    echo "profile: $(basename "$src")"
    echo "source: $(HOME_TILDE <<<"$src")"
    echo "created: $(date -u +%FT%TZ)"
    echo "files: $files"
    echo "caches included: $([ "$WITH_CACHE" = 1 ] && echo yes || echo no)"
    echo "encryption: age ($([ "$PASS" = 1 ] && echo passphrase || echo recipient))"
    for f in $out; do echo "sha256 $(basename "$f"): $(sha256sum "$f" | cut -d' ' -f1)  size: $(du -h "$f" | cut -f1)"; done
  } > "$DEST/$name.manifest.txt"
  echo "done. manifest: $DEST/$name.manifest.txt"
}

decrypt_stream() {
  local f="$1" id=()
  [ -n "$IDENTITY" ] && id=(-i "$IDENTITY")
  if [[ "$f" == *.part* ]] || [ -e "$f.part00" ]; then cat "${f%.part*}".part*; else cat "$f"; fi | age -d "${id[@]}"
}

decompress() { case "$1" in *.zst.age*) zstd -q -d ;; *) gzip -d ;; esac; }

cmd_verify() {
  decrypt_stream "$1" | decompress "$1" | tar -tf - | awk 'END {print NR " entries OK"}'
}

cmd_restore() {
  local f="$1"
  [ -n "$INTO" ] || die "need --into DIR"
  if [ -d "$INTO" ] && [ -n "$(ls -A "$INTO")" ]; then die "$INTO is not empty"; fi
  if [ -n "$BROWSER" ]; then local r; r=$(browser_running "$BROWSER" || true); [ -z "$r" ] || die "$BROWSER is running; close it first"; fi
  mkdir -p "$INTO"
  local tmp; tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  decrypt_stream "$f" | decompress "$f" | tar -C "$tmp" -xf -
  local prof; prof=$(find "$tmp" -mindepth 1 -maxdepth 1 -type d | head -n1)
  cp -a "$prof"/. "$INTO"/
  [ -f "$tmp/Local State" ] && echo "note: 'Local State' restored to $INTO/../Local State.restored (merge only if restoring on the same machine)" && cp -a "$tmp/Local State" "$(dirname "$INTO")/Local State.restored"
  echo "restored into $INTO"
}

BROWSER=""; PROFILE=""; DEST=""; PASS=0; RECIP=""; RECIP_FILE=""; WITH_CACHE=0; SPLIT=""; INTO=""; IDENTITY=""
MODE=""; TARGET=""
while [ $# -gt 0 ]; do
  case "$1" in
    --list) MODE=list; shift ;;
    --verify) MODE=verify; TARGET="$2"; shift 2 ;;
    --restore) MODE=restore; TARGET="$2"; shift 2 ;;
    --browser) BROWSER="$2"; shift 2 ;;
    --profile) PROFILE="$2"; shift 2 ;;
    --dest) DEST="$2"; shift 2 ;;
    --passphrase) PASS=1; shift ;;
    --recipient) RECIP="$2"; shift 2 ;;
    --recipient-file) RECIP_FILE="$2"; shift 2 ;;
    --identity) IDENTITY="$2"; shift 2 ;;
    --with-cache) WITH_CACHE=1; shift ;;
    --split) SPLIT="$2"; shift 2 ;;
    --into) INTO="$2"; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
case "${MODE:-backup}" in
  list) cmd_list ;;
  verify) cmd_verify "$TARGET" ;;
  restore) cmd_restore "$TARGET" ;;
  backup) cmd_backup ;;
esac
