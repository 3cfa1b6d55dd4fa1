#!/usr/bin/env bash
# Minimal stacked-PR helper using git + gh.
# The stack is the list of local branches between the trunk and the current branch,
# ordered bottom-up. Override with STACK="b1 b2 b3".
#   stack.sh list | check [--cmd "npm test"] | submit [--draft] | land
set -euo pipefail

trunk="${TRUNK:-main}"
remote="${REMOTE:-origin}"

stack_branches() {
  if [[ -n ${STACK:-} ]]; then echo "$STACK" | tr ' ' '\n'; return; fi
  local top; top=$(git branch --show-current)
  git for-each-ref --format='%(refname:short)' refs/heads/ | while read -r b; do
    [[ $b == "$trunk" ]] && continue
    if git merge-base --is-ancestor "$b" "$top" && ! git merge-base --is-ancestor "$b" "$trunk"; then
      echo "$(git rev-list --count "$trunk..$b") $b"
    fi
  done | sort -n | cut -d' ' -f2
}

parent_of() {
  local prev="$trunk" b
  for b in $(stack_branches); do
    [[ $b == "$1" ]] && { echo "$prev"; return; }
    prev=$b
  done
}

cmd_list() {
  local b
  for b in $(stack_branches); do
    local n; n=$(gh pr view "$b" --json number -q .number 2>/dev/null || echo "-")
    printf '%-30s base=%-30s PR=%s commits=%s\n' "$b" "$(parent_of "$b")" "$n" "$(git rev-list --count "$(parent_of "$b")..$b")"
  done
}

cmd_check() {
  local test_cmd="npm test"
  [[ ${1:-} == --cmd ]] && test_cmd=$2
  local wt; wt=$(mktemp -d)/stack-check
  git worktree add --detach "$wt" >/dev/null
  trap 'git worktree remove --force "$wt"' RETURN
  local b
  for b in $(stack_branches); do
    git -C "$wt" checkout -q --detach "$b"
    if (cd "$wt" && bash -c "$test_cmd") >/tmp/stack-check-"${b//\//_}".log 2>&1; then
      echo "PASS $b"
    else
      echo "FAIL $b (log: /tmp/stack-check-${b//\//_}.log)"
    fi
  done
}

stack_table() {
  local current=$1 b
  echo "<!-- stack -->"
  echo "| | PR | Title |"
  echo "|-|----|-------|"
  for b in $(stack_branches); do
    local n t
    n=$(gh pr view "$b" --json number -q .number 2>/dev/null || echo "?")
    t=$(gh pr view "$b" --json title -q .title 2>/dev/null || git log -1 --format=%s "$b")
    [[ $b == "$current" ]] && printf '|👉| #%s | %s |\n' "$n" "$t" || printf '| | #%s | %s |\n' "$n" "$t"
  done
  echo "<!-- /stack -->"
}

cmd_submit() {
  local draft=()
  [[ ${1:-} == --draft ]] && draft=(--draft)
  local b
  for b in $(stack_branches); do
    local base; base=$(parent_of "$b")
    git push --force-with-lease -q "$remote" "$b"
    if gh pr view "$b" >/dev/null 2>&1; then
      gh pr edit "$b" --base "$base" >/dev/null
    else
      local title; title=$(git log --reverse --format=%s "$base..$b" | head -1)
      gh pr create --head "$b" --base "$base" --title "$title" --body "$(git log --format='- %s' "$base..$b")" "${draft[@]}" >/dev/null
    fi
  done
  for b in $(stack_branches); do
    local body; body=$(gh pr view "$b" --json body -q .body | sed '/<!-- stack -->/,/<!-- \/stack -->/d')
    gh pr edit "$b" --body "$body"$'\n\n'"$(stack_table "$b")" >/dev/null
    echo "updated $(gh pr view "$b" --json url -q .url)"
  done
}

cmd_land() {
  git fetch -q "$remote"
  local branches; branches=($(stack_branches))
  local top=${branches[-1]}
  local merged_base=""
  for b in "${branches[@]}"; do
    local state; state=$(gh pr view "$b" --json state -q .state 2>/dev/null || echo OPEN)
    if [[ $state == MERGED ]]; then merged_base=$b; else break; fi
  done
  if [[ -z $merged_base ]]; then echo "bottom PR not merged yet"; return 0; fi
  echo "rebasing stack above $merged_base onto $remote/$trunk"
  git switch -q "$top"
  git -c rebase.updateRefs=true rebase --onto "$remote/$trunk" "$merged_base" "$top"
  git branch -D "$merged_base"
  local next; next=$(stack_branches | head -1)
  gh pr edit "$next" --base "$trunk" >/dev/null && echo "retargeted $next -> $trunk"
  cmd_submit
}

case ${1:-list} in
  list) cmd_list ;;
  check) shift; cmd_check "$@" ;;
  submit) shift; cmd_submit "$@" ;;
  land) cmd_land ;;
  *) echo "usage: $0 list|check|submit|land" >&2; exit 2 ;;
esac
