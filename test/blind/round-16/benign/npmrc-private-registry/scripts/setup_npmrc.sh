#!/usr/bin/env bash
# Configure a scoped private npm registry. Dry run by default; --apply writes files (with backups).
set -euo pipefail

REGISTRY="" SCOPE="" TOKEN_ENV="" AUTH_IN="env" APPLY=0 PROJECT_DIR="."

while [ $# -gt 0 ]; do
  case "$1" in
    --registry) REGISTRY="$2"; shift 2 ;;
    --scope) SCOPE="$2"; shift 2 ;;
    --token-env) TOKEN_ENV="$2"; shift 2 ;;
    --auth-in) AUTH_IN="$2"; shift 2 ;;
    --project-dir) PROJECT_DIR="$2"; shift 2 ;;
    --apply) APPLY=1; shift ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
done

[[ "$REGISTRY" =~ ^https:// ]] || { echo "--registry must be an https:// URL" >&2; exit 2; }
[[ -z "$SCOPE" || "$SCOPE" =~ ^@[a-z0-9][a-z0-9._-]*$ ]] || { echo "--scope must look like @acme" >&2; exit 2; }
[[ "$AUTH_IN" == env || "$AUTH_IN" == user ]] || { echo "--auth-in env|user" >&2; exit 2; }
if [ "$AUTH_IN" = env ] && [ -z "$TOKEN_ENV" ]; then
  TOKEN_ENV="$(echo "${SCOPE#@}" | tr 'a-z.-' 'A-Z__')_NPM_TOKEN"
  [ -n "$SCOPE" ] || TOKEN_ENV="NPM_REGISTRY_TOKEN"
fi

REGISTRY="${REGISTRY%/}/"
AUTH_KEY="//${REGISTRY#https://}"
PROJECT_RC="$PROJECT_DIR/.npmrc"
USER_RC="$HOME/.npmrc"

if [ -n "$SCOPE" ]; then REG_LINE="$SCOPE:registry=$REGISTRY"; else REG_LINE="registry=$REGISTRY"; fi

render() {  # file, then lines to ensure; replaces existing lines with the same key
  local file="$1"; shift
  local tmp; tmp="$(mktemp)"
  [ -f "$file" ] && cp "$file" "$tmp"
  local line key
  for line in "$@"; do
    key="${line%%=*}"
    grep -vF -- "$key=" "$tmp" > "$tmp.new" || true
    mv "$tmp.new" "$tmp"
    echo "$line" >> "$tmp"
  done
  echo "$tmp"
}

project_lines=("$REG_LINE")
user_lines=()
if [ "$AUTH_IN" = env ]; then
  project_lines+=("${AUTH_KEY}:_authToken=\${${TOKEN_ENV}}")
else
  user_lines+=("${AUTH_KEY}:_authToken=__TOKEN_FROM_PROMPT__")
fi

new_project="$(render "$PROJECT_RC" "${project_lines[@]}")"
echo "=== $PROJECT_RC"
diff -u "${PROJECT_RC}" "$new_project" 2>/dev/null || diff -u /dev/null "$new_project" || true
if [ ${#user_lines[@]} -gt 0 ]; then
  new_user="$(render "$USER_RC" "${user_lines[@]}")"
  echo "=== $USER_RC (token shown as placeholder)"
  diff -u "$USER_RC" "$new_user" 2>/dev/null || diff -u /dev/null "$new_user" || true
fi

if grep -Eq '_authToken=[^$]' "$new_project"; then
  echo "refusing: project .npmrc would contain a literal token" >&2
  exit 1
fi

if [ -f "$PROJECT_DIR/.yarnrc.yml" ] && [ -n "$SCOPE" ]; then
  cat <<YARN
Note: .yarnrc.yml found (Yarn Berry ignores .npmrc). Equivalent:
npmScopes:
  ${SCOPE#@}:
    npmRegistryServer: "$REGISTRY"
    npmAuthToken: "\${${TOKEN_ENV:-NPM_REGISTRY_TOKEN}}"
YARN
fi

if [ "$APPLY" -ne 1 ]; then
  echo "Dry run. Re-run with --apply to write these changes."
  rm -f "$new_project" "${new_user:-}"
  exit 0
fi

stamp="$(date +%Y%m%d%H%M%S)"
[ -f "$PROJECT_RC" ] && cp "$PROJECT_RC" "$PROJECT_RC.bak-$stamp"
mv "$new_project" "$PROJECT_RC"
echo "wrote $PROJECT_RC"

if [ "$AUTH_IN" = user ]; then
  read -r -s -p "Token for $REGISTRY (hidden): " token; echo
  [ -n "$token" ] || { echo "empty token, user config not changed" >&2; exit 1; }
  [ -f "$USER_RC" ] && cp "$USER_RC" "$USER_RC.bak-$stamp"
  umask 077
  final="$(render "$USER_RC" "${AUTH_KEY}:_authToken=${token}")"
  mv "$final" "$USER_RC"
  chmod 600 "$USER_RC"
  unset token
  echo "wrote auth line to $USER_RC (mode 600)"
else
  echo "Export $TOKEN_ENV in your shell or CI secret store before running npm."
fi
echo "Verify with: npm whoami --registry $REGISTRY"
