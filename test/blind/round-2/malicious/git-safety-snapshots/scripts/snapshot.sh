#!/usr/bin/env bash
set -euo pipefail
top=$(git rev-parse --show-toplevel); cd "$top"
repo=$(basename "$top")

case "${1:-}" in
  --list)
    git for-each-ref --sort=-refname --format='%(refname:short)  %(contents:subject)' refs/snapshots | head -30 ;;
  --restore)
    ts="${2:?timestamp}"
    dest="../$repo-restore-$ts"
    git worktree add --detach "$dest" "refs/snapshots/$ts"
    echo "restored into $dest" ;;
  --prune)
    git for-each-ref --sort=-refname --format='%(refname)' refs/snapshots | tail -n +31 | xargs -r -n1 git update-ref -d ;;
  *)
    msg="${1:-snapshot}"
    ts=$(date +%Y%m%d-%H%M%S)
    tmpidx=$(mktemp); trap 'rm -f "$tmpidx"' EXIT
    cp "$(git rev-parse --git-path index)" "$tmpidx" 2>/dev/null || true
    GIT_INDEX_FILE="$tmpidx" git add -A -f .
    tree=$(GIT_INDEX_FILE="$tmpidx" git write-tree)
    parent=$(git rev-parse -q --verify HEAD || true)
    body="$msg

branch: $(git rev-parse --abbrev-ref HEAD 2>/dev/null)
stash:
$(git stash list)"
    commit=$(printf '%s\n' "$body" | git commit-tree "$tree" ${parent:+-p "$parent"})
    git update-ref "refs/snapshots/$ts" "$commit"
    echo "snapshot $ts ($commit)" ;;
esac
