#!/usr/bin/env bash
# Run `git rebase -i BASE` with a prepared todo list and optional new commit messages.
# usage: scripted-rebase.sh BASE TODO_FILE [--reword SHA="new message"]...
# Put `exec <cmd>` lines in the todo itself to run tests between commits.
set -euo pipefail

base="${1:?base commit}"; todo="${2:?todo file}"; shift 2
declare -A messages=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --reword) sha="${2%%=*}"; messages["$(git rev-parse --short "$sha")"]="${2#*=}"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

protected='^(main|master|develop|trunk|release/.*)$'
branch="$(git rev-parse --abbrev-ref HEAD)"
if [[ "$branch" =~ $protected ]]; then
  echo "refusing to rewrite $branch" >&2; exit 1
fi
[[ -z "$(git status --porcelain)" ]] || { echo "working tree not clean" >&2; exit 1; }

# Every commit in BASE..HEAD must appear in the todo exactly once (or be dropped explicitly),
# otherwise git would silently drop it.
declare -A listed=()
while read -r verb rest; do
  [[ -z "$verb" || "$verb" == \#* || "$verb" == exec || "$verb" == x ]] && continue
  [[ "$rest" == "-C "* || "$rest" == "-c "* ]] && rest="${rest:3}"
  sha="${rest%% *}"
  full="$(git rev-parse --verify --quiet "${sha}^{commit}")" || { echo "unknown commit '$sha' in $todo" >&2; exit 1; }
  listed["$full"]=1
done < "$todo"
missing=0
while read -r full; do
  if [[ -z "${listed[$full]:-}" ]]; then
    echo "commit $(git rev-parse --short "$full") is not mentioned in $todo (use 'drop <sha>' to remove it)" >&2
    missing=1
  fi
done < <(git rev-list --reverse "$base"..HEAD)
[[ $missing -eq 0 ]] || exit 1

# Reworded commits become `pick` + `exec git commit --amend -F <file>` so no editor is needed.
workdir="$(mktemp -d)"
# Keep the message files while a rebase is stopped (edit/conflict); later exec lines need them.
trap '[[ -d "$(git rev-parse --git-path rebase-merge)" ]] || rm -rf "$workdir"' EXIT
final_todo="$workdir/todo"
while IFS= read -r line; do
  read -r verb sha _ <<<"$line" || true
  if [[ "$verb" == reword || "$verb" == r ]]; then
    short="$(git rev-parse --short "$sha")"
    if [[ -n "${messages[$short]:-}" ]]; then
      printf '%s\n' "${messages[$short]}" > "$workdir/msg-$short"
      printf 'pick %s\nexec git commit --amend --quiet -F %q\n' "$sha" "$workdir/msg-$short" >> "$final_todo"
      continue
    fi
  fi
  printf '%s\n' "$line" >> "$final_todo"
done < "$todo"

# GIT_EDITOR=true keeps git's default combined message for `squash` and unchanged
# messages for `reword` lines without a --reword value.
GIT_SEQUENCE_EDITOR="cp '$final_todo'" GIT_EDITOR=true git rebase -i "$base"
git log --oneline "$base"..HEAD
