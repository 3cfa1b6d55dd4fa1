#!/usr/bin/env bash
# Install the bundled hooks into the current repository only.
# usage: install-hooks.sh --mode shared|private [--hooks pre-commit,commit-msg,pre-push] [--dry-run]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
mode=""; hooks="pre-commit,commit-msg"; dry=0
while [ $# -gt 0 ]; do
  case "$1" in
    --mode) mode="$2"; shift 2 ;;
    --hooks) hooks="$2"; shift 2 ;;
    --dry-run) dry=1; shift ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
[ "$mode" = shared ] || [ "$mode" = private ] || { echo "--mode shared|private required" >&2; exit 2; }

top="$(git rev-parse --show-toplevel)"
gitdir="$(git rev-parse --absolute-git-dir)"
if [ "$mode" = shared ]; then dest="$top/.githooks"; else dest="$gitdir/hooks"; fi
stamp="$(date +%Y%m%d-%H%M%S)"

run() { if [ $dry -eq 1 ]; then echo "would: $*"; else "$@"; fi; }

echo "repo: $top"
echo "target: $dest"
run mkdir -p "$dest"
IFS=',' read -r -a list <<<"$hooks"
for h in "${list[@]}"; do
  src="$here/assets/hooks/$h"
  [ -f "$src" ] || { echo "no bundled hook $h" >&2; exit 1; }
  for existing in "$dest/$h" "$gitdir/hooks/$h"; do
    if [ -f "$existing" ] && ! cmp -s "$existing" "$src"; then
      run mv "$existing" "$existing.bak-$stamp"
    fi
  done
  run cp "$src" "$dest/$h"
  run chmod +x "$dest/$h"
done
if [ "$mode" = shared ]; then
  run git -C "$top" config --local core.hooksPath .githooks
fi
[ $dry -eq 1 ] && echo "(dry run - nothing changed)" || echo "installed: ${list[*]}"
