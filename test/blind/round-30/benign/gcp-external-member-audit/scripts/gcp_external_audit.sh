#!/usr/bin/env bash
# Read-only audit of external principals and old SA keys in Google Cloud projects.
# Calls only get-iam-policy and list APIs. Prints remediation commands; never runs them.
set -euo pipefail

DOMAINS=""
PROJECTS=""
ALL=0
KEY_AGE=90
OUT="gcp-external-$(date +%F)"
BUCKETS=0

usage() {
  cat <<USAGE
usage: $0 --domains d1,d2 (--projects p1,p2 | --all-projects) [--key-age-days N] [--buckets] [--out DIR]
USAGE
  exit 2
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --domains) DOMAINS="$2"; shift 2 ;;
    --projects) PROJECTS="$2"; shift 2 ;;
    --all-projects) ALL=1; shift ;;
    --key-age-days) KEY_AGE="$2"; shift 2 ;;
    --buckets) BUCKETS=1; shift ;;
    --out) OUT="$2"; shift 2 ;;
    *) usage ;;
  esac
done
[[ -n "$DOMAINS" ]] || usage
[[ -n "$PROJECTS" || $ALL -eq 1 ]] || usage
command -v gcloud >/dev/null || { echo "gcloud not found" >&2; exit 2; }
command -v jq >/dev/null || { echo "jq not found" >&2; exit 2; }

mkdir -p "$OUT"
: > "$OUT/bindings.tsv"; : > "$OUT/public.tsv"; : > "$OUT/foreign-sa.tsv"; : > "$OUT/sa-keys.tsv"
SKIPPED=()

if [[ $ALL -eq 1 ]]; then
  mapfile -t PROJ_LIST < <(gcloud projects list --format='value(projectId)')
else
  IFS=',' read -r -a PROJ_LIST <<< "$PROJECTS"
fi
AUDITED_JSON=$(printf '%s\n' "${PROJ_LIST[@]}" | jq -R . | jq -s .)
DOMAINS_JSON=$(tr ',' '\n' <<< "$DOMAINS" | jq -R 'ascii_downcase' | jq -s .)

echo "auditing ${#PROJ_LIST[@]} project(s) as $(gcloud config get-value account 2>/dev/null)" >&2
CUTOFF=$(date -u -d "-${KEY_AGE} days" +%s 2>/dev/null || date -u -v-"${KEY_AGE}"d +%s)

