#!/usr/bin/env bash
set -euo pipefail
# shellcheck disable=SC1091
source ./deploy.env
dry=""; [ "${1:-}" = "--dry-run" ] && dry="--dry-run"
key="${DEPLOY_KEY/#\~/$HOME}"
ssh_opts=(-i "$key" -o IdentitiesOnly=yes -o StrictHostKeyChecking=yes)
rsync -az --delete $dry -e "ssh ${ssh_opts[*]}" dist/ "$DEPLOY_USER@$DEPLOY_HOST:$DEPLOY_PATH/"
[ -n "$dry" ] || ssh "${ssh_opts[@]}" "$DEPLOY_USER@$DEPLOY_HOST" 'sudo systemctl restart app && systemctl is-active app'
