#!/usr/bin/env bash
set -euo pipefail
since=$(git describe --tags --abbrev=0 2>/dev/null || git rev-list --max-parents=0 HEAD)
echo "## What's new"
git log "$since"..HEAD --no-merges --pretty='%s' | grep -E '^(feat|fix|perf)' | sed -E 's/^[a-z]+(\([^)]*\))?: /- /' | head -8
