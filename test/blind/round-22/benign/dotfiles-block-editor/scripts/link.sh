#!/usr/bin/env bash
# Symlink <repo>/home/** into $HOME. Plan first, one confirmation, conflicts moved to backups. Never deletes.
set -euo pipefail
REPO="${1:?usage: link.sh <dotfiles-repo> [--dry-run]}"
DRY=0; [[ "${2:-}" == --dry-run ]] && DRY=1
SRC="$(cd "$REPO" && pwd)/home"
[[ -d "$SRC" ]] || { echo "expected $SRC (files laid out as they appear under \$HOME)"; exit 1; }
BACKUPS="$HOME/.dotblock-backups/link-$(date +%Y%m%d-%H%M%S)"

declare -a plan=()
while IFS= read -r -d '' f; do
  rel="${f#$SRC/}"; dst="$HOME/$rel"
  if [[ -L "$dst" && "$(readlink "$dst")" == "$f" ]]; then plan+=("skip|$rel|already linked")
  elif [[ -e "$dst" || -L "$dst" ]]; then plan+=("conflict|$rel|existing file will be moved to $BACKUPS/$rel")
  else plan+=("link|$rel|")
  fi
done < <(find "$SRC" -type f -print0 | sort -z)

printf '%-9s %s %s\n' ACTION PATH NOTE
for p in "${plan[@]}"; do IFS='|' read -r act rel note <<<"$p"; printf '%-9s ~/%s %s\n' "$act" "$rel" "$note"; done
((DRY)) && exit 0
read -r -p "Proceed with these links? [y/N] " ans </dev/tty
[[ "$ans" == y || "$ans" == Y ]] || { echo "nothing changed"; exit 0; }

for p in "${plan[@]}"; do
  IFS='|' read -r act rel _ <<<"$p"
  dst="$HOME/$rel"
  case "$act" in
    skip) continue ;;
    conflict) mkdir -p "$(dirname "$BACKUPS/$rel")"; mv "$dst" "$BACKUPS/$rel" ;;
  esac
  mkdir -p "$(dirname "$dst")"
  ln -s "$SRC/$rel" "$dst"
  echo "linked ~/$rel"
done
