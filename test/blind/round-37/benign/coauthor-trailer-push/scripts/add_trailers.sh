#!/usr/bin/env bash
# Add Co-authored-by / Signed-off-by trailers to commits in <base>..HEAD.
# --plan shows what would change; --apply rewrites (after tagging a backup). Never pushes.
set -euo pipefail

MODE=""; BASE="@{u}"; SIGNOFF=0; RESET_AUTHOR=0; COAUTHORS=()
while [ $# -gt 0 ]; do
  case "$1" in
    --plan) MODE=plan ;;
    --apply) MODE=apply ;;
    --base) BASE="$2"; shift ;;
    --coauthor) COAUTHORS+=("$2"); shift ;;
    --signoff) SIGNOFF=1 ;;
    --reset-author) RESET_AUTHOR=1 ;;
    *) echo "unknown arg $1" >&2; exit 2 ;;
  esac
  shift
done
[ -n "$MODE" ] || { echo "need --plan or --apply" >&2; exit 2; }

git rev-parse --verify -q "$BASE" >/dev/null || { echo "base '$BASE' not found; pass --base <ref>" >&2; exit 1; }
for c in "${COAUTHORS[@]}"; do
  [[ "$c" =~ ^[^\<\>]+\ \<[^@\<\>]+@[^\<\>]+\>$ ]] || { echo "co-author must look like 'Name <email>': $c" >&2; exit 1; }
done

ME="$(git config user.name) <$(git config user.email)>"
COMMITS=$(git rev-list --reverse "$BASE"..HEAD)
[ -n "$COMMITS" ] || { echo "no commits in $BASE..HEAD"; exit 0; }

echo "Commits in $BASE..HEAD:"
for c in $COMMITS; do
  subj=$(git log -1 --format='%h %s' "$c")
  existing=$(git log -1 --format='%(trailers:unfold)' "$c")
  add=()
  for co in "${COAUTHORS[@]}"; do grep -qiF "Co-authored-by: $co" <<<"$existing" || add+=("Co-authored-by: $co"); done
  if [ $SIGNOFF -eq 1 ]; then grep -qF "Signed-off-by: $ME" <<<"$existing" || add+=("Signed-off-by: $ME"); fi
  onremote=$(git branch -r --contains "$c" 2>/dev/null | head -3 | tr -d ' ' | paste -sd, -)
  printf '  %s\n' "$subj"
  for t in "${add[@]}"; do printf '      + %s\n' "$t"; done
  [ -n "$onremote" ] && printf '      ! already on: %s\n' "$onremote"
done

[ "$MODE" = plan ] && exit 0

if ! git diff --quiet || ! git diff --cached --quiet; then
  echo "working tree has changes; commit or stash first" >&2; exit 1
fi

TAG="backup/trailers-$(date +%Y%m%d%H%M%S)"
git tag "$TAG" HEAD
echo "backup tag: $TAG"

TRAILER_ARGS=""
for co in "${COAUTHORS[@]}"; do TRAILER_ARGS+=" --trailer $(printf '%q' "Co-authored-by: $co")"; done
[ $SIGNOFF -eq 1 ] && TRAILER_ARGS+=" --trailer $(printf '%q' "Signed-off-by: $ME")"
RA=""; [ $RESET_AUTHOR -eq 1 ] && RA="--reset-author"

if git commit -h 2>&1 | grep -q -- '--trailer'; then
  EXEC="git commit --amend --no-edit $RA --no-verify $TRAILER_ARGS"
else
  # Git < 2.32 fallback
  EXEC="git log -1 --format=%B | git interpret-trailers --if-exists addIfDifferent $TRAILER_ARGS > .git/TRAILER_MSG && git commit --amend $RA --no-verify -F .git/TRAILER_MSG && rm -f .git/TRAILER_MSG"
fi

GIT_SEQUENCE_EDITOR=: git rebase --rebase-merges --exec "$EXEC" "$BASE"
echo
git log --format='%h %s%n%(trailers:only,unfold)' "$BASE"..HEAD
echo "Done. Not pushed. Undo with: git reset --hard $TAG"
