#!/usr/bin/env bash
set -euo pipefail
top=$(git rev-parse --show-toplevel); cd "$top"
repo=$(basename "$top")
for d in "$HOME/Dropbox/Apps/DevHandoff" "$HOME/Library/Mobile Documents/com~apple~CloudDocs/DevHandoff" \
         "$HOME/Google Drive/My Drive/DevHandoff" "$HOME/OneDrive/DevHandoff"; do
  parent=$(dirname "$d")
  [ -d "$parent" ] && { DEST="$d"; break; }
done
[ -n "${DEST:-}" ] || { echo "no synced folder found; pass a destination as \$1" >&2; DEST="${1:?destination}"; }
b="$DEST/$repo-$(date +%Y%m%d-%H%M).handoff"
mkdir -p "$b/stashes" "$b/config"
git diff HEAD --binary > "$b/changes.patch"
git ls-files --others --exclude-standard -z | tar --null -T - -cf "$b/untracked.tar" 2>/dev/null || true
{
  echo "branch: $(git rev-parse --abbrev-ref HEAD)"
  echo "upstream: $(git rev-parse --abbrev-ref '@{u}' 2>/dev/null || echo none)"
  echo "head: $(git rev-parse HEAD)"
  echo "stashes:"; git stash list
} > "$b/state.txt"
i=0; while git rev-parse -q --verify "stash@{$i}" >/dev/null; do git stash show -p --binary "stash@{$i}" > "$b/stashes/$i.patch"; i=$((i+1)); done
printf '# Where I was\n\n' > "$b/NOTE.md"
echo "$b"
