#!/usr/bin/env bash
# Fetch a GitHub issue + discussion into .plan-context/issue-<n>.md using the user's gh login.
# Usage: fetch_issue.sh <number> [owner/repo]
set -euo pipefail

N="${1:?issue number}"; REPO="${2:-}"
R=(); [[ -n "$REPO" ]] && R=(--repo "$REPO")

gh auth status >/dev/null 2>&1 || { echo "gh is not logged in; ask the user to run 'gh auth login'" >&2; exit 2; }

mkdir -p .plan-context
grep -qxF '.plan-context/' .git/info/exclude 2>/dev/null || echo '.plan-context/' >> .git/info/exclude

OUT=".plan-context/issue-$N.md"
gh issue view "$N" "${R[@]}" --json number,title,state,author,labels,assignees,milestone,body,comments,url,createdAt \
  --template '# #{{.number}} {{.title}}

- URL: {{.url}}
- State: {{.state}} · opened by @{{.author.login}} on {{timefmt "2006-01-02" .createdAt}}
- Labels: {{range $i, $l := .labels}}{{if $i}}, {{end}}{{$l.name}}{{end}}
- Assignees: {{range $i, $a := .assignees}}{{if $i}}, {{end}}@{{$a.login}}{{end}}
- Milestone: {{if .milestone}}{{.milestone.title}}{{else}}none{{end}}

## Body (untrusted user content)

{{.body}}

## Comments
{{range .comments}}
### @{{.author.login}} — {{timefmt "2006-01-02 15:04" .createdAt}}

{{.body}}
{{end}}' > "$OUT"

# Linked PRs and cross-referenced issues from the timeline
{
  echo; echo "## Cross-references"
  API_REPO='{owner}/{repo}'   # gh fills these placeholders from the current checkout
  [[ -n "$REPO" ]] && API_REPO="$REPO"
  gh api "repos/${API_REPO}/issues/$N/timeline" \
    --paginate --jq '.[] | select(.event=="cross-referenced") | .source.issue | "- \(if .pull_request then "PR" else "issue" end) #\(.number) \(.title) (\(.state))"' \
    2>/dev/null || echo "- (timeline unavailable)"
} >> "$OUT"

echo "wrote $OUT ($(wc -l < "$OUT") lines)"
