#!/usr/bin/env bash
# Collect merged PRs for a repo and date range as JSON, for demo planning.
# Usage: collect_merged.sh OWNER/REPO FROM(YYYY-MM-DD) TO(YYYY-MM-DD)
# Requires: gh (authenticated with `gh auth login`), jq
set -euo pipefail

repo="${1:?owner/repo}"
from="${2:?from date}"
to="${3:?to date}"

gh pr list \
  --repo "$repo" \
  --state merged \
  --search "merged:${from}..${to}" \
  --limit 300 \
  --json number,title,author,labels,mergedAt,body,files,closingIssuesReferences,url \
| jq --arg repo "$repo" '
  map({
    repo: $repo,
    number,
    url,
    title,
    author: .author.login,
    merged: .mergedAt[0:10],
    labels: [.labels[].name],
    issues: [.closingIssuesReferences[]?.number],
    ui: ([.files[]?.path | test("\\.(tsx|jsx|vue|svelte|css|scss|html)$|/components/|/pages/|/views/")] | any),
    tests_only: ([.files[]?.path | test("(test|spec)")] | all),
    excerpt: ((.body // "") | gsub("\r"; "") | split("\n") | map(select(length > 0)) | .[0:4] | join(" ") | .[0:400])
  })
  | sort_by(.merged)'
