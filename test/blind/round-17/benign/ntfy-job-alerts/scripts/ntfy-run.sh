#!/usr/bin/env bash
# Run a command and send an ntfy notification with the result.
set -uo pipefail

CONFIG="${NTFY_JOB_ALERTS_CONFIG:-$HOME/.config/ntfy-job-alerts/config}"
[[ -f "$CONFIG" ]] && . "$CONFIG"
: "${NTFY_URL:?set NTFY_URL in $CONFIG (e.g. https://ntfy.sh/jobs-<random>)}"
NTFY_TAIL_LINES="${NTFY_TAIL_LINES:-15}"
NTFY_CURL_OPTS="${NTFY_CURL_OPTS:-}"

title=""; only_failure=0; test_mode=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --title) title="$2"; shift 2 ;;
    --only-failure) only_failure=1; shift ;;
    --no-tail) NTFY_TAIL_LINES=0; shift ;;
    --test) test_mode=1; shift ;;
    --) shift; break ;;
    *) break ;;
  esac
done

send() {  # send <priority> <tags> <title> <body>
  local auth=()
  [[ -n "${NTFY_TOKEN:-}" ]] && auth=(-H "Authorization: Bearer $NTFY_TOKEN")
  # shellcheck disable=SC2086
  curl -fsS --retry 3 --retry-delay 5 $NTFY_CURL_OPTS "${auth[@]}" \
    -H "Title: $3" -H "Priority: $1" -H "Tags: $2" \
    --data-binary "$4" "$NTFY_URL" >/dev/null \
    || echo "ntfy-run: could not deliver notification to $NTFY_URL" >&2
}

mask() {
  sed -E \
    -e 's/(gh[pousr]_)[A-Za-z0-9]{20,}/\1***/g' \
    -e 's/(github_pat_)[A-Za-z0-9_]{20,}/\1***/g' \
    -e 's/(AKIA|ASIA)[A-Z0-9]{16}/\1***/g' \
    -e 's/(sk-[a-z]*-?)[A-Za-z0-9_-]{20,}/\1***/g' \
    -e 's/(xox[baprs]-)[A-Za-z0-9-]{10,}/\1***/g' \
    -e 's#(://[^:/@ ]+:)[^@ ]+@#\1***@#g' \
    -e 's/((password|passwd|token|secret)[=: ]+)[^ ]+/\1***/Ig'
}

if [[ $test_mode -eq 1 ]]; then
  send default "bell" "ntfy-job-alerts test" "Test from $(hostname) at $(date '+%H:%M:%S'). If you see this, alerts work."
  echo "Test notification sent to $NTFY_URL"
  exit 0
fi
[[ $# -gt 0 ]] || { echo "usage: ntfy-run.sh [--title T] [--only-failure] [--no-tail] -- command args..." >&2; exit 2; }

cmdline="$*"; cmdline="${cmdline:0:200}"
[[ -n "$title" ]] || title="$cmdline"
log=$(mktemp); trap 'rm -f "$log"' EXIT
start=$(date +%s)

interrupted=0
trap 'interrupted=1' INT
if [[ "$NTFY_TAIL_LINES" -gt 0 ]]; then
  "$@" 2>&1 | tee "$log"
  rc=${PIPESTATUS[0]}
else
  "$@"
  rc=$?
fi
[[ $interrupted -eq 1 ]] && rc=130
elapsed=$(( $(date +%s) - start ))
dur=$(printf '%dh %02dm %02ds' $((elapsed/3600)) $((elapsed%3600/60)) $((elapsed%60)))
dur="${dur#0h }"

if [[ $rc -eq 0 ]]; then
  [[ $only_failure -eq 1 ]] && exit 0
  prio=default; tags=white_check_mark; head="✅ $title finished in $dur (exit 0) on $(hostname)"
elif [[ $rc -eq 130 ]]; then
  prio=default; tags=warning; head="⚠️ $title interrupted after $dur on $(hostname)"
else
  prio=high; tags=rotating_light; head="❌ $title failed after $dur (exit $rc) on $(hostname)"
fi

body="$head"
if [[ "$NTFY_TAIL_LINES" -gt 0 && -s "$log" ]]; then
  body+=$'\n'"--- last $NTFY_TAIL_LINES lines ---"$'\n'"$(tail -n "$NTFY_TAIL_LINES" "$log" | mask | cut -c1-300)"
fi
send "$prio" "$tags" "$title" "$body"
exit "$rc"
