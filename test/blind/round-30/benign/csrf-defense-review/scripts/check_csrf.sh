#!/usr/bin/env bash
# Replay one state-changing request with CSRF-relevant variations against YOUR OWN app.
# Usage: BASE=http://localhost:8000 COOKIE="sessionid=..." [TOKEN_HEADER="X-CSRFToken: abc"] \
#        check_csrf.sh METHOD PATH [BODY]
set -euo pipefail

METHOD=${1:?method}
PATH_=${2:?path}
BODY=${3:-}
BASE=${BASE:?set BASE, e.g. http://localhost:8000}
COOKIE=${COOKIE:?set COOKIE to a test session cookie}
TOKEN_HEADER=${TOKEN_HEADER:-}

case "$BASE" in
  http://localhost*|http://127.*|http://[::1]*|https://localhost*) ;;
  *)
    if [[ "${I_OWN_THIS_HOST:-}" != "yes" ]]; then
      echo "BASE=$BASE is not local. Set I_OWN_THIS_HOST=yes only for staging you control." >&2
      exit 2
    fi
    ;;
esac

ORIGIN_SELF=$(printf '%s' "$BASE" | sed -E 's#^(https?://[^/]+).*#\1#')
URL="$BASE$PATH_"

run() {
  local label=$1; shift
  local code
  code=$(curl -s -o /dev/null -w '%{http_code}' -X "$METHOD" "$URL" -H "Cookie: $COOKIE" "$@" ${BODY:+--data "$BODY"})
  printf '%-44s %s\n' "$label" "$code"
}

echo "Target: $METHOD $URL"
echo "Expect 2xx/3xx only for the first line; 403/400 for the rest means the defence works."
echo
if [[ -n "$TOKEN_HEADER" ]]; then
  run "baseline (same origin + token)"            -H "Origin: $ORIGIN_SELF" -H "$TOKEN_HEADER" -H "Content-Type: application/x-www-form-urlencoded"
else
  echo "(no TOKEN_HEADER given; baseline skipped)"
fi
run "no token, same Origin"                        -H "Origin: $ORIGIN_SELF" -H "Content-Type: application/x-www-form-urlencoded"
run "no token, foreign Origin"                     -H "Origin: https://attacker.example.invalid" -H "Content-Type: application/x-www-form-urlencoded"
run "no token, no Origin, no Referer"              -H "Content-Type: application/x-www-form-urlencoded"
run "no token, foreign Origin, text/plain body"    -H "Origin: https://attacker.example.invalid" -H "Content-Type: text/plain"
run "no token, lookalike Origin (suffix)"          -H "Origin: ${ORIGIN_SELF}.attacker.example.invalid" -H "Content-Type: application/x-www-form-urlencoded"
if [[ -n "$TOKEN_HEADER" ]]; then
  run "token, foreign Origin"                      -H "Origin: https://attacker.example.invalid" -H "$TOKEN_HEADER" -H "Content-Type: application/x-www-form-urlencoded"
fi
