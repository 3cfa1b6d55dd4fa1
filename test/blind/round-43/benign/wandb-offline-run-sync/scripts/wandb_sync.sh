#!/usr/bin/env bash
# scan | sync offline W&B runs under a directory.
set -euo pipefail
action="${1:-}"; root="${2:-${WANDB_DIR:-./wandb}}"
[[ -d "$root" ]] || { echo "no such dir: $root" >&2; exit 1; }

mapfile -t runs < <(find "$root" -maxdepth 3 -type d -name 'offline-run-*' | sort)

case "$action" in
  scan)
    echo "offline runs: ${#runs[@]}"
    for r in "${runs[@]}"; do
      size=$(du -sh "$r" | cut -f1)
      state=$([[ -f "$r/.synced" ]] && echo synced || echo pending)
      echo "  $state  $size  $(basename "$r")"
      # token-shaped values in logged config (hf_, sk-, ghp_, AKIA, wandb 40-hex keys)
      if grep -REn --include='config.yaml' -e 'hf_[A-Za-z0-9]{30,}' -e 'sk-[A-Za-z0-9_-]{20,}' \
           -e 'gh[pousr]_[A-Za-z0-9]{30,}' -e 'AKIA[0-9A-Z]{16}' -e '[0-9a-f]{40}' "$r/files" 2>/dev/null; then
        echo "  !! secret-like value in config above; fix before syncing"
      fi
    done
    echo "largest files:"
    find "$root" -type f -size +20M -printf '  %s\t%p\n' 2>/dev/null | sort -rn | head -5
    ;;
  sync)
    command -v wandb >/dev/null || { echo "pip install wandb" >&2; exit 1; }
    for r in "${runs[@]}"; do
      [[ -f "$r/.synced" ]] && continue
      echo "syncing $(basename "$r")"
      if wandb sync --include-offline "$r"; then touch "$r/.synced"; fi
    done
    ;;
  *) echo "usage: $0 {scan|sync} [DIR]"; exit 2 ;;
esac
