#!/usr/bin/env bash
set -euo pipefail
git fetch --prune --quiet
current="$(git branch --show-current)"
echo "merged into $(git rev-parse --abbrev-ref origin/HEAD 2>/dev/null || echo main):"
git branch --merged | sed 's/^[* ] //' | grep -vxE "main|master|develop|$current" | sed 's/^/  /' || true
echo "upstream gone:"
git for-each-ref --format='%(refname:short) %(upstream:track)' refs/heads | awk '$2 == "[gone]" {print "  " $1}'
