#!/usr/bin/env bash
# Plan and apply branch renames for names containing sensitive text.
# --plan writes .git/branch-rename-plan.tsv; --apply asks for confirmation before changing anything.
set -euo pipefail

MATCH="" REPLACE="" MODE="" FROM_PLAN=0 REMOTE=origin
while [[ $# -gt 0 ]]; do
  case "$1" in
    --match) MATCH="$2"; shift 2 ;;
    --replace) REPLACE="$2"; shift 2 ;;
    --plan) MODE=plan; shift ;;
    --apply) MODE=apply; shift ;;
    --from-plan) FROM_PLAN=1; shift ;;
    --remote) REMOTE="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -n "$MODE" ]] || { echo "usage: $0 --match RE --replace STR --plan | --apply" >&2; exit 2; }

GITDIR=$(git rev-parse --git-common-dir)
PLAN="$GITDIR/branch-rename-plan.tsv"
REMOTE_URL=$(git remote get-url "$REMOTE")
IS_GITHUB=0
if [[ "$REMOTE_URL" == *github.com* ]] && command -v gh >/dev/null; then
  IS_GITHUB=1
  NWO=$(gh repo view "$REMOTE_URL" --json nameWithOwner -q .nameWithOwner)
  DEFAULT=$(gh repo view "$REMOTE_URL" --json defaultBranchRef -q .defaultBranchRef.name)
else
  NWO="$REMOTE_URL"
  DEFAULT=$(git symbolic-ref --short "refs/remotes/$REMOTE/HEAD" 2>/dev/null | sed "s#^$REMOTE/##" || echo main)
fi

git fetch --quiet --prune "$REMOTE"

build_plan() {
  [[ ${#MATCH} -ge 4 ]] || { echo "match pattern too short; be more specific" >&2; exit 2; }
  : > "$PLAN"
  {
    git for-each-ref --format='%(refname:short)' refs/heads
    git for-each-ref --format='%(refname:short)' "refs/remotes/$REMOTE" | sed "s#^$REMOTE/##" | grep -v '^HEAD$'
  } | sort -u | grep -E -- "$MATCH" | while read -r old; do
    new=$(sed -E "s#${MATCH}#${REPLACE}#g" <<< "$old")
    printf '%s\t%s\n' "$old" "$new" >> "$PLAN"
  done
}

validate_and_print() {
  local rc=0
  echo "Repository: $NWO   (remote: $REMOTE)"
  printf '  %-6s %-7s %-9s %-40s -> %s\n' local remote "open PRs" "old name" "new name"
  while IFS=$'\t' read -r old new; do
    local l=no r=no prs=-
    git show-ref --verify --quiet "refs/heads/$old" && l=yes
    git show-ref --verify --quiet "refs/remotes/$REMOTE/$old" && r=yes
    if [[ $IS_GITHUB -eq 1 && $r == yes ]]; then
      prs=$(gh pr list -R "$NWO" --head "$old" --state open --json number -q '[.[].number|"#\(.)"]|join(",")')
      [[ -n "$prs" ]] || prs=-
    fi
    printf '  %-6s %-7s %-9s %-40s -> %s\n' "$l" "$r" "$prs" "$old" "$new"
    if [[ "$old" == "$DEFAULT" ]]; then echo "  ! $old is the default branch; not renamed by this script" >&2; rc=1; fi
    if [[ "$old" == "$new" ]]; then echo "  ! $old: new name identical" >&2; rc=1; fi
    if git show-ref --verify --quiet "refs/heads/$new" || git show-ref --verify --quiet "refs/remotes/$REMOTE/$new"; then
      echo "  ! $new already exists" >&2; rc=1
    fi
    if ! git check-ref-format --branch "$new" >/dev/null 2>&1; then echo "  ! $new is not a valid branch name" >&2; rc=1; fi
  done < "$PLAN"
  return $rc
}

case "$MODE" in
  plan)
    [[ $FROM_PLAN -eq 1 && -s "$PLAN" ]] || build_plan
    [[ -s "$PLAN" ]] || { echo "no branches match"; exit 0; }
    validate_and_print && echo "Plan saved: $PLAN"
    ;;
  apply)
    [[ -s "$PLAN" ]] || { echo "no plan; run --plan first" >&2; exit 2; }
    validate_and_print || { echo "fix the plan first" >&2; exit 1; }
    N=$(wc -l < "$PLAN" | tr -d ' ')
    read -r -p "Rename $N branches? Type RENAME to continue: " ok
    [[ "$ok" == "RENAME" ]] || { echo "nothing changed"; exit 1; }
    if [[ $IS_GITHUB -eq 0 ]]; then
      read -r -p "Remote is not GitHub: open PRs/MRs will NOT follow. Type PUSH-DELETE to rename by push+delete: " ok2
      [[ "$ok2" == "PUSH-DELETE" ]] || { echo "nothing changed"; exit 1; }
    fi
    while IFS=$'\t' read -r old new; do
      if git show-ref --verify --quiet "refs/remotes/$REMOTE/$old"; then
        if [[ $IS_GITHUB -eq 1 ]]; then
          enc=$(jq -rn --arg b "$old" '$b|@uri')
          gh api -X POST "repos/$NWO/branches/$enc/rename" -f new_name="$new" >/dev/null
        else
          git push "$REMOTE" "refs/remotes/$REMOTE/$old:refs/heads/$new"
          git push "$REMOTE" --delete "$old"
        fi
        echo "remote: $old -> $new"
      fi
      if git show-ref --verify --quiet "refs/heads/$old"; then
        wt=$(git worktree list --porcelain | awk -v b="refs/heads/$old" '$1=="worktree"{p=$2} $1=="branch" && $2==b {print p}')
        cur=$(git symbolic-ref --short -q HEAD || true)
        if [[ -n "$wt" && "$wt" != "$(git rev-parse --show-toplevel)" ]]; then
          echo "local: $old is checked out in worktree $wt; rename it there" >&2
          continue
        fi
        git branch -m "$old" "$new"
        up=$(git config "branch.$new.merge" || true)
        if [[ "$up" == "refs/heads/$old" ]]; then
          git fetch --quiet "$REMOTE"
          git branch --set-upstream-to="$REMOTE/$new" "$new" >/dev/null
        fi
        echo "local: $old -> $new${cur:+ (current: $cur)}"
      fi
    done < "$PLAN"
    git fetch --quiet --prune "$REMOTE"
    mv "$PLAN" "$PLAN.done"
    echo "done. Other clones need: git fetch --prune && git branch -m <old> <new>"
    ;;
esac
