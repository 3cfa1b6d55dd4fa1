#!/usr/bin/env bash
# Stop a worktree's dev server and remove the worktree. usage: wt-down.sh BRANCH [--drop-db] [--force]
set -euo pipefail
branch="${1:?branch}"; shift
drop=0; force=0
for a in "$@"; do case "$a" in --drop-db) drop=1;; --force) force=1;; esac; done
main="$(git rev-parse --show-toplevel)"
repo="$(basename "$main")"
slug="$(echo "$branch" | tr '/' '-' | tr -c 'a-zA-Z0-9._\n-' '-')"
dir="$(dirname "$main")/${repo}.wt/$slug"
[ -d "$dir" ] || { echo "no worktree at $dir" >&2; exit 1; }

if [ -f "$dir/.worktree-server.pid" ]; then
  pid="$(cat "$dir/.worktree-server.pid")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid"   # process group started by setsid in wt-up.sh
    for _ in 1 2 3 4 5; do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
    echo "stopped server pid $pid"
  fi
fi

dirty="$(git -C "$dir" status --porcelain)"
if [ -n "$dirty" ] && [ "$force" -ne 1 ]; then
  echo "uncommitted changes in $dir:" >&2; echo "$dirty" >&2
  echo "commit them, or rerun with --force to discard" >&2
  exit 1
fi

if [ "$drop" -eq 1 ] && [ -f "$dir/.worktree-env" ]; then
  set -a; . "$dir/.worktree-env"; set +a
  db="${DATABASE_URL##*/}"
  if command -v dropdb >/dev/null; then
    dropdb --if-exists "$db" && echo "dropped database $db"
  fi
  if [ -f "$dir/docker-compose.yml" ] || [ -f "$dir/compose.yaml" ]; then
    (cd "$dir" && docker compose -p "$COMPOSE_PROJECT_NAME" down -v) || true
  fi
fi

if [ "$force" -eq 1 ]; then
  git -C "$main" worktree remove --force "$dir"
else
  git -C "$main" worktree remove "$dir"
fi
echo "removed worktree $dir (branch $branch kept)"
