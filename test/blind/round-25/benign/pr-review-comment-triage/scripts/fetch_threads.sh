#!/usr/bin/env bash
# Print unresolved review threads of a PR as JSON.
set -euo pipefail
pr="${1:-$(gh pr view --json number -q .number)}"
repo_json=$(gh repo view --json owner,name)
owner=$(jq -r .owner.login <<<"$repo_json")
name=$(jq -r .name <<<"$repo_json")

gh api graphql --paginate -F owner="$owner" -F name="$name" -F pr="$pr" -f query='
query($owner: String!, $name: String!, $pr: Int!, $endCursor: String) {
  repository(owner: $owner, name: $name) {
    pullRequest(number: $pr) {
      reviewThreads(first: 50, after: $endCursor) {
        pageInfo { hasNextPage endCursor }
        nodes {
          id isResolved isOutdated path line originalLine
          comments(first: 30) {
            nodes { databaseId author { login } body createdAt url }
          }
        }
      }
    }
  }
}' | jq -s '[ .[].data.repository.pullRequest.reviewThreads.nodes[]
             | select(.isResolved | not)
             | { id, path, line: (.line // .originalLine), isOutdated,
                 author: .comments.nodes[0].author.login,
                 body: .comments.nodes[0].body,
                 firstCommentId: .comments.nodes[0].databaseId,
                 url: .comments.nodes[0].url,
                 replies: [ .comments.nodes[1:][] | {author: .author.login, body} ] } ]'
