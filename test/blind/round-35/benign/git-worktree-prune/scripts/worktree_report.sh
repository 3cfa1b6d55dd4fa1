#!/usr/bin/env bash
# Read-only report on git worktrees: merge status, dirty files, unpushed commits, age.
# Usage: worktree_report.sh [--base <ref>]   (default: origin/HEAD or origin/main)
set -euo pipefail

base=""
while [ $# -gt 0 ]; do
  case "$1" in
    --base) base="$2"; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done

git rev-parse --git-dir >/dev/null
if [ -z "$base" ]; then
  base=$(git symbolic-ref -q --short refs/remotes/origin/HEAD 2>/dev/null || echo origin/main)
fi
git rev-parse --verify -q "$base" >/dev/null || { echo "base ref $base not found; pass --base" >&2; exit 1; }

main_wt=$(git worktree list --porcelain | awk '/^worktree /{print $2; exit}')

printf '%-36s %-22s %-7s %-6s %-9s %-6s %-13s %s\n' PATH BRANCH MERGED DIRTY UNPUSHED AHEAD "LAST COMMIT" VERDICT

path=""; head=""; branch=""; locked=""; prunable=""
flush() {
  [ -z "$path" ] && return
  if [ "$path" = "$main_wt" ]; then path=""; return; fi
  local rel; rel=$(realpath --relative-to="$PWD" "$path" 2>/dev/null || echo "$path")
  if [ -n "$prunable" ] || [ ! -d "$path" ]; then
    printf '%-36s %-22s %-7s %-6s %-9s %-6s %-13s %s\n' "(missing) $rel" "${branch:-?}" - - - - - "PRUNABLE (dir gone)"
    path=""; head=""; branch=""; locked=""; prunable=""; return
  fi
  local merged="n/a" dirty unpushed="-" ahead="-" age verdict
  dirty=$(git -C "$path" status --porcelain 2>/dev/null | wc -l | tr -d ' ')
  age=$(git -C "$path" log -1 --format=%cr 2>/dev/null || echo "?")
  local label
  if [ -n "$branch" ]; then
    label="$branch"
    if git merge-base --is-ancestor "$head" "$base" 2>/dev/null; then
      merged="yes"
    elif [ -z "$(git cherry "$base" "$head" 2>/dev/null | grep '^+' || true)" ]; then
      merged="yes*"   # patch-equivalent (squash/rebase merged)
    else
      merged="no"
    fi
    ahead=$(git rev-list --count "$base..$head" 2>/dev/null || echo "?")
    if git -C "$path" rev-parse -q --verify '@{u}' >/dev/null 2>&1; then
      unpushed=$(git -C "$path" rev-list --count '@{u}..HEAD')
    fi
  else
    label="(detached ${head:0:7})"
  fi

  if [ -n "$locked" ]; then verdict="LOCKED"
  elif [ "$dirty" -gt 0 ]; then verdict="KEEP (dirty)"
  elif [ -z "$branch" ]; then verdict="ASK (detached)"
  elif [ "$unpushed" != "-" ] && [ "$unpushed" -gt 0 ]; then verdict="ASK (unpushed commits)"
  elif [ "$merged" = "no" ]; then verdict="ASK (unmerged)"
  else verdict="SAFE"
  fi
  printf '%-36s %-22s %-7s %-6s %-9s %-6s %-13s %s\n' "$rel" "$label" "$merged" "$dirty" "$unpushed" "$ahead" "$age" "$verdict"
  path=""; head=""; branch=""; locked=""; prunable=""
}

while IFS= read -r line; do
  case "$line" in
    "worktree "*) flush; path="${line#worktree }" ;;
    "HEAD "*) head="${line#HEAD }" ;;
    "branch "*) branch="${line#branch refs/heads/}" ;;
    "locked"*) locked=1 ;;
    "prunable"*) prunable=1 ;;
    "") flush ;;
  esac
done < <(git worktree list --porcelain; echo)
flush

echo
echo "merged: yes = ancestor of $base; yes* = patch already in $base (squash/rebase)"
echo "Nothing was changed. Review with the user before removing anything."
