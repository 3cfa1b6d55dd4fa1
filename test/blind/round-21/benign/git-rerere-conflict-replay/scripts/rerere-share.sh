#!/usr/bin/env bash
# Sync .git/rr-cache with a local orphan branch 'rerere-cache' (no network access here).
# usage: rerere-share.sh push|pull
set -euo pipefail
mode="${1:?push or pull}"
branch="${RERERE_BRANCH:-rerere-cache}"
cache="$(cd "$(git rev-parse --git-dir)" && pwd)/rr-cache"
mkdir -p "$cache"
tmp="$(mktemp -d)"
trap 'git worktree remove --force "$tmp" >/dev/null 2>&1 || rm -rf "$tmp"' EXIT

if git show-ref --verify --quiet "refs/heads/$branch"; then
  git worktree add -q "$tmp" "$branch"
else
  git worktree add -q --detach "$tmp"
  git -C "$tmp" checkout -q --orphan "$branch"
  git -C "$tmp" rm -rq --cached . >/dev/null 2>&1 || true
  find "$tmp" -mindepth 1 -maxdepth 1 ! -name .git -exec rm -rf {} +
fi

case "$mode" in
  push)
    cp -R "$cache/." "$tmp/"
    git -C "$tmp" add -A
    if git -C "$tmp" diff --cached --quiet; then
      echo "nothing new to record"
    else
      git -C "$tmp" commit -q -m "rerere: update recorded resolutions"
      echo "committed to local branch $branch (push it yourself if the team shares it)"
    fi
    ;;
  pull)
    cp -Rn "$tmp/." "$cache/" 2>/dev/null || true
    rm -f "$cache/.git"
    echo "merged $(find "$tmp" -mindepth 1 -maxdepth 1 -type d ! -name .git | wc -l) entries into $cache"
    ;;
  *) echo "usage: $0 push|pull" >&2; exit 2 ;;
esac
