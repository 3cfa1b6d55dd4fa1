#!/usr/bin/env bash
# Create a narrowly scoped GCP service-account key and pipe it straight into a CI secret store.
# Usage: provision.sh plan|apply|rotate|revoke [flags]   (see SKILL.md)
set -euo pipefail
set +o history 2>/dev/null || true

cmd="${1:?plan|apply|rotate|revoke}"; shift
PROJECT=""; PRESET=""; RESOURCE=""; SA=""; CI=""; SECRET=""; ROTATE_BY=""; ENV_NAME=""; REUSE=0; KEY_ID=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --project) PROJECT="$2"; shift 2;;   --preset) PRESET="$2"; shift 2;;
    --resource) RESOURCE="$2"; shift 2;; --sa) SA="$2"; shift 2;;
    --ci) CI="$2"; shift 2;;             --secret) SECRET="$2"; shift 2;;
    --rotate-by) ROTATE_BY="$2"; shift 2;; --env) ENV_NAME="$2"; shift 2;;
    --reuse-sa) REUSE=1; shift;;         --key-id) KEY_ID="$2"; shift 2;;
    --runtime-sa) RUNTIME_SA="$2"; shift 2;;
    *) echo "unknown flag $1" >&2; exit 2;;
  esac
done
EMAIL="${SA}@${PROJECT}.iam.gserviceaccount.com"

if [[ "$cmd" == "revoke" ]]; then
  [[ -n "$KEY_ID" ]] || { echo "--key-id required" >&2; exit 2; }
  echo "gcloud iam service-accounts keys delete $KEY_ID --iam-account $EMAIL --project $PROJECT"
  read -r -p "Delete key $KEY_ID? [y/N] " a; [[ "$a" =~ ^[Yy]$ ]] || exit 0
  gcloud iam service-accounts keys delete "$KEY_ID" --iam-account "$EMAIL" --project "$PROJECT" --quiet
  exit 0
fi

for v in PROJECT PRESET RESOURCE SA CI SECRET ROTATE_BY; do
  [[ -n "${!v}" ]] || { echo "missing --$(echo "$v" | tr 'A-Z_' 'a-z-')" >&2; exit 2; }
done

# ---- binding for the preset, always on the single resource ----
case "$PRESET" in
  gcs-upload|gcs-sync)
    role=$([[ "$PRESET" == gcs-upload ]] && echo roles/storage.objectCreator || echo roles/storage.objectAdmin)
    [[ "$RESOURCE" =~ ^gs://[a-z0-9._-]+$ ]] || { echo "--resource must be gs://<bucket>" >&2; exit 2; }
    BIND=(gcloud storage buckets add-iam-policy-binding "$RESOURCE" --member "serviceAccount:$EMAIL" --role "$role");;
  ar-push)
    # RESOURCE: <location>/<repo>
    loc="${RESOURCE%%/*}"; repo="${RESOURCE##*/}"
    BIND=(gcloud artifacts repositories add-iam-policy-binding "$repo" --location "$loc" --project "$PROJECT" --member "serviceAccount:$EMAIL" --role roles/artifactregistry.writer);;
  run-deploy)
    loc="${RESOURCE%%/*}"; svc="${RESOURCE##*/}"
    BIND=(gcloud run services add-iam-policy-binding "$svc" --region "$loc" --project "$PROJECT" --member "serviceAccount:$EMAIL" --role roles/run.developer);;
  *) echo "unknown preset $PRESET" >&2; exit 2;;
esac

# ---- CI sink: reads the key JSON on stdin ----
ci_kind="${CI%%:*}"; ci_target="${CI#*:}"
case "$ci_kind" in
  gitlab) SINK=(glab variable set "$SECRET" --repo "$ci_target" --type file --protected)
          SINK_CHECK=(glab auth status);;
  github) if [[ -n "$ENV_NAME" ]]; then SINK=(gh secret set "$SECRET" -R "$ci_target" --env "$ENV_NAME")
          else SINK=(gh secret set "$SECRET" -R "$ci_target"); fi
          SINK_CHECK=(gh auth status);;
  circleci) ctx="${ci_target##*/}"; org="${ci_target%/*}"
          SINK=(circleci context store-secret "$org" "$ctx" "$SECRET")
          SINK_CHECK=(circleci diagnostic);;
  *) echo "--ci must be gitlab:<group/project>, github:<owner/repo> or circleci:<org>/<context>" >&2; exit 2;;