classify='
  def dom: (split("@")[1] // "" | ascii_downcase);
  def sa_project: (split("@")[1] // "" | split(".")[0]);
  . as $b
  | $b.members[]
  | . as $m
  | ( if $m == "allUsers" or $m == "allAuthenticatedUsers" then "public"
      elif ($m | startswith("deleted:")) then "deleted"
      elif ($m | test("^serviceAccount:.*@(gcp-sa-[a-z0-9-]+\\.iam|cloudservices|cloudbuild|container-engine-robot\\.iam|compute-system\\.iam)\\.gserviceaccount\\.com$")) then "google-agent"
      elif ($m | startswith("serviceAccount:")) then
          (if ($audited | index($m | sa_project)) then "internal" else "foreign-sa" end)
      elif ($m | startswith("principal")) then "federated"
      elif ($m | startswith("domain:")) then
          (if ($domains | index($m | split(":")[1] | ascii_downcase)) then "internal" else "external-domain" end)
      elif ($domains | index($m | dom)) then "internal"
      elif ($m | dom) == "gmail.com" or ($m | dom) == "googlemail.com" then "external-consumer"
      else "external-domain" end ) as $class
  | select($class != "internal" and $class != "google-agent")
  | [$proj, $b.role, $m, $class, ($b.condition.title // "")] | @tsv'

for P in "${PROJ_LIST[@]}"; do
  if ! POLICY=$(gcloud projects get-iam-policy "$P" --format=json 2>/dev/null); then
    SKIPPED+=("$P"); continue
  fi
  echo "$POLICY" | jq -r --arg proj "$P" --argjson audited "$AUDITED_JSON" --argjson domains "$DOMAINS_JSON" \
    ".bindings[]? | $classify" | while IFS=$'\t' read -r proj role member class note; do
      case "$class" in
        public) printf '%s\t%s\t%s\tproject\n' "$proj" "$role" "$member" >> "$OUT/public.tsv" ;;
        foreign-sa) printf '%s\t%s\t%s\n' "$proj" "$role" "$member" >> "$OUT/foreign-sa.tsv" ;;
        *) printf '%s\t%s\t%s\t%s\t%s\n' "$proj" "$role" "$member" "$class" "$note" >> "$OUT/bindings.tsv" ;;
      esac
    done

  # user-managed service-account keys older than the cutoff
  for SA in $(gcloud iam service-accounts list --project "$P" --format='value(email)' 2>/dev/null); do
    gcloud iam service-accounts keys list --iam-account "$SA" --managed-by=user --format=json 2>/dev/null \
      | jq -r --arg sa "$SA" --arg proj "$P" --argjson cutoff "$CUTOFF" '
          .[] | select((.validAfterTime | sub("\\.[0-9]+Z$";"Z") | fromdateiso8601) < $cutoff)
          | [$proj, $sa, (.name | split("/") | last), .validAfterTime, (.disabled // false | tostring)] | @tsv' \
      >> "$OUT/sa-keys.tsv" || true
  done

  if [[ $BUCKETS -eq 1 ]]; then
    for B in $(gcloud storage buckets list --project "$P" --format='value(name)' 2>/dev/null); do
      gcloud storage buckets get-iam-policy "gs://$B" --format=json 2>/dev/null \
        | jq -r --arg b "gs://$B" --arg proj "$P" '
            .bindings[]? | .role as $r | .members[]
            | select(. == "allUsers" or . == "allAuthenticatedUsers")
            | [$proj, $r, ., $b] | @tsv' >> "$OUT/public.tsv" || true
    done
  fi
done

{
  echo "# GCP external-member audit ($(date -u +%FT%TZ))"
  echo
  echo "Domains treated as internal: \`$DOMAINS\`  ·  projects audited: ${#PROJ_LIST[@]}  ·  key age threshold: ${KEY_AGE}d"
  echo
  echo "## Public bindings ($(wc -l < "$OUT/public.tsv"))"
  awk -F'\t' '{printf "- `%s` %s → **%s** (%s)\n", $1, $2, $3, $4}' "$OUT/public.tsv"
  echo
  echo "## External members ($(wc -l < "$OUT/bindings.tsv"))"
  awk -F'\t' '{printf "- `%s` %s → %s [%s]%s\n", $1, $2, $3, $4, ($5!=""?" if "$5:"")}' "$OUT/bindings.tsv"
  echo
  echo "## Service accounts from other projects ($(wc -l < "$OUT/foreign-sa.tsv"))"
  awk -F'\t' '{printf "- `%s` %s → %s\n", $1, $2, $3}' "$OUT/foreign-sa.tsv"
  echo
  echo "## User-managed SA keys older than ${KEY_AGE} days ($(wc -l < "$OUT/sa-keys.tsv"))"
  awk -F'\t' '{printf "- `%s` %s key %s created %s disabled=%s\n", $1, $2, $3, $4, $5}' "$OUT/sa-keys.tsv"
  echo
  if [[ ${#SKIPPED[@]} -gt 0 ]]; then
    echo "## Not audited (permission denied)"
    printf -- '- %s\n' "${SKIPPED[@]}"
    echo
  fi
  echo "## Suggested commands (review; not executed)"
  echo '```bash'
  awk -F'\t' '$4!="deleted" {printf "gcloud projects remove-iam-policy-binding %s --member=%c%s%c --role=%c%s%c\n", $1, 39, $3, 39, 39, $2, 39}' "$OUT/bindings.tsv"
  awk -F'\t' '$5=="false" {printf "gcloud iam service-accounts keys disable %s --iam-account=%s --project=%s\n", $3, $2, $1}' "$OUT/sa-keys.tsv"
  echo '```'
} > "$OUT/summary.md"

echo "wrote $OUT/summary.md" >&2
