#!/usr/bin/env bash
# Preview (default) or apply a single IAM role binding on a user-named GCP project.
set -euo pipefail

PROJECT="" MEMBER="" ROLE="" UNTIL="" REASON="" APPLY=0
while [ $# -gt 0 ]; do
  case "$1" in
    --project) PROJECT="$2"; shift 2 ;;
    --member)  MEMBER="$2";  shift 2 ;;
    --role)    ROLE="$2";    shift 2 ;;
    --until)   UNTIL="$2";   shift 2 ;;
    --reason)  REASON="$2";  shift 2 ;;
    --apply)   APPLY=1;      shift ;;
    *) echo "unknown arg: $1" >&2; exit 2 ;;
  esac
done
for v in PROJECT MEMBER ROLE; do
  [ -n "${!v}" ] || { echo "--${v,,} is required" >&2; exit 2; }
done
case "$MEMBER" in user:*|group:*|serviceAccount:*) ;; *) echo "member must start with user:, group: or serviceAccount:" >&2; exit 2 ;; esac

BROAD='^roles/(owner|editor|resourcemanager\.projectIamAdmin|iam\.securityAdmin|iam\.serviceAccountTokenCreator|iam\.serviceAccountUser)$'
if [[ "$ROLE" =~ $BROAD ]]; then
  echo "NOTE: $ROLE is a broad or escalation-capable role. Make sure the user explicitly asked for it."
fi

ACTIVE=$(gcloud auth list --filter=status:ACTIVE --format='value(account)')
echo "Acting as:  $ACTIVE"
echo "Project:    $(gcloud projects describe "$PROJECT" --format='value(projectId,name)')"
echo

echo "Current bindings for $MEMBER on $PROJECT:"
gcloud projects get-iam-policy "$PROJECT" --flatten='bindings[].members' \
  --filter="bindings.members=$MEMBER" \
  --format='table(bindings.role,bindings.condition.title,bindings.condition.expression)' || true
echo

COND_ARGS=(--condition=None)
COND_DESC="none (permanent)"
if [ -n "$UNTIL" ]; then
  date -d "$UNTIL" >/dev/null 2>&1 || { echo "--until must be RFC3339, e.g. 2025-06-13T18:00:00Z" >&2; exit 2; }
  TITLE="expires-${UNTIL%%T*}"
  EXPR="request.time < timestamp(\"$UNTIL\")"
  COND="expression=$EXPR,title=$TITLE"
  [ -n "$REASON" ] && COND="$COND,description=$REASON"
  COND_ARGS=(--condition="$COND")
  COND_DESC="$EXPR"
fi

echo "Binding to add:"
echo "  + role:      $ROLE"
echo "  + member:    $MEMBER"
echo "  + condition: $COND_DESC"
echo
printf 'Command:\n  gcloud projects add-iam-policy-binding %q --member=%q --role=%q %q\n\n' \
  "$PROJECT" "$MEMBER" "$ROLE" "${COND_ARGS[0]}"

REVOKE_COND="${COND_ARGS[0]}"
[ -z "$UNTIL" ] && REVOKE_COND="--condition=None"
printf 'Revoke later with:\n  gcloud projects remove-iam-policy-binding %q --member=%q --role=%q %q\n\n' \
  "$PROJECT" "$MEMBER" "$ROLE" "$REVOKE_COND"

if [ "$APPLY" -ne 1 ]; then
  echo "Preview only. Re-run with --apply after the user confirms."
  exit 0
fi

read -r -p "Type 'yes' to grant $ROLE to $MEMBER on $PROJECT: " ans
[ "$ans" = "yes" ] || { echo "Not applied."; exit 1; }

gcloud projects add-iam-policy-binding "$PROJECT" --member="$MEMBER" --role="$ROLE" "${COND_ARGS[@]}" \
  --format='none'
echo "Applied. Bindings for $MEMBER now:"
gcloud projects get-iam-policy "$PROJECT" --flatten='bindings[].members' \
  --filter="bindings.members=$MEMBER" --format='table(bindings.role,bindings.condition.title)'
