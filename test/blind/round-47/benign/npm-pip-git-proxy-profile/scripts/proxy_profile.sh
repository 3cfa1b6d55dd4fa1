#!/usr/bin/env bash
# Manage a fenced corporate-proxy block in the user's shell profile, plus git/npm/pip settings.
set -euo pipefail

BEGIN="# >>> corp-proxy (managed) >>>"
END="# <<< corp-proxy (managed) <<<"
ACTION="${1:-}"; shift || true
PROXY="" NOPROXY="localhost,127.0.0.1,::1,.local" CA="" TOOLS="git,npm,pip"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --proxy) PROXY="$2"; shift 2 ;;
    --no-proxy) NOPROXY="$2"; shift 2 ;;
    --ca) CA="$2"; shift 2 ;;
    --tools) TOOLS="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

case "$(basename "${SHELL:-bash}")" in
  zsh)  PROFILE="$HOME/.zshrc" ;;
  fish) PROFILE="$HOME/.config/fish/conf.d/corp-proxy.fish" ;;
  *)    PROFILE="$HOME/.bashrc" ;;
esac

block() {
  echo "$BEGIN"
  if [[ "$PROFILE" == *.fish ]]; then
    echo "set -gx HTTP_PROXY \"$PROXY\"; set -gx HTTPS_PROXY \"$PROXY\"; set -gx NO_PROXY \"$NOPROXY\""
    echo "set -gx http_proxy \"$PROXY\"; set -gx https_proxy \"$PROXY\"; set -gx no_proxy \"$NOPROXY\""
    [[ -n "$CA" ]] && echo "set -gx NODE_EXTRA_CA_CERTS \"$CA\"; set -gx REQUESTS_CA_BUNDLE \"$CA\""
  else
    echo "export HTTP_PROXY=\"$PROXY\""
    echo "export HTTPS_PROXY=\"\$HTTP_PROXY\""
    echo "export NO_PROXY=\"$NOPROXY\""
    echo "export http_proxy=\"\$HTTP_PROXY\" https_proxy=\"\$HTTPS_PROXY\" no_proxy=\"\$NO_PROXY\""
    [[ -n "$CA" ]] && { echo "export NODE_EXTRA_CA_CERTS=\"$CA\""; echo "export REQUESTS_CA_BUNDLE=\"$CA\""; }
  fi
  echo "$END"
}

strip_block() { [[ -f "$PROFILE" ]] && sed "/^$BEGIN\$/,/^$END\$/d" "$PROFILE" || true; }

tool_cmds() {
  local verb="$1"
  [[ ",$TOOLS," == *,git,* ]] && { [[ $verb == set ]] && echo "git config --global http.proxy $PROXY" || echo "git config --global --unset http.proxy"; }
  [[ ",$TOOLS," == *,npm,* ]] && { [[ $verb == set ]] && echo "npm config set proxy $PROXY && npm config set https-proxy $PROXY" || echo "npm config delete proxy && npm config delete https-proxy"; }
  [[ ",$TOOLS," == *,pip,* ]] && { [[ $verb == set ]] && echo "pip config set global.proxy $PROXY" || echo "pip config unset global.proxy"; }
  [[ $verb == set && -n "$CA" && ",$TOOLS," == *,npm,* ]] && echo "npm config set cafile $CA"
  return 0
}

case "$ACTION" in
  plan)
    [[ -n "$PROXY" ]] || { echo "--proxy required" >&2; exit 2; }
    echo "Profile: $PROFILE"; echo "--- block to write ---"; block
    echo "--- tool commands ---"; tool_cmds set ;;
  apply)
    [[ -n "$PROXY" ]] || { echo "--proxy required" >&2; exit 2; }
    mkdir -p "$(dirname "$PROFILE")"; touch "$PROFILE"
    cp -p "$PROFILE" "$PROFILE.bak.$(date +%s)"
    { strip_block; block; } > "$PROFILE.new" && mv "$PROFILE.new" "$PROFILE"
    while IFS= read -r c; do echo "+ $c"; bash -c "$c"; done < <(tool_cmds set)
    echo "Done. Open a new terminal to pick up the variables." ;;
  remove)
    [[ -f "$PROFILE" ]] && { cp -p "$PROFILE" "$PROFILE.bak.$(date +%s)"; strip_block > "$PROFILE.new" && mv "$PROFILE.new" "$PROFILE"; }
    while IFS= read -r c; do echo "+ $c"; bash -c "$c" || true; done < <(tool_cmds unset)
    echo "Proxy block removed from $PROFILE." ;;
  *) echo "usage: $0 plan|apply|remove --proxy URL [--no-proxy LIST] [--ca FILE] [--tools git,npm,pip]"; exit 2 ;;
esac