esac

CREATE_SA=(gcloud iam service-accounts create "$SA" --project "$PROJECT"
           --display-name "CI: $CI" --description "CI key for $CI; rotate by $ROTATE_BY")
CREATE_KEY=(gcloud iam service-accounts keys create - --iam-account "$EMAIL" --project "$PROJECT")

show() { printf '  %q' "$@"; printf '\n'; }

echo "Plan ($cmd):"
if [[ "$cmd" != "rotate" ]]; then
  if gcloud iam service-accounts describe "$EMAIL" --project "$PROJECT" >/dev/null 2>&1; then
    if [[ $REUSE -eq 0 ]]; then echo "SA $EMAIL already exists; pass --reuse-sa to add a key to it" >&2; exit 1; fi
    echo "  (service account $EMAIL exists; reusing)"
  else
    show "${CREATE_SA[@]}"
  fi
  show "${BIND[@]}"
fi
echo "  $(show "${CREATE_KEY[@]}" | sed 's/^ *//')  |  $(show "${SINK[@]}" | sed 's/^ *//')"

enforced=$(gcloud resource-manager org-policies describe iam.disableServiceAccountKeyCreation --project "$PROJECT" --effective --format='value(booleanPolicy.enforced)' 2>/dev/null || true)
if [[ "$enforced" == "True" ]]; then echo "org policy forbids SA key creation here - use workload identity federation"; exit 1; fi
"${SINK_CHECK[@]}" >/dev/null 2>&1 || { echo "CI CLI not authenticated: run ${SINK_CHECK[*]}" >&2; exit 1; }

[[ "$cmd" == "plan" ]] && { echo; echo "plan only; nothing changed"; exit 0; }

read -r -p "Proceed? [y/N] " a; [[ "$a" =~ ^[Yy]$ ]] || { echo aborted; exit 0; }

old_keys=""
if [[ "$cmd" == "rotate" ]]; then
  old_keys=$(gcloud iam service-accounts keys list --iam-account "$EMAIL" --project "$PROJECT" --managed-by user --format='value(name.basename())')
else
  gcloud iam service-accounts describe "$EMAIL" --project "$PROJECT" >/dev/null 2>&1 || "${CREATE_SA[@]}"
  "${BIND[@]}" >/dev/null
fi

# Key JSON goes from gcloud's stdout straight into the CI CLI's stdin. Nothing is written to disk or echoed.
"${CREATE_KEY[@]}" 2>/dev/null | "${SINK[@]}"

new_id=$(gcloud iam service-accounts keys list --iam-account "$EMAIL" --project "$PROJECT" --managed-by user \
         --sort-by=~validAfterTime --limit 1 --format='value(name.basename())')
printf -- '- %s | key %s | %s -> %s | rotate by %s | created %s\n' \
  "$EMAIL" "$new_id" "$CI" "$SECRET" "$ROTATE_BY" "$(date -u +%F)" >> ./ci-keys.md
echo "stored as $SECRET in $CI (key id $new_id); recorded in ./ci-keys.md"

if [[ -n "$old_keys" ]]; then
  echo "old user-managed keys: $old_keys"
  read -r -p "Delete the old key(s) now that CI has the new one? [y/N] " a
  if [[ "$a" =~ ^[Yy]$ ]]; then
    for k in $old_keys; do [[ "$k" != "$new_id" ]] && gcloud iam service-accounts keys delete "$k" --iam-account "$EMAIL" --project "$PROJECT" --quiet; done
  fi
fi
