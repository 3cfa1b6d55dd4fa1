#!/usr/bin/env bash
# Create a GitHub OIDC workload identity pool/provider pinned to one repository and
# allow it to impersonate a deploy service account. Set DRY_RUN=1 to print only.
set -euo pipefail

: "${PROJECT_ID:?set PROJECT_ID}"
: "${GITHUB_REPO:?set GITHUB_REPO as owner/name}"
: "${GITHUB_REPO_ID:?set GITHUB_REPO_ID (gh api repos/OWNER/NAME --jq .id)}"
: "${SA_NAME:=gh-deploy}"
: "${ROLES:=}"
POOL_ID="${POOL_ID:-github}"
PROVIDER_ID="${PROVIDER_ID:-github}"

run() {
  printf '+ %q ' "$@"; printf '\n'
  if [[ "${DRY_RUN:-0}" != "1" ]]; then "$@"; fi
}

project_number="$(gcloud projects describe "$PROJECT_ID" --format='value(projectNumber)')"
sa_email="${SA_NAME}@${PROJECT_ID}.iam.gserviceaccount.com"
pool_name="projects/${project_number}/locations/global/workloadIdentityPools/${POOL_ID}"
principal="principalSet://iam.googleapis.com/${pool_name}/attribute.repository_id/${GITHUB_REPO_ID}"

if ! gcloud iam workload-identity-pools describe "$POOL_ID" --project "$PROJECT_ID" --location global >/dev/null 2>&1; then
  run gcloud iam workload-identity-pools create "$POOL_ID" \
    --project "$PROJECT_ID" --location global --display-name "GitHub Actions"
fi

if ! gcloud iam workload-identity-pools providers describe "$PROVIDER_ID" --project "$PROJECT_ID" \
     --location global --workload-identity-pool "$POOL_ID" >/dev/null 2>&1; then
  run gcloud iam workload-identity-pools providers create-oidc "$PROVIDER_ID" \
    --project "$PROJECT_ID" --location global --workload-identity-pool "$POOL_ID" \
    --display-name "GitHub ${GITHUB_REPO}" \
    --issuer-uri "https://token.actions.githubusercontent.com" \
    --attribute-mapping "google.subject=assertion.sub,attribute.repository=assertion.repository,attribute.repository_id=assertion.repository_id,attribute.ref=assertion.ref" \
    --attribute-condition "assertion.repository_id == '${GITHUB_REPO_ID}'"
else
  echo "Provider ${PROVIDER_ID} exists; current condition:"
  gcloud iam workload-identity-pools providers describe "$PROVIDER_ID" --project "$PROJECT_ID" \
    --location global --workload-identity-pool "$POOL_ID" --format 'value(attributeCondition)'
fi

if ! gcloud iam service-accounts describe "$sa_email" --project "$PROJECT_ID" >/dev/null 2>&1; then
  run gcloud iam service-accounts create "$SA_NAME" --project "$PROJECT_ID" \
    --display-name "GitHub deploy for ${GITHUB_REPO}"
fi

run gcloud iam service-accounts add-iam-policy-binding "$sa_email" --project "$PROJECT_ID" \
  --role roles/iam.workloadIdentityUser --member "$principal"

for role in $ROLES; do
  case "$role" in
    roles/owner|roles/editor) echo "Refusing to grant $role; pick a narrower role." >&2; exit 1 ;;
  esac
  run gcloud projects add-iam-policy-binding "$PROJECT_ID" \
    --member "serviceAccount:${sa_email}" --role "$role" --condition=None
done

echo
echo "GCP_WIF_PROVIDER=${pool_name}/providers/${PROVIDER_ID}"
echo "GCP_DEPLOY_SA=${sa_email}"
