#!/usr/bin/env bash
set -euo pipefail
[ -f MODULE.bazel ] || [ -f WORKSPACE ] || [ -f WORKSPACE.bazel ] || { echo "not a Bazel workspace: $PWD" >&2; exit 1; }
command -v bazel >/dev/null || { echo "bazel not found" >&2; exit 1; }

confirm() { read -r -p "$1 [y/N] " a; [ "$a" = y ] || [ "$a" = Y ]; }
size() { [ -e "$1" ] && du -sh "$1" 2>/dev/null | cut -f1 || echo "-"; }

disk_cache() {
  local f v
  for f in .bazelrc user.bazelrc "$HOME/.bazelrc"; do
    [ -f "$f" ] || continue
    v=$(grep -Eo -- '--disk_cache(=| )[^ ]+' "$f" | tail -1 | sed -E 's/--disk_cache(=| )//') || true
    [ -n "$v" ] && { echo "${v/#\~/$HOME}"; return; }
  done
}

ob=$(bazel info output_base 2>/dev/null)
rc=$(bazel info repository_cache 2>/dev/null)
dc=$(disk_cache || true)

prune() {
  local dir="$1" days="$2" label="$3"
  [ -n "$dir" ] && [ -d "$dir" ] || { echo "$label not found"; return 1; }
  case "$dir" in /|"$HOME"|"$HOME/") echo "refusing suspicious cache path: $dir" >&2; return 1 ;; esac
  local n; n=$(find "$dir" -type f -atime +"$days" | wc -l)
  echo "$label: $dir ($(size "$dir")); $n files not accessed in $days days"
  confirm "Proceed?" || return 1
  find "$dir" -type f -atime +"$days" -delete
  find "$dir" -mindepth 1 -type d -empty -delete
  echo "$label now $(size "$dir")"
}

case "${1:---report}" in
  --report)
    printf '%-18s %-8s %s\n' output_base "$(size "$ob")" "$ob"
    printf '%-18s %-8s %s\n' repository_cache "$(size "$rc")" "$rc"
    printf '%-18s %-8s %s\n' disk_cache "$(size "${dc:-/nonexistent}")" "${dc:-(not configured)}"
    printf '%-18s %-8s %s\n' install_base "$(size "$(bazel info install_base)")" "$(bazel info install_base)"
    ;;
  --expunge)
    echo "will run: bazel clean --expunge  (removes $ob, $(size "$ob"))"
    confirm "Proceed?" || exit 1
    if ! timeout 300 bazel clean --expunge; then
      echo "clean timed out; trying bazel shutdown first"
      bazel shutdown || true
      bazel clean --expunge
    fi
    ;;
  --prune-disk-cache) prune "$dc" "${2:?days}" "disk cache" ;;
  --prune-repo-cache) prune "$rc" "${2:?days}" "repository cache" ;;
  *) echo "usage: bazel_reset.sh --report|--expunge|--prune-disk-cache DAYS|--prune-repo-cache DAYS" >&2; exit 1 ;;
esac
