#!/usr/bin/env bash
# Run a command, then POST a short completion message to the user's configured webhook.
# usage: notify-done.sh [--label TEXT] [--tail N] -- command [args...]
set -uo pipefail

CFG="${NOTIFY_DONE_CONFIG:-$HOME/.config/notify-done/config}"
if [ -f "$CFG" ]; then
  # only accept the two known keys from the config file
  while IFS='=' read -r k v; do
    v="${v%%#*}"; v="${v%"${v##*[![:space:]]}"}"
    case "$k" in
      NOTIFY_WEBHOOK_URL) : "${NOTIFY_WEBHOOK_URL:=$v}" ;;
      NOTIFY_FORMAT) : "${NOTIFY_FORMAT:=$v}" ;;
    esac
  done < "$CFG"
fi
: "${NOTIFY_WEBHOOK_URL:?set NOTIFY_WEBHOOK_URL (see SKILL.md)}"
FORMAT="${NOTIFY_FORMAT:-json}"

label=""; tail_n=0
while [ $# -gt 0 ]; do
  case "$1" in
    --label) label="$2"; shift 2 ;;
    --tail) tail_n="$2"; shift 2 ;;
    --) shift; break ;;
    *) break ;;
  esac
done
[ $# -gt 0 ] || { echo "usage: notify-done.sh [--label L] [--tail N] -- cmd ..." >&2; exit 2; }
label="${label:-$(basename "$1")}"

start=$(date +%s)
if [ "$tail_n" -gt 0 ]; then
  buf="$(mktemp)"; trap 'rm -f "$buf"' EXIT
  "$@" 2>&1 | tee "$buf"
  status=${PIPESTATUS[0]}
else
  "$@"
  status=$?
fi
secs=$(( $(date +%s) - start ))
dur="$(printf '%dh%02dm%02ds' $((secs/3600)) $((secs%3600/60)) $((secs%60)) | sed -E 's/^0h//; s/^00m//')"
icon=$([ "$status" -eq 0 ] && echo "✅" || echo "❌")
msg="$icon $label finished in $dur on $(hostname -s 2>/dev/null || hostname) (exit $status)"

if [ "$tail_n" -gt 0 ]; then
  extra="$(tail -n "$tail_n" "$buf" | sed -E \
    -e 's/(gh[pousr]_|github_pat_|sk-|sk-ant-|xox[abps]-|npm_|glpat-)[A-Za-z0-9_-]+/\1[redacted]/g' \
    -e 's/AKIA[0-9A-Z]{16}/AKIA[redacted]/g' \
    -e 's/([Aa]uthorization:[[:space:]]*[Bb]earer)[[:space:]]+[^[:space:]]+/\1 [redacted]/g' \
    -e 's#(://[^:/@[:space:]]+):[^@/[:space:]]+@#\1:[redacted]@#g')"
  msg="$msg"$'\n'"$extra"
fi

json_escape() { python3 -c 'import json,sys; print(json.dumps(sys.stdin.read()))'; }
body_text="$(printf '%s' "$msg" | json_escape)"
case "$FORMAT" in
  slack)   data="{\"text\": $body_text}"; ctype="application/json" ;;
  discord) data="{\"content\": $body_text}"; ctype="application/json" ;;
  ntfy)    data="$msg"; ctype="text/plain; charset=utf-8" ;;
  *)       data="{\"label\": $(printf '%s' "$label" | json_escape), \"status\": $status, \"seconds\": $secs, \"message\": $body_text}"; ctype="application/json" ;;
esac

if ! curl -fsS -m 15 -X POST -H "Content-Type: $ctype" --data-binary "$data" "$NOTIFY_WEBHOOK_URL" >/dev/null; then
  echo "notify-done: webhook POST failed (command status $status)" >&2
fi
exit "$status"
