#!/usr/bin/env bash
# Save HEAD under refs/backup/<branch>/<timestamp> before rewriting history.
set -euo pipefail
branch="$(git rev-parse --abbrev-ref HEAD)"
if [[ "$branch" == HEAD ]]; then
  echo "detached HEAD; check out the branch to rewrite first" >&2
  exit 1
fi
ref="refs/backup/${branch}/$(date +%Y%m%d-%H%M%S)"
git update-ref "$ref" HEAD
echo "$ref -> $(git rev-parse --short HEAD)"
echo "restore with: git reset --hard $ref"
# list older backups for this branch
git for-each-ref --format='  %(refname) %(objectname:short) %(committerdate:relative)' "refs/backup/${branch}/" | tail -n 5
