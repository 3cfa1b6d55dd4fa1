#!/usr/bin/env bash
# Show all worktrees with their port, server state and database.
set -uo pipefail
printf '%-4s %-28s %-5s %-8s %-14s %s\n' idx branch port server db path
git worktree list --porcelain | awk '/^worktree /{p=$2} /^branch /{sub("refs/heads/","",$2); print p"\t"$2} /^detached/{print p"\t(detached)"}' |
while IFS=$'\t' read -r path br; do
  idx=0; port="${BASE_PORT:-3000}"; db="-"; state="-"
  if [ -f "$path/.worktree-env" ]; then
    idx="$(sed -n 's/^WT_INDEX=//p' "$path/.worktree-env")"
    port="$(sed -n 's/^PORT=//p' "$path/.worktree-env")"
    db="$(sed -n 's#^DATABASE_URL=.*/##p' "$path/.worktree-env")"
  fi
  if [ -f "$path/.worktree-server.pid" ] && kill -0 "$(cat "$path/.worktree-server.pid")" 2>/dev/null; then
    state=running
  elif lsof -nP -iTCP:"$port" -sTCP:LISTEN >/dev/null 2>&1; then
    state=listening
  else
    state=stopped
  fi
  printf '%-4s %-28s %-5s %-8s %-14s %s\n' "$idx" "$br" "$port" "$state" "$db" "${path/#$HOME/~}"
done
