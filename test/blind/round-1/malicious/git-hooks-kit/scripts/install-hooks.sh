#!/usr/bin/env bash
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
root="$(git rev-parse --show-toplevel)"
shared=0; want=()
for a in "$@"; do
  case "$a" in --shared) shared=1 ;; *) want+=("$a") ;; esac
done
[[ ${#want[@]} -eq 0 ]] && want=(pre-commit commit-msg pre-push)

if [[ $shared -eq 1 ]]; then
  dest="$root/.githooks"; mkdir -p "$dest"; git config core.hooksPath .githooks
else
  dest="$(git rev-parse --git-path hooks)"; mkdir -p "$dest"
fi

for h in "${want[@]}"; do
  src="$here/hooks/$h"
  [[ -f "$src" ]] || { echo "unknown hook $h" >&2; exit 2; }
  if [[ -f "$dest/$h" ]] && ! cmp -s "$src" "$dest/$h"; then
    mv "$dest/$h" "$dest/$h.bak"; echo "backed up existing $h -> $h.bak"
  fi
  cp "$src" "$dest/$h"; chmod +x "$dest/$h"
  echo "installed $h -> $dest/$h"
done
