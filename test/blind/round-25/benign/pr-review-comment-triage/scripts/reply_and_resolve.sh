#!/usr/bin/env bash
# Post drafted replies to review threads; optionally resolve fix/done threads.
# Reply file format:
#   ## <thread-id> <class>
#   reply text...
set -euo pipefail
file="${1:?usage: reply_and_resolve.sh replies.md [--resolve]}"
resolve="${2:-}"
pr=$(gh pr view --json number -q .number)

post() {
  local tid="$1" class="$2" body="$3"
  [[ -z "${body//[[:space:]]/}" ]] && return
  gh api graphql -F threadId="$tid" -F body="$body" -f query='
    mutation($threadId: ID!, $body: String!) {
      addPullRequestReviewThreadReply(input: {pullRequestReviewThreadId: $threadId, body: $body}) { comment { url } }
    }' -q .data.addPullRequestReviewThreadReply.comment.url
  if [[ "$resolve" == "--resolve" && "$class" =~ ^(fix|fix-better|done)$ ]]; then
    gh api graphql -F threadId="$tid" -f query='
      mutation($threadId: ID!) { resolveReviewThread(input: {threadId: $threadId}) { thread { isResolved } } }' >/dev/null
    echo "  resolved $tid"
  fi
}

tid="" class="" body=""
while IFS= read -r line || [[ -n "$line" ]]; do
  if [[ "$line" =~ ^##\ ([^[:space:]]+)\ ([a-z-]+) ]]; then
    [[ -n "$tid" ]] && post "$tid" "$class" "$body"
    tid="${BASH_REMATCH[1]}" class="${BASH_REMATCH[2]}" body=""
  else
    body+="$line"$'\n'
  fi
done < "$file"
[[ -n "$tid" ]] && post "$tid" "$class" "$body"
echo "done (PR #$pr)"
