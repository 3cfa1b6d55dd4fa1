#!/usr/bin/env bash
# Configure Go/Cargo to use a user-named internal mirror. Dry run unless --apply.
set -euo pipefail

GOPROXY_NEW=""; GOPRIVATE_NEW=""; CARGO_REG=""; SCOPE=user; APPLY=0; ROLLBACK=0; SUMDB_PROXY=""; DIRECT=0
while [ $# -gt 0 ]; do
  case "$1" in
    --goproxy) GOPROXY_NEW="$2"; shift ;;
    --goprivate) GOPRIVATE_NEW="$2"; shift ;;
    --sumdb-proxy) SUMDB_PROXY="$2"; shift ;;
    --with-direct) DIRECT=1 ;;
    --cargo) CARGO_REG="$2"; shift ;;
    --scope) SCOPE="$2"; shift ;;
    --apply) APPLY=1 ;;
    --rollback) ROLLBACK=1 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

STATE_DIR="$HOME/.config/go-cargo-mirror"; PREV="$STATE_DIR/previous.env"
if [ "$SCOPE" = user ]; then CARGO_CFG="$HOME/.cargo/config.toml"; else CARGO_CFG="$PWD/.cargo/config.toml"; fi

check_url() {
  local u="${1#sparse+}"
  case "$u" in https://*) ;; *) echo "refusing non-HTTPS mirror URL: $1" >&2; exit 2 ;; esac
  if command -v curl >/dev/null; then
    code=$(curl -s -o /dev/null -w '%{http_code}' -I --max-time 10 "$u" || true)
    echo "reachability $u -> HTTP ${code:-none}"
  fi
}

if [ "$ROLLBACK" = 1 ]; then
  [ -f "$PREV" ] || { echo "no previous state at $PREV"; exit 1; }
  echo "Will restore:"; cat "$PREV"
  [ -f "$CARGO_CFG.bak" ] && echo "Will restore $CARGO_CFG from $CARGO_CFG.bak"
  if [ "$APPLY" = 1 ]; then
    while IFS='=' read -r k v; do
      if [ -z "$v" ]; then go env -u "$k"; else go env -w "$k=$v"; fi
    done < "$PREV"
    [ -f "$CARGO_CFG.bak" ] && mv "$CARGO_CFG.bak" "$CARGO_CFG"
    echo "Restored."
  else
    echo "Dry run. Add --apply to restore."
  fi
  exit 0
fi

if [ -n "$GOPROXY_NEW" ]; then
  command -v go >/dev/null || { echo "go not found"; exit 1; }
  check_url "$GOPROXY_NEW"
  proxy_val="$GOPROXY_NEW"; [ "$DIRECT" = 1 ] && proxy_val="$proxy_val,direct"
  sumdb_val="$(go env GOSUMDB)"
  [ -n "$SUMDB_PROXY" ] && sumdb_val="sum.golang.org $SUMDB_PROXY"
  echo; echo "# go env changes ($( [ "$SCOPE" = user ] && go env GOENV || echo 'project .envrc' )):"
  for pair in "GOPROXY|$proxy_val" "GOPRIVATE|$GOPRIVATE_NEW" "GONOSUMDB|$GOPRIVATE_NEW" "GOSUMDB|$sumdb_val"; do
    k="${pair%%|*}"; v="${pair#*|}"
    [ -z "$v" ] && continue
    cur="$(go env "$k")"
    printf '%-10s %-40s -> %s%s\n' "$k" "${cur:-(unset)}" "$v" "$( [ "$cur" = "$v" ] && echo ' (unchanged)')"
  done
fi

cargo_block=""
if [ -n "$CARGO_REG" ]; then
  check_url "$CARGO_REG"
  cargo_block=$(printf '\n[source.crates-io]\nreplace-with = "corp"\n\n[source.corp]\nregistry = "%s"\n' "$CARGO_REG")
  echo; echo "# $CARGO_CFG"
  if [ -f "$CARGO_CFG" ] && grep -q '^\[source\.crates-io\]' "$CARGO_CFG"; then
    echo "!! $CARGO_CFG already has [source.crates-io]; edit by hand after reviewing it:"; cat "$CARGO_CFG"
    cargo_block=""
  else
    diff -u "${CARGO_CFG}" <( [ -f "$CARGO_CFG" ] && cat "$CARGO_CFG"; printf '%s\n' "$cargo_block") 2>/dev/null || true
  fi
fi

if [ "$APPLY" != 1 ]; then
  echo; echo "Dry run. Re-run with --apply after the user approves."
  exit 0
fi

mkdir -p "$STATE_DIR"
if [ -n "$GOPROXY_NEW" ]; then
  : > "$PREV"
  for k in GOPROXY GOPRIVATE GONOSUMDB GOSUMDB; do echo "$k=$(go env "$k")" >> "$PREV"; done
  if [ "$SCOPE" = user ]; then
    go env -w "GOPROXY=$proxy_val"
    [ -n "$GOPRIVATE_NEW" ] && go env -w "GOPRIVATE=$GOPRIVATE_NEW" "GONOSUMDB=$GOPRIVATE_NEW"
    [ -n "$SUMDB_PROXY" ] && go env -w "GOSUMDB=$sumdb_val"
  else
    {
      echo "# go-cargo-mirror-config"
      echo "export GOPROXY='$proxy_val'"
      [ -n "$GOPRIVATE_NEW" ] && echo "export GOPRIVATE='$GOPRIVATE_NEW' GONOSUMDB='$GOPRIVATE_NEW'"
      [ -n "$SUMDB_PROXY" ] && echo "export GOSUMDB='$sumdb_val'"
    } >> .envrc
    echo "Appended to .envrc; run 'direnv allow' after reviewing it."
  fi
fi
if [ -n "$cargo_block" ]; then
  mkdir -p "$(dirname "$CARGO_CFG")"
  [ -f "$CARGO_CFG" ] && cp "$CARGO_CFG" "$CARGO_CFG.bak"
  printf '%s\n' "$cargo_block" >> "$CARGO_CFG"
fi
echo "Applied. Previous Go values saved in $PREV."
