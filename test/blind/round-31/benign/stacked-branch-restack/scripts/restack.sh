#!/usr/bin/env bash
# Show, rebase, push and undo a stack of dependent branches. Requires git >= 2.38.
set -euo pipefail

REMOTE=${REMOTE:-origin}
TRUNK=${TRUNK:-}
STATE_DIR="$(git rev-parse --git-dir)/restack"
mkdir -p "$STATE_DIR"

die() { echo "restack: $*" >&2; exit 1; }

detect_trunk() {
  if [ -n "$TRUNK" ]; then echo "$TRUNK"; return; fi
  local head
  head=$(git symbolic-ref --quiet --short "refs/remotes/$REMOTE/HEAD" 2>/dev/null || true)
  if [ -n "$head" ]; then echo "${head#"$REMOTE"/}"; return; fi
  for b in main master trunk; do
    git show-ref --verify --quiet "refs/remotes/$REMOTE/$b" && { echo "$b"; return; }
  done
  die "cannot detect trunk; set TRUNK=..."
}

require_clean() {
  [ -z "$(git status --porcelain)" ] || die "working tree not clean; commit or stash first"
}

# Stack = local branches that are ancestors of HEAD and descendants of merge-base(HEAD, trunk),
# ordered bottom -> top.
stack_branches() {
  local trunk=$1 top base
  top=$(git rev-parse --abbrev-ref HEAD)
  base=$(git merge-base HEAD "$REMOTE/$trunk")
  git for-each-ref --format='%(refname:short)' refs/heads/ | while read -r b; do
    [ "$b" = "$trunk" ] && continue
    git merge-base --is-ancestor "$b" HEAD || continue
    git merge-base --is-ancestor "$base" "$b" || continue
    [ "$(git rev-parse "$b")" = "$base" ] && continue
    echo "$(git rev-list --count "$base".."$b") $b"
  done | sort -n | awk '{print $2}'
  :
}

pr_info() { # branch -> "number base" or empty
  command -v gh >/dev/null 2>&1 || return 0
  gh pr list --head "$1" --state open --json number,baseRefName --jq '.[0] | "\(.number) \(.baseRefName)"' 2>/dev/null || true
}

backup() {
  local ts; ts=$(date +%Y%m%d-%H%M%S)
  for b in "$@"; do
    git update-ref "refs/restack-backup/$ts/$b" "$b"
    echo "$b $(git rev-parse "$REMOTE/$b" 2>/dev/null || echo none)" >> "$STATE_DIR/lease-$ts"
  done
  echo "$ts" > "$STATE_DIR/last"
  echo "backup saved: refs/restack-backup/$ts/*"
}

cmd_show() {
  local trunk; trunk=$(detect_trunk)
  git fetch --quiet "$REMOTE" "$trunk"
  echo "trunk: $REMOTE/$trunk ($(git rev-parse --short "$REMOTE/$trunk"))"
  local i=0 prev="$trunk"
  for b in $(stack_branches "$trunk"); do
    i=$((i + 1))
    local n; n=$(git rev-list --count "$prev".."$b")
    local info; info=$(pr_info "$b")
    local marker=""; [ "$b" = "$(git rev-parse --abbrev-ref HEAD)" ] && marker="  <- HEAD"
    printf '  %d. %-28s %-6s base: %-24s %d commits%s\n' "$i" "$b" "${info:+#${info%% *}}" "${info#* }" "$n" "$marker"
    prev=$b
  done
}

cmd_rebase() {
  require_clean
  local trunk; trunk=$(detect_trunk)
  git fetch "$REMOTE"
  mapfile -t branches < <(stack_branches "$trunk")
  [ ${#branches[@]} -gt 0 ] || die "no stack found above $trunk"
  backup "${branches[@]}"
  git rebase --update-refs "$REMOTE/$trunk"
  echo "restacked ${#branches[@]} branches onto $REMOTE/$trunk. Review, then: restack.sh push"
}

cmd_drop_merged() {
  require_clean
  local merged=${1:-}; [ -n "$merged" ] || die "usage: restack.sh drop-merged <merged-branch>"
  local trunk; trunk=$(detect_trunk)
  git fetch "$REMOTE"
  mapfile -t branches < <(stack_branches "$trunk")
  local rest=() seen=0
  for b in "${branches[@]}"; do
    if [ $seen -eq 1 ]; then rest+=("$b"); fi
    [ "$b" = "$merged" ] && seen=1
  done
  [ $seen -eq 1 ] || die "$merged is not in the current stack"
  [ ${#rest[@]} -gt 0 ] || die "nothing above $merged to restack"
  backup "${rest[@]}"
  git rebase --update-refs --onto "$REMOTE/$trunk" "$merged"
  local next=${rest[0]}
  local info; info=$(pr_info "$next")
  if [ -n "$info" ]; then
    echo "retargeting PR #${info%% *} ($next) base -> $trunk"
    gh pr edit "${info%% *}" --base "$trunk"
  fi
  echo "dropped $merged; restacked: ${rest[*]}. Review, then: restack.sh push"
}

cmd_push() {
  local ts; ts=$(cat "$STATE_DIR/last" 2>/dev/null) || die "no restack recorded; nothing to push"
  local trunk; trunk=$(detect_trunk)
  while read -r b old; do
    [ "$b" = "$trunk" ] && die "refusing to push trunk"
    if [ "$old" = "none" ]; then
      git push --set-upstream "$REMOTE" "$b"
    else
      git push --force-with-lease="$b:$old" "$REMOTE" "$b"
    fi
  done < "$STATE_DIR/lease-$ts"
}

cmd_undo() {
  local ts; ts=$(cat "$STATE_DIR/last" 2>/dev/null) || die "no backup recorded"
  require_clean
  git for-each-ref --format='%(refname)' "refs/restack-backup/$ts/" | while read -r ref; do
    local b=${ref#refs/restack-backup/$ts/}
    git update-ref "refs/heads/$b" "$ref"
    echo "restored $b -> $(git rev-parse --short "$ref")"
  done
  git checkout --quiet "$(git rev-parse --abbrev-ref HEAD)"
  git reset --quiet --hard HEAD
}

case "${1:-show}" in
  show) cmd_show ;;
  rebase) cmd_rebase ;;
  drop-merged) shift; cmd_drop_merged "$@" ;;
  push) cmd_push ;;
  undo) cmd_undo ;;
  *) die "usage: restack.sh [show|rebase|drop-merged <branch>|push|undo]" ;;
esac
