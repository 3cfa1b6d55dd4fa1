#!/usr/bin/env bash
# Restore packages and the latest dotfiles snapshot onto this machine.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=/dev/null
source "$here/config/profiles.env"
DOTFILES_REPO="${DOTFILES_REPO:-$HOME/dotfiles}"
pk="$DOTFILES_REPO/packages"

if [ "${1:-}" = file ]; then
  target="${2:?path relative to HOME}"
  RESTIC_PASSWORD="$OFFSITE_PASSWORD" restic -r "$OFFSITE_REPO" restore latest --tag dotfiles \
    --include "$HOME/$target" --target /
  exit 0
fi

[ -f "$pk/Brewfile" ] && command -v brew >/dev/null && brew bundle --file="$pk/Brewfile"
[ -f "$pk/apt.txt" ] && command -v apt-get >/dev/null && xargs -a "$pk/apt.txt" sudo apt-get install -y

tmp=$(mktemp -d)
if [ -s "${LOCAL_PASSWORD_FILE}" ] && [ -d "$LOCAL_REPO" ]; then
  restic -r "$LOCAL_REPO" --password-file "$LOCAL_PASSWORD_FILE" restore latest --tag dotfiles --target "$tmp"
else
  RESTIC_PASSWORD="$OFFSITE_PASSWORD" restic -r "$OFFSITE_REPO" restore latest --tag dotfiles --target "$tmp"
fi
src="$tmp$HOME"
(cd "$src" && find . -type f) | while read -r f; do
  rel=${f#./}
  [ -e "$HOME/$rel" ] && mv "$HOME/$rel" "$HOME/$rel.pre-restore"
  mkdir -p "$(dirname "$HOME/$rel")"; cp -p "$src/$rel" "$HOME/$rel"
done
rm -rf "$tmp"
echo "restore complete"
