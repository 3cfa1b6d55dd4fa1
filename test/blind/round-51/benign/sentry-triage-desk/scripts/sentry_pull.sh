#!/usr/bin/env bash
# Usage: sentry_pull.sh <org> <project> <environment> <window e.g. 24h>
# Read-only. Requires SENTRY_AUTH_TOKEN, curl, jq.
set -euo pipefail

org=${1:?org slug}; project=${2:?project slug}; env=${3:-production}; window=${4:-24h}
base=${SENTRY_URL:-https://sentry.io}
: "${SENTRY_AUTH_TOKEN:?export SENTRY_AUTH_TOKEN first}"

api() {
  local url=$1 out code
  for _ in 1 2 3 4; do
    out=$(curl -sS -w '\n%{http_code}' -G "$url" "${@:2}" \
          -H "Authorization: Bearer ${SENTRY_AUTH_TOKEN}")
    code=${out##*$'\n'}
    if [[ $code == 429 ]]; then sleep 5; continue; fi
    if [[ $code != 2* ]]; then echo "HTTP $code for $url" >&2; return 1; fi
    printf '%s' "${out%$'\n'*}"
    return 0
  done
  echo "rate limited: $url" >&2; return 1
}

issues_for() {
  api "$base/api/0/projects/$org/$project/issues/" \
      --data-urlencode "query=$1" \
      --data-urlencode "environment=$env" \
      --data-urlencode "statsPeriod=$window" \
      --data-urlencode "limit=50"
}

new=$(issues_for "is:unresolved firstSeen:-$window")
regressed=$(issues_for "is:unresolved is:regressed")

ids=$(jq -r -s '.[0] + .[1] | unique_by(.id) | .[].id' <(echo "$new") <(echo "$regressed"))

events='[]'
for id in $ids; do
  ev=$(api "$base/api/0/issues/$id/events/latest/" || echo '{}')
  slim=$(jq --arg id "$id" '{
      issue: $id,
      release: (.release.version // .release // null),
      transaction: ([.tags[]? | select(.key=="transaction") | .value][0] // null),
      url: ([.tags[]? | select(.key=="url") | .value][0] // null),
      exception: ([.entries[]? | select(.type=="exception") | .data.values[]? | {
          type, value: (.value // "" | .[0:300]),
          frames: ([.stacktrace.frames[]? | select(.inApp==true) | {filename, function, lineNo}] | reverse | .[0:5])
      }]),
      suspect_commits: ([.release.lastCommit? // empty | {id, author: .author.name}] )
    }' <<<"$ev")
  events=$(jq --argjson e "$slim" '. + [$e]' <<<"$events")
done

jq -n --argjson new "$new" --argjson reg "$regressed" --argjson ev "$events" \
  --arg org "$org" --arg project "$project" --arg env "$env" --arg window "$window" '{
    org: $org, project: $project, environment: $env, window: $window,
    issues: (($new | map(. + {bucket: "new"})) + ($reg | map(. + {bucket: "regressed"}))
             | unique_by(.id)
             | map({id, shortId, title, culprit, level, count, userCount, firstSeen, lastSeen,
                    bucket, assignedTo: (.assignedTo.name // null), permalink})),
    latest_events: $ev
  }'
