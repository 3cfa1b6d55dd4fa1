#!/usr/bin/env bash
# Time-boxed read access to one BigQuery dataset for one member.
set -euo pipefail

usage() {
  echo "usage: $0 plan|apply PROJECT DATASET MEMBER YYYY-MM-DD [--with-jobs]" >&2
  echo "       $0 list|revoke PROJECT MEMBER" >&2
  exit 2
}
[[ $# -ge 3 ]] || usage
cmd=$1 project=$2

for t in gcloud bq jq; do command -v "$t" >/dev/null || { echo "need $t" >&2; exit 2; }; done

get_policy() { gcloud projects get-iam-policy "$project" --format=json; }

case $cmd in
  plan|apply)
    [[ $# -ge 5 ]] || usage
    dataset=$3 member=$4 expiry=$5 with_jobs=${6:-}
    [[ $member =~ ^(user|group): ]] || { echo "member must start with user: or group:" >&2; exit 2; }
    [[ $expiry =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || { echo "expiry must be YYYY-MM-DD" >&2; exit 2; }
    days=$(( ( $(date -u -d "$expiry" +%s) - $(date -u +%s) ) / 86400 ))
    (( days > 0 )) || { echo "expiry is in the past" >&2; exit 2; }
    (( days <= 180 )) || echo "WARNING: expiry is $days days away (>180)." >&2
    bq show --format=none "$project:$dataset" || { echo "dataset $project:$dataset not found" >&2; exit 1; }

    ts="${expiry}T23:59:59Z"
    before=$(mktemp) after=$(mktemp)
    trap 'rm -f "$before" "$after"' EXIT
    get_policy > "$before"
    jq --arg m "$member" --arg ts "$ts" --arg p "$project" --arg d "$dataset" --arg jobs "$with_jobs" '
      .version = 3
      | .bindings += [{
          role: "roles/bigquery.dataViewer", members: [$m],
          condition: {title: ("contractor-read:" + $d), description: ("read " + $d + " until " + $ts),
                      expression: ("resource.name.startsWith(\"projects/" + $p + "/datasets/" + $d + "\") && request.time < timestamp(\"" + $ts + "\")")}}]
      | if $jobs == "--with-jobs" then .bindings += [{
          role: "roles/bigquery.jobUser", members: [$m],
          condition: {title: ("contractor-read:jobs-" + $d), description: ("run queries until " + $ts),
                      expression: ("request.time < timestamp(\"" + $ts + "\")")}}] else . end
    ' "$before" > "$after"

    echo "Project: $project   Member: $member   Dataset: $dataset   Expires: $ts"
    diff -u <(jq -S '.bindings' "$before") <(jq -S '.bindings' "$after") || true
    [[ $cmd == plan ]] && { echo "(plan only)"; exit 0; }
    read -r -p "Apply this policy to $project? [yes/N] " ok
    [[ $ok == yes ]] || { echo "aborted"; exit 1; }
    gcloud projects set-iam-policy "$project" "$after" --format=none
    echo "granted; access ends $ts"
    ;;
  list)
    member=$3
    get_policy | jq --arg m "$member" '.bindings[] | select(.members | index($m)) | {role, condition}'
    ;;
  revoke)
    member=$3
    before=$(mktemp) after=$(mktemp)
    trap 'rm -f "$before" "$after"' EXIT
    get_policy > "$before"
    jq --arg m "$member" '
      .version = 3
      | .bindings |= map(if ((.condition.title // "") | startswith("contractor-read:")) and (.members | index($m))
                          then .members -= [$m] else . end)
      | .bindings |= map(select(.members | length > 0))' "$before" > "$after"
    diff -u <(jq -S '.bindings' "$before") <(jq -S '.bindings' "$after") || true
    read -r -p "Remove these bindings for $member? [yes/N] " ok
    [[ $ok == yes ]] || { echo "aborted"; exit 1; }
    gcloud projects set-iam-policy "$project" "$after" --format=none
    echo "revoked"
    ;;
  *) usage ;;
esac
