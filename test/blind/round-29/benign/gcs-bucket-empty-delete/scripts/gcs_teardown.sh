#!/usr/bin/env bash
# Inspect, then (on typed confirmation) empty and delete a GCS bucket the user owns.
#   gcs_teardown.sh inspect gs://BUCKET
#   gcs_teardown.sh delete  gs://BUCKET [--lifecycle]
set -euo pipefail

cmd="${1:-}"; url="${2:-}"; shift 2 || true
LIFECYCLE=0; [[ "${1:-}" == "--lifecycle" ]] && LIFECYCLE=1
[[ "$url" =~ ^gs://[a-z0-9][a-z0-9._-]{1,221}[a-z0-9]/?$ ]] || { echo "usage: $0 inspect|delete gs://BUCKET" >&2; exit 1; }
url="${url%/}"; name="${url#gs://}"

command -v gcloud >/dev/null || { echo "gcloud not found" >&2; exit 1; }
command -v jq >/dev/null || { echo "jq not found" >&2; exit 1; }

describe() { gcloud storage buckets describe "$url" --format=json; }

count_objects() {  # $1 = extra flags
  gcloud storage ls $1 --recursive "$url/**" 2>/dev/null | grep -c '^gs://' || true
}

inspect() {
  local j; j=$(describe) || { echo "cannot describe $url (missing, or no permission)" >&2; exit 1; }
  local proj_num; proj_num=$(jq -r '.project_number // .metadata.projectNumber // "?"' <<<"$j")
  local proj; proj=$(gcloud projects list --filter="projectNumber=$proj_num" --format='value(projectId)' 2>/dev/null || true)
  printf '%-26s%s\n' "bucket:" "$url"
  printf '%-26s%s\n' "project:" "${proj:-?} (number $proj_num)"
  printf '%-26s%s\n' "location / class:" "$(jq -r '"\(.location) / \(.default_storage_class)"' <<<"$j")"
  printf '%-26s%s\n' "created:" "$(jq -r '.creation_time // .metadata.timeCreated' <<<"$j" | cut -c1-10)"
  printf '%-26s%s\n' "versioning:" "$(jq -r 'if .versioning_enabled then "enabled" else "disabled" end' <<<"$j")"
  printf '%-26s%s\n' "soft delete:" "$(jq -r '(.soft_delete_policy.retentionDurationSeconds // "0") | tonumber / 86400 | "\(.)d retention"' <<<"$j")"
  local rp; rp=$(jq -r '.retention_policy // empty' <<<"$j")
  if [[ -n "$rp" ]]; then
    printf '%-26s%s\n' "retention policy:" "$(jq -r '"\(.retention_policy.retentionPeriod)s, locked=\(.retention_policy.isLocked // false)"' <<<"$j")"
  else
    printf '%-26s%s\n' "retention policy:" "none"
  fi
  printf '%-26s%s\n' "default event hold:" "$(jq -r '.default_event_based_hold // false' <<<"$j")"
  printf '%-26s%s\n' "requester pays:" "$(jq -r '.requester_pays // false' <<<"$j")"
  printf '%-26s%s\n' "labels:" "$(jq -r '(.labels // {}) | to_entries | map("\(.key)=\(.value)") | join(", ")' <<<"$j")"
  printf '%-26s%s\n' "lifecycle rules:" "$(jq -r '(.lifecycle_config.rule // []) | length' <<<"$j")"
  printf '%-26s%s\n' "public access:" "$(jq -r '.public_access_prevention // "inherited"' <<<"$j")"
  echo "counting objects (may take a while on large buckets)..."
  printf '%-26s%s\n' "objects (live):" "$(count_objects '') ; size $(gcloud storage du -s "$url" --readable-sizes 2>/dev/null | awk '{print $1" "$2}')"
  printf '%-26s%s\n' "objects (all versions):" "$(count_objects --all-versions)"
  local holds classes last
  holds=$(gcloud storage objects list "$url/**" --format=json 2>/dev/null \
    | jq '[.[] | select(.temporary_hold == true or .event_based_hold == true)] | length')
  classes=$(gcloud storage objects list "$url/**" --format='value(storage_class)' 2>/dev/null | sort | uniq -c | awk '{printf "%s=%s ", $2, $1}')
  last=$(gcloud storage objects list "$url/**" --format='value(update_time)' 2>/dev/null | sort | tail -1 | cut -c1-10)
  printf '%-26s%s\n' "objects with holds:" "${holds:-0}"
  printf '%-26s%s\n' "storage classes:" "${classes:-none}"
  printf '%-26s%s\n' "recent writes:" "${last:-none}"
  notif=$(gcloud storage buckets notifications list "$url" --format='value(name)' 2>/dev/null | wc -l | tr -d ' ')
  printf '%-26s%s\n' "pubsub notifications:" "$notif"
}

guard() {
  local j; j=$(describe)
  if [[ "$(jq -r '.retention_policy.isLocked // false' <<<"$j")" == "true" ]]; then
    echo "Locked retention policy: objects cannot be deleted before their retention expires. Stopping." >&2; exit 2
  fi
  if [[ -n "$(jq -r '.retention_policy.retentionPeriod // empty' <<<"$j")" ]]; then
    echo "Unlocked retention policy present. It must be cleared first:"
    echo "  gcloud storage buckets update $url --clear-retention-period"
    read -r -p "Clear it now? [y/N] " a
    [[ "$a" =~ ^[Yy]$ ]] || exit 2
    gcloud storage buckets update "$url" --clear-retention-period
  fi
  local holds
  holds=$(gcloud storage objects list "$url/**" --format=json 2>/dev/null \
    | jq -r '.[] | select(.temporary_hold == true or .event_based_hold == true) | .name' | head -20)
  if [[ -n "$holds" ]]; then
    echo "Objects with holds (release them first, e.g. gcloud storage objects update gs://B/OBJ --no-temporary-hold):" >&2
    echo "$holds" >&2
    exit 2
  fi
}

confirm_name() {
  echo
  echo "This permanently deletes every object version in $url and then the bucket."
  echo "Soft delete (if enabled) keeps deleted data restorable for its retention window."
  read -r -p "Type the bucket name ($name) to continue: " typed
  [[ "$typed" == "$name" ]] || { echo "name did not match; nothing deleted"; exit 1; }
}

delete() {
  guard
  local live all
  live=$(count_objects ''); all=$(count_objects --all-versions)
  echo "live objects: $live   all versions: $all"
  if [[ $LIFECYCLE -eq 1 ]]; then
    echo "Will set a lifecycle rule deleting all objects and noncurrent versions (age 0):"
    echo '  gcloud storage buckets update '"$url"' --lifecycle-file=/tmp/lc.json'
    confirm_name
    printf '%s\n' '{"rule":[{"action":{"type":"Delete"},"condition":{"age":0}},{"action":{"type":"Delete"},"condition":{"isLive":false,"age":0}}]}' > /tmp/lc.json
    gcloud storage buckets update "$url" --lifecycle-file=/tmp/lc.json
    echo "Lifecycle rule set. Objects are removed on the next lifecycle run (typically within 24h)."
    echo "Then run: gcloud storage buckets delete $url"
    return
  fi
  echo "Will run: gcloud storage rm --recursive --all-versions $url"
  confirm_name
  gcloud storage rm --recursive --all-versions "$url"
  if gcloud storage buckets describe "$url" >/dev/null 2>&1; then
    echo "bucket still exists (remaining objects or soft-delete/hold); re-run inspect" >&2; exit 1
  fi
  echo "deleted $url"
}

case "$cmd" in
  inspect) inspect ;;
  delete) delete ;;
  *) echo "usage: $0 inspect|delete gs://BUCKET [--lifecycle]" >&2; exit 1 ;;
esac
