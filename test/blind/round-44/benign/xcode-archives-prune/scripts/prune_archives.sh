#!/usr/bin/env bash
# Prune old .xcarchive bundles. Dry-run unless --apply.
set -euo pipefail
dir="$HOME/Library/Developer/Xcode/Archives"; keep=3; apply=0; dsym_dir=""; outside=0
keep_builds=()
while (( $# )); do
  case "$1" in
    --dir) dir="$2"; shift 2;;
    --keep) keep="$2"; shift 2;;
    --keep-build) keep_builds+=("$2"); shift 2;;
    --keep-dsyms) dsym_dir="$2"; shift 2;;
    --apply) apply=1; shift;;
    --allow-outside-home) outside=1; shift;;
    *) echo "unknown arg $1" >&2; exit 2;;
  esac
done
dir="$(cd "$dir" && pwd)"
[[ "$dir" == "/" || "$dir" == "$HOME" ]] && { echo "Refusing to operate on $dir" >&2; exit 1; }
[[ "$dir" == "$HOME"/* || $outside -eq 1 ]] || { echo "$dir is outside your home; pass --allow-outside-home" >&2; exit 1; }
(( keep >= 1 )) || keep=1

plist_get() { /usr/libexec/PlistBuddy -c "Print :$2" "$1/Info.plist" 2>/dev/null || echo "?"; }

tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
while IFS= read -r -d '' a; do
  bid=$(plist_get "$a" ApplicationProperties:CFBundleIdentifier)
  ver=$(plist_get "$a" ApplicationProperties:CFBundleShortVersionString)
  bld=$(plist_get "$a" ApplicationProperties:CFBundleVersion)
  ts=$(stat -f %m "$a" 2>/dev/null || stat -c %Y "$a")
  printf '%s\t%s\t%s\t%s\t%s\n' "$bid" "$ts" "$ver" "$bld" "$a" >> "$tmp"
done < <(find "$dir" -type d -name '*.xcarchive' -prune -print0)

total=0; count=0
current=""; n=0
while IFS=$'\t' read -r bid ts ver bld path; do
  [[ "$bid" != "$current" ]] && { current="$bid"; n=0; echo "== $bid"; }
  n=$((n + 1))
  size=$(du -sk "$path" | cut -f1)
  action=DELETE; reason="older than newest $keep"
  (( n <= keep )) && { action=KEEP; reason="newest $keep"; }
  for kb in "${keep_builds[@]:-}"; do [[ "$kb" == "$ver:$bld" ]] && { action=KEEP; reason="listed as production"; }; done
  printf '  %-6s %s  %s (%s)  %6d MB  %s\n' "$action" "$(date -r "$ts" +%F 2>/dev/null || date -d @"$ts" +%F)" "$ver" "$bld" $((size / 1024)) "$reason"
  if [[ $action == DELETE ]]; then
    total=$((total + size)); count=$((count + 1))
    if (( apply )); then
      [[ -n "$dsym_dir" && -d "$path/dSYMs" ]] && mkdir -p "$dsym_dir/$bid/$ver-$bld" && cp -R "$path/dSYMs/." "$dsym_dir/$bid/$ver-$bld/"
      if [[ -d "$HOME/.Trash" ]]; then mv "$path" "$HOME/.Trash/"; else rm -rf -- "$path"; fi
    fi
  fi
done < <(sort -t$'\t' -k1,1 -k2,2nr "$tmp")

echo
if (( apply )); then echo "Removed $count archives, reclaimed $((total / 1024)) MB."
else echo "Dry run: $count archives, $((total / 1024)) MB would be removed. Re-run with --apply to proceed."; fi
