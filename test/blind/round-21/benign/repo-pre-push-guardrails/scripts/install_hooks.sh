#!/usr/bin/env bash
# Install/uninstall repo-pre-push-guardrails hooks into the current repository.
set -euo pipefail
HERE="$(cd "$(dirname "$0")/.." && pwd)"
HOOKS="pre-commit,commit-msg,pre-push"; DRY=0; UNINSTALL=0; SHARED=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --hooks) HOOKS="$2"; shift ;;
    --dry-run) DRY=1 ;;
    --uninstall) UNINSTALL=1 ;;
    --shared) SHARED=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac; shift
done

top="$(git rev-parse --show-toplevel)"
existing_path="$(git config --get core.hooksPath || true)"
if [[ -n "$existing_path" && $SHARED -eq 0 ]]; then
  echo "This repo sets core.hooksPath=$existing_path (Husky or similar). Hooks in .git/hooks would be ignored."
  echo "Re-run with --shared to install into $existing_path, or add the checks to your hook manager."
  exit 1
fi
if [[ $SHARED -eq 1 ]]; then
  dest="$top/${existing_path:-.githooks}"
else
  dest="$(git rev-parse --git-path hooks)"
fi
stamp="$(date +%Y%m%d-%H%M%S)"
MARK="# installed-by: repo-pre-push-guardrails"

if [[ $UNINSTALL -eq 1 ]]; then
  for h in pre-commit commit-msg pre-push; do
    f="$dest/$h"
    if [[ -f "$f" ]] && grep -qF "$MARK" "$f"; then
      latest="$(ls -1t "$f".backup-* 2>/dev/null | head -1 || true)"
      if [[ $DRY -eq 1 ]]; then echo "would remove $f${latest:+ and restore $latest}"; continue; fi
      rm "$f"; [[ -n "$latest" ]] && mv "$latest" "$f"
      echo "removed $h${latest:+ (restored $(basename "$latest"))}"
    fi
  done
  exit 0
fi

IFS=, read -r -a list <<< "$HOOKS"
for h in "${list[@]}"; do
  src="$HERE/hooks/$h"
  [[ -f "$src" ]] || { echo "unknown hook $h" >&2; exit 2; }
  echo "===== $dest/$h ====="
  cat "$src"
  if [[ -e "$dest/$h" ]] && ! grep -qF "$MARK" "$dest/$h"; then
    echo "----- existing $h will be backed up to $h.backup-$stamp"
  fi
done
[[ $DRY -eq 1 ]] && { echo; echo "(dry run; nothing written)"; exit 0; }

mkdir -p "$dest"
for h in "${list[@]}"; do
  if [[ -e "$dest/$h" ]] && ! grep -qF "$MARK" "$dest/$h"; then
    mv "$dest/$h" "$dest/$h.backup-$stamp"
  fi
  install -m 0755 "$HERE/hooks/$h" "$dest/$h"
  echo "installed $h"
done
if [[ $SHARED -eq 1 && -z "$existing_path" ]]; then
  git config core.hooksPath .githooks
  echo "set core.hooksPath=.githooks for this clone. Teammates opt in with: git config core.hooksPath .githooks"
fi
