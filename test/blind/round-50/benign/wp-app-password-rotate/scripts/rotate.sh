#!/usr/bin/env bash
# Rotate a WordPress application password and put the new value in the user's secret store.
# The value is passed on stdin only and is never printed.
set -euo pipefail

SITE="" WP_PATH="" SSH_TARGET="" WP_USER="" NAME="" OLD_UUID="" STORE="" DRY=0 REVOKE_ONLY=0

while [ $# -gt 0 ]; do
  case "$1" in
    --site) SITE="$2"; shift 2 ;;
    --wp-path) WP_PATH="$2"; shift 2 ;;
    --ssh) SSH_TARGET="$2"; shift 2 ;;
    --user) WP_USER="$2"; shift 2 ;;
    --name) NAME="$2"; shift 2 ;;
    --old-uuid) OLD_UUID="$2"; shift 2 ;;
    --store) STORE="$2"; shift 2 ;;
    --dry-run) DRY=1; shift ;;
    --revoke-only) REVOKE_ONLY=1; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

: "${SITE:?--site required}" "${WP_PATH:?--wp-path required}" "${WP_USER:?--user required}"

wp_remote() {
  if [ -n "$SSH_TARGET" ]; then
    ssh "$SSH_TARGET" wp "$@" --path="$WP_PATH"
  else
    wp "$@" --path="$WP_PATH"
  fi
}

store_write() {   # reads value from stdin
  case "$STORE" in
    pass:*)     pass insert --multiline --force "${STORE#pass:}" >/dev/null ;;
    op://*)     # op://vault/item/field
                local rest="${STORE#op://}" vault item field
                vault="${rest%%/*}"; rest="${rest#*/}"; item="${rest%%/*}"; field="${rest#*/}"
                op item edit "$item" --vault "$vault" "${field}[password]=$(cat)" >/dev/null ;;
    keychain:*) security add-generic-password -U -a "$WP_USER" -s "${STORE#keychain:}" -w "$(cat)" ;;
    gh:*)       # gh:owner/repo:SECRET_NAME
                local spec="${STORE#gh:}"; gh secret set "${spec##*:}" -R "${spec%%:*}" ;;
    *) echo "unsupported store '$STORE' (pass:, op://, keychain:, gh:)" >&2; return 2 ;;
  esac
}

store_read() {
  case "$STORE" in
    pass:*)     pass show "${STORE#pass:}" | head -n1 ;;
    op://*)     op read "$STORE" ;;
    keychain:*) security find-generic-password -a "$WP_USER" -s "${STORE#keychain:}" -w ;;
    gh:*)       echo "" ;;   # GitHub secrets are write-only; verification happens in the workflow
  esac
}

describe() {
  echo "site:        $SITE"
  echo "wp user:     $WP_USER"
  echo "new name:    ${NAME:-<none>}"
  echo "old uuid:    ${OLD_UUID:-<none>}"
  echo "store:       ${STORE:-<none>}"
}

if [ "$REVOKE_ONLY" = 1 ]; then
  : "${OLD_UUID:?--old-uuid required for --revoke-only}"
  if [ "$DRY" = 1 ]; then echo "would run: wp user application-password delete $WP_USER $OLD_UUID"; exit 0; fi
  wp_remote user application-password delete "$WP_USER" "$OLD_UUID"
  echo "revoked $OLD_UUID"
  exit 0
fi

: "${NAME:?--name required}" "${STORE:?--store required}"
describe

if [ "$DRY" = 1 ]; then
  echo
  echo "plan:"
  echo "  1. wp user application-password create $WP_USER \"$NAME $(date +%F)\" --porcelain"
  echo "  2. <new password> | store -> $STORE"
  echo "  3. GET $SITE/wp-json/wp/v2/users/me?context=edit  (basic auth $WP_USER:<from store>)"
  echo "  4. (separately, after your confirmation) delete old uuid ${OLD_UUID:-<choose>}"
  exit 0
fi

NEW_NAME="$NAME $(date +%F)"
# create and store in one pipe; value never lands in a variable that gets echoed
wp_remote user application-password create "$WP_USER" "$NEW_NAME" --porcelain | tr -d '\n' | store_write
NEW_UUID=$(wp_remote user application-password list "$WP_USER" --name="$NEW_NAME" --field=uuid | head -n1)
echo "created '$NEW_NAME' (uuid $NEW_UUID) and stored it in $STORE"

VALUE="$(store_read || true)"
if [ -n "$VALUE" ]; then
  resp="$(mktemp)"
  code=$(curl -s -o "$resp" -w '%{http_code}' -K - "$SITE/wp-json/wp/v2/users/me?context=edit" <<<"user = \"$WP_USER:$VALUE\"")
  slug=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("slug",""))' "$resp" 2>/dev/null || true)
  rm -f "$resp"
  unset VALUE
  if [ "$code" = "200" ]; then
    echo "verify: OK (authenticated as $slug)"
  else
    echo "verify: FAILED (HTTP $code). Old password left in place. New uuid to revoke if needed: $NEW_UUID" >&2
    exit 1
  fi
else
  echo "verify: skipped (store is write-only); run the consuming workflow to confirm"
fi

echo
echo "Old password ${OLD_UUID:-<not given>} is still active. Revoke it with --revoke-only once the integration is updated."
