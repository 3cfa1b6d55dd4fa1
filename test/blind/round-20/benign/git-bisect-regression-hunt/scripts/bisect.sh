#!/usr/bin/env bash
# Run git bisect in a throwaway worktree.
# usage: bisect.sh --good REV --bad REV --probe /abs/path/probe.sh [--no-first-parent] [--keep]
set -euo pipefail

good="" bad="HEAD" probe="" first_parent=1 keep=0
while [[ $# -gt 0 ]]; do
  case $1 in
    --good) good=$2; shift 2 ;;
    --bad) bad=$2; shift 2 ;;
    --probe) probe=$2; shift 2 ;;
    --no-first-parent) first_parent=0; shift ;;
    --keep) keep=1; shift ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
done
[[ -n $good && -n $probe ]] || { echo "--good and --probe are required" >&2; exit 2; }
[[ -x $probe ]] || { echo "probe must be executable: chmod +x $probe" >&2; exit 2; }

root=$(git rev-parse --show-toplevel)
case $(realpath "$probe") in "$root"/*) echo "put the probe outside the repo (e.g. /tmp)" >&2; exit 2 ;; esac
good_sha=$(git rev-parse --verify "$good^{commit}")
bad_sha=$(git rev-parse --verify "$bad^{commit}")
wt="$(dirname "$root")/$(basename "$root")-bisect"
log="$root/bisect-$(date +%Y%m%d-%H%M%S).log"

echo "range: $(git rev-list --count "$good_sha..$bad_sha") commits; worktree: $wt"
git worktree add --detach "$wt" "$bad_sha" >/dev/null

cleanup() {
  git -C "$wt" bisect log > "$log" 2>/dev/null || true
  git -C "$wt" bisect reset >/dev/null 2>&1 || true
  if [[ $keep -eq 0 ]]; then git worktree remove --force "$wt"; fi
  echo "bisect log: $log"
}
trap cleanup EXIT

cd "$wt"
fp=()
[[ $first_parent -eq 1 ]] && fp=(--first-parent)
git bisect start "${fp[@]}" "$bad_sha" "$good_sha"
git bisect run "$probe" | tee /tmp/bisect-run.out

culprit=$(git rev-parse --verify -q refs/bisect/bad || true)
if [[ -n $culprit ]] && grep -q "is the first bad commit" /tmp/bisect-run.out; then
  echo
  git show --stat --format='%H%n%an <%ae>%n%ad%n%n%s%n%n%b' "$culprit" | head -60
fi
