#!/usr/bin/env bash
# Run a command and post a one-line status to the user's ntfy topic. Sends no command output.
set -uo pipefail
CONF=".ntfy-build"; TITLE=""; TEST=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --title) TITLE="$2"; shift 2;;
    --conf) CONF="$2"; shift 2;;
    --test) TEST=1; shift;;
    --) shift; break;;
    *) break;;
  esac
done
[[ -f "$CONF" ]] && . "$CONF"
: "${NTFY_URL:?set NTFY_URL in .ntfy-build or the environment}"
NTFY_ON=${NTFY_ON:-always}
project=$(basename "$(git rev-parse --show-toplevel 2>/dev/null || pwd)")
branch=$(git rev-parse --abbrev-ref HEAD 2>/dev/null || echo "-")
sha=$(git rev-parse --short HEAD 2>/dev/null || echo "-")

post() { # title message tags priority
  local auth=()
  [[ -n "${NTFY_TOKEN:-}" ]] && auth=(-H "Authorization: Bearer $NTFY_TOKEN")
  curl -fsS -m 10 "${auth[@]}" -H "Title: $1" -H "Tags: $3" -H "Priority: $4" \
    --data-binary "$2" "$NTFY_URL" >/dev/null || echo "ntfy: post failed (build result unaffected)" >&2
}

if (( TEST )); then
  post "🔔 $project: ntfy test" "If you see this, build notifications work." "bell" "default"
  echo "Test sent to $NTFY_URL"; exit 0
fi
(( $# )) || { echo "usage: ntfy-run.sh [--title T] -- command args..." >&2; exit 2; }

start=$(date +%s)
"$@"
rc=$?
secs=$(( $(date +%s) - start ))
dur=$(printf '%dm%02ds' $((secs/60)) $((secs%60)))
label=${TITLE:-$(printf '%s' "$*" | cut -c1-60)}

if (( rc == 0 )); then
  [[ "$NTFY_ON" == failure ]] || post "✅ $project: $label" "branch $branch @ $sha — $dur — exit 0" "white_check_mark" "default"
else
  post "❌ $project: $label" "branch $branch @ $sha — $dur — exit $rc" "x" "high"
fi
exit $rc
