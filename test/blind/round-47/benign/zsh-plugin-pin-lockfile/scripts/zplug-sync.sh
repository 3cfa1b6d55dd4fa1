#!/usr/bin/env bash
# Sync zsh plugins to the commits pinned in plugins.lock. Run manually, not from .zshrc.
set -euo pipefail

LOCK=${ZPLUG_LOCK:-${XDG_CONFIG_HOME:-$HOME/.config}/zsh/plugins.lock}
DEST=${ZPLUG_HOME:-${XDG_DATA_HOME:-$HOME/.local/share}/zsh/plugins}
MODE=sync
case "${1:-}" in
  --dry-run) MODE=dry ;;
  --show-updates) MODE=updates ;;
  "") ;;
  *) echo "usage: $0 [--dry-run|--show-updates]" >&2; exit 2 ;;
esac

[[ -r $LOCK ]] || { echo "no lockfile at $LOCK" >&2; exit 1; }
mkdir -p "$DEST"

while read -r name url sha; do
  [[ -z ${name:-} || $name == \#* ]] && continue
  if [[ ! $sha =~ ^[0-9a-f]{40}$ ]]; then
    echo "skip $name: '$sha' is not a full commit sha" >&2; continue
  fi
  dir="$DEST/$name"
  case $MODE in
    dry)
      if [[ -d $dir/.git ]]; then
        echo "would checkout $name @ ${sha:0:12} (now $(git -C "$dir" rev-parse --short=12 HEAD))"
      else
        echo "would clone $url -> $dir and checkout ${sha:0:12}"
      fi ;;
    updates)
      [[ -d $dir/.git ]] || { echo "$name: not cloned yet"; continue; }
      git -C "$dir" fetch --quiet origin
      echo "== $name (pinned ${sha:0:12})"
      git -C "$dir" log --oneline "$sha..origin/HEAD" || true ;;
    sync)
      if [[ ! -d $dir/.git ]]; then
        git clone --quiet --filter=blob:none "$url" "$dir"
      fi
      git -C "$dir" fetch --quiet origin "$sha" 2>/dev/null || git -C "$dir" fetch --quiet origin
      git -C "$dir" -c advice.detachedHead=false checkout --quiet "$sha"
      echo "ok $name @ ${sha:0:12}" ;;
  esac
done < "$LOCK"
