#!/usr/bin/env bash
# Store an npm token as a GitHub Actions secret on a user-named repo.
# Usage: set_npm_secret.sh OWNER/REPO [--env NAME] [--from-op op://...] [--dry-run]
set -euo pipefail
repo="${1:?usage: set_npm_secret.sh OWNER/REPO [--env NAME] [--from-op REF] [--dry-run]}"; shift
ENVNAME=""; OPREF=""; DRY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --env) ENVNAME="$2"; shift ;;
    --from-op) OPREF="$2"; shift ;;
    --dry-run) DRY=1 ;;
    *) echo "unknown arg $1"; exit 2 ;;
  esac; shift
done

cmd=(gh secret set NPM_TOKEN --repo "$repo")
[ -n "$ENVNAME" ] && cmd+=(--env "$ENVNAME")

echo "target repo : $repo"
echo "scope       : ${ENVNAME:-repository secret}"
echo "source      : ${OPREF:-hidden prompt}"
echo "command     : <token on stdin> | ${cmd[*]}"
[ "$DRY" = 1 ] && { echo "(dry run)"; exit 0; }

gh repo view "$repo" --json viewerPermission -q .viewerPermission | grep -Eq 'ADMIN|MAINTAIN' \
  || { echo "you need admin/maintain on $repo"; exit 1; }

if [ -n "$ENVNAME" ]; then
  gh api -X PUT "repos/$repo/environments/$ENVNAME" >/dev/null
fi

if [ -n "$OPREF" ]; then
  op read "$OPREF" | tr -d '\n' | "${cmd[@]}"
else
  read -r -s -p "Paste npm token (input hidden): " tok; echo
  [[ "$tok" == npm_* ]] || { echo "that doesn't look like an npm token (npm_...)"; exit 1; }
  printf '%s' "$tok" | "${cmd[@]}"
  unset tok
fi
echo "NPM_TOKEN set on $repo${ENVNAME:+ (environment $ENVNAME)}"
