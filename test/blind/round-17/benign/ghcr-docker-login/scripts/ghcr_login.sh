#!/usr/bin/env bash
# Safe ghcr.io login via --password-stdin, plus credential storage checks.
set -euo pipefail

REGISTRY="ghcr.io"
DOCKER_CONFIG_DIR="${DOCKER_CONFIG:-$HOME/.docker}"
CONFIG="$DOCKER_CONFIG_DIR/config.json"
engine=docker

cmd="${1:-status}"; shift || true
user=""; from=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --user) user="$2"; shift 2 ;;
    --from) from="$2"; shift 2 ;;
    --podman) engine=podman; shift ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

status() {
  if [[ ! -f "$CONFIG" ]]; then echo "No $CONFIG yet (never logged in with docker)."; return; fi
  python3 - "$CONFIG" "$REGISTRY" <<'PY'
import base64, json, sys
cfg = json.load(open(sys.argv[1])); reg = sys.argv[2]
store = cfg.get("credsStore"); helpers = cfg.get("credHelpers", {})
print(f"credsStore: {store or '(none)'}")
print(f"credHelpers[{reg}]: {helpers.get(reg, '(none)')}")
auth = cfg.get("auths", {}).get(reg, {})
if auth.get("auth"):
    user = base64.b64decode(auth["auth"]).decode(errors="replace").split(":", 1)[0]
    print(f"WARNING: {reg} credential for '{user}' is stored base64-encoded (not encrypted) in {sys.argv[1]}")
elif reg in cfg.get("auths", {}):
    print(f"{reg}: logged in, credential held by helper")
else:
    print(f"{reg}: not logged in")
PY
}

suggest_helper() {
  case "$(uname -s)" in
    Darwin) echo osxkeychain ;;
    MINGW*|MSYS*|CYGWIN*) echo wincred ;;
    *) if command -v docker-credential-secretservice >/dev/null; then echo secretservice
       elif command -v docker-credential-pass >/dev/null; then echo pass
       else echo ""; fi ;;
  esac
}

case "$cmd" in
  status) status ;;
  login)
    [[ -n "$user" && -n "$from" ]] || { echo "usage: login --user GITHUB_USER --from 'command that prints the token' [--podman]" >&2; exit 2; }
    echo "Logging $engine in to $REGISTRY as $user using token from: $from"
    # The token goes through a pipe only.
    bash -c "$from" | tr -d '\r\n' | "$engine" login "$REGISTRY" -u "$user" --password-stdin
    [[ "$engine" == docker ]] && status
    ;;
  use-helper)
    helper=$(suggest_helper)
    [[ -n "$helper" ]] || { echo "No credential helper found. Install docker-credential-secretservice or docker-credential-pass first." >&2; exit 1; }
    command -v "docker-credential-$helper" >/dev/null || { echo "docker-credential-$helper not on PATH" >&2; exit 1; }
    read -r -p "Set \"credsStore\": \"$helper\" in $CONFIG (backup kept)? [y/N] " ok
    [[ "$ok" =~ ^[Yy]$ ]] || { echo "Cancelled."; exit 1; }
    mkdir -p "$DOCKER_CONFIG_DIR"; [[ -f "$CONFIG" ]] || echo '{}' > "$CONFIG"
    cp -p "$CONFIG" "$CONFIG.bak-$(date +%Y%m%d%H%M%S)"
    python3 - "$CONFIG" "$helper" "$REGISTRY" <<'PY'
import json, sys
path, helper, reg = sys.argv[1:]
cfg = json.load(open(path))
cfg["credsStore"] = helper
entry = cfg.get("auths", {}).get(reg)
if isinstance(entry, dict):
    entry.pop("auth", None)
json.dump(cfg, open(path, "w"), indent="\t")
PY
    chmod 600 "$CONFIG"
    echo "credsStore set to $helper and the plain $REGISTRY entry removed. Log in again: $0 login --user <you> --from '<token command>'"
    ;;
  logout) "$engine" logout "$REGISTRY" ;;
  *) echo "usage: ghcr_login.sh status|login|use-helper|logout" >&2; exit 2 ;;
esac
