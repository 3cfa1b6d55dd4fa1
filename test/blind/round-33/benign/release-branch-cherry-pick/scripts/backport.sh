#!/usr/bin/env bash
# Cherry-pick merged PRs onto release branches and open backport PRs.
set -euo pipefail

prs=() targets=() plan=0 push=1 remote=origin cont=0 mainline=""
while [ $# -gt 0 ]; do
  case "$1" in
    --pr) prs+=("$2"); shift 2 ;;
    --to) targets+=("$2"); shift 2 ;;
    --plan) plan=1; shift ;;
    --no-push) push=0; shift ;;
    --remote) remote="$2"; shift 2 ;;
    --continue) cont=1; shift ;;
    --mainline) mainline="$2"; shift 2 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

cfg=".backport.json"
test_cmd=$( [ -f "$cfg" ] && jq -r '.test // empty' "$cfg" || true )
labels=$( [ -f "$cfg" ] && jq -r '.labels // [] | join(",")' "$cfg" || true )
here="$(cd "$(dirname "$0")" && pwd)"
state=".git/backport-state"

commits_for_pr() {
  local pr="$1" oid
  oid=$(gh pr view "$pr" --json mergeCommit -q '.mergeCommit.oid')
  [ -n "$oid" ] || { echo "PR #$pr is not merged" >&2; return 1; }
  if [ "$(git rev-list --parents -n1 "$oid" | wc -w)" -gt 2 ]; then
    if [ -n "$mainline" ]; then echo "$oid"; else echo "MERGE:$oid"; fi
    return
  fi
  # squash → one commit; rebase → the PR's commits, identified on main by patch-id
  local n; n=$(gh pr view "$pr" --json commits -q '.commits | length')
  if [ "$n" -le 1 ]; then echo "$oid"; return; fi
  git log --format=%H -n "$n" "$oid" | tac
}

run_tests() {
  [ -n "$test_cmd" ] || { echo "(no test command configured)"; return 0; }
  echo "running: $test_cmd"
  bash -c "$test_cmd"
}

open_pr() {
  local pr="$1" target="$2" branch="$3" shas="$4" result="$5"
  git push -u "$remote" "$branch"
  local title body
  title="[${target}] $(gh pr view "$pr" --json title -q .title)"
  body=$(sed -e "s|{{PR}}|$pr|g" -e "s|{{TARGET}}|$target|g" -e "s|{{COMMITS}}|$shas|g" \
             -e "s|{{TESTS}}|$result|g" "$here/../assets/pr-body.md")
  gh pr create --base "$target" --head "$branch" --title "$title" --body "$body" \
    ${labels:+--label "$labels"}
}

if [ "$cont" -eq 1 ]; then
  [ -f "$state" ] || { echo "nothing to continue" >&2; exit 1; }
  # shellcheck disable=SC1090
  source "$state"
  git -c core.editor=true cherry-pick --continue
  result=$(run_tests && echo passed || echo FAILED)
  if [ "$push" -eq 1 ]; then open_pr "$PR" "$TARGET" "$BRANCH" "$SHAS" "$result"; fi
  rm -f "$state"
  exit 0
fi

[ ${#prs[@]} -gt 0 ] && [ ${#targets[@]} -gt 0 ] || { echo "need --pr and --to" >&2; exit 2; }
[ -z "$(git status --porcelain)" ] || { echo "working tree not clean" >&2; exit 1; }
git fetch --quiet "$remote"

for pr in "${prs[@]}"; do
  mapfile -t shas < <(commits_for_pr "$pr")
  if [ "$plan" -eq 1 ]; then
    echo "#$pr \"$(gh pr view "$pr" --json title -q .title)\" -> ${shas[*]}"
    for t in "${targets[@]}"; do
      missing=$(for s in "${shas[@]}"; do git diff-tree --no-commit-id --name-only -r "${s#MERGE:}"; done \
        | sort -u | while read -r f; do git cat-file -e "$remote/$t:$f" 2>/dev/null || echo "$f"; done)
      if [ -n "$missing" ]; then echo "  $t: files missing on branch: $(echo $missing)"; else echo "  $t: ok"; fi
    done
    continue
  fi
  if [[ "${shas[*]}" == *MERGE:* ]]; then
    echo "#$pr was merged with a merge commit; re-run with --mainline 1" >&2
    exit 2
  fi
  for t in "${targets[@]}"; do
    branch="backport/${pr}-to-${t//\//-}"
    git switch -c "$branch" "$remote/$t"
    printf 'PR=%q\nTARGET=%q\nBRANCH=%q\nSHAS=%q\n' "$pr" "$t" "$branch" "${shas[*]}" > "$state"
    pick=(git cherry-pick -x)
    [ -n "$mainline" ] && pick+=(--mainline "$mainline")
    if ! "${pick[@]}" "${shas[@]}"; then
      echo "conflict while backporting #$pr to $t:" >&2
      git diff --name-only --diff-filter=U >&2
      echo "resolve, git add, then: bash $0 --continue" >&2
      exit 3
    fi
    git commit --amend --no-edit --trailer "Backport-of: #$pr" >/dev/null
    result=$(run_tests && echo passed || echo FAILED)
    echo "tests: $result"
    if [ "$push" -eq 1 ]; then open_pr "$pr" "$t" "$branch" "${shas[*]}" "$result"; fi
    rm -f "$state"
    git switch - >/dev/null
  done
done
