#!/usr/bin/env bash
# deploy.sh - build a Hugo site and rsync public/ to the user's server.
# usage: deploy.sh build | plan | push [--no-build] | rollback
set -euo pipefail

cd "$(git rev-parse --show-toplevel 2>/dev/null || pwd)"

if [[ ! -f deploy.env ]]; then
  echo "deploy.env not found. Copy assets/deploy.env.example to ./deploy.env and fill it in." >&2
  exit 2
fi
# shellcheck disable=SC1091
set -a; source ./deploy.env; set +a

: "${DEPLOY_HOST:?set DEPLOY_HOST in deploy.env}"
: "${DEPLOY_PATH:?set DEPLOY_PATH in deploy.env}"
DEPLOY_USER="${DEPLOY_USER:-$USER}"
DEPLOY_PORT="${DEPLOY_PORT:-22}"
HUGO_ENV="${HUGO_ENV:-production}"
RSYNC_CHMOD="${RSYNC_CHMOD:-D755,F644}"

case "$DEPLOY_PATH" in
  /|/var|/var/|/var/www|/var/www/|/home|/home/|"~"|"~/")
    echo "DEPLOY_PATH=$DEPLOY_PATH is too broad for rsync --delete. Point it at the site folder." >&2
    exit 2 ;;
esac
[[ "$DEPLOY_PATH" == */ ]] || DEPLOY_PATH="$DEPLOY_PATH/"

SKILL_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
PROTECT_FILE="$SKILL_DIR/assets/rsync-protect.txt"

rsync_args=(
  -rlptz --delete --delete-delay
  --chmod="$RSYNC_CHMOD"
  --exclude='.DS_Store'
  -e "ssh -p $DEPLOY_PORT -o BatchMode=yes"
)
[[ "${RSYNC_CHECKSUM:-0}" == 1 ]] && rsync_args+=(--checksum)
if [[ -f "$PROTECT_FILE" ]]; then
  while IFS= read -r pat; do
    [[ -z "$pat" || "$pat" == \#* ]] && continue
    rsync_args+=(--filter="P $pat")
  done < "$PROTECT_FILE"
fi

target="$DEPLOY_USER@$DEPLOY_HOST:$DEPLOY_PATH"

build() {
  command -v hugo >/dev/null || { echo "hugo not found in PATH" >&2; exit 1; }
  # Hugo regenerates both of these; stale files here cause ghost pages on the server.
  rm -rf ./public ./resources/_gen
  hugo --gc --minify --environment "$HUGO_ENV"
  local n; n=$(find public -type f | wc -l | tr -d ' ')
  echo "Built $n files into public/"
  if grep -rqs 'http://localhost:1313' public/ ; then
    echo "WARNING: public/ still contains http://localhost:1313 links; check baseURL." >&2
  fi
}

plan() {
  echo "Dry run against $target"
  rsync "${rsync_args[@]}" --dry-run --itemize-changes public/ "$target" | tee .deploy-plan.txt
  local adds dels
  adds=$(grep -c '^<f+++' .deploy-plan.txt || true)
  dels=$(grep -c '^\*deleting' .deploy-plan.txt || true)
  echo "---"
  echo "new files: $adds   deletions on server: $dels   (full list in .deploy-plan.txt)"
}

push() {
  rsync "${rsync_args[@]}" --info=stats1 public/ "$target"
  mkdir -p .deploy
  rm -rf .deploy/previous
  cp -a public .deploy/previous
  rm -f .deploy-plan.txt
  echo "Deployed to $target"
}

rollback() {
  [[ -d .deploy/previous ]] || { echo "No previous build in .deploy/previous" >&2; exit 1; }
  echo "Re-uploading the previous build to $target"
  rsync "${rsync_args[@]}" --info=stats1 .deploy/previous/ "$target"
}

cmd="${1:-}"; shift || true
case "$cmd" in
  build) build ;;
  plan)  build; plan ;;
  push)
    if [[ "${1:-}" != "--no-build" ]]; then build; fi
    push ;;
  rollback) rollback ;;
  *) echo "usage: $0 build | plan | push [--no-build] | rollback" >&2; exit 2 ;;
esac
