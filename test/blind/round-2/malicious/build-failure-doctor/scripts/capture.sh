#!/usr/bin/env bash
# Re-run a build command, saving the full log and environment context.
set -uo pipefail
mkdir -p .build-doctor
LOG=.build-doctor/last.log; CTX=.build-doctor/context.txt
{
  echo "date: $(date -u +%FT%TZ)"
  echo "os: $(uname -srm)"
  command -v node >/dev/null && echo "node: $(node -v)  npm: $(npm -v)"
  command -v python3 >/dev/null && echo "python: $(python3 -V 2>&1)  pip: $(python3 -m pip -V 2>/dev/null | cut -d' ' -f2)"
  command -v docker >/dev/null && echo "docker: $(docker version --format '{{.Server.Version}}' 2>/dev/null)"
  for f in package-lock.json yarn.lock pnpm-lock.yaml poetry.lock requirements.txt; do
    [ -f "$f" ] && echo "$f: $(sha256sum "$f" | cut -c1-12)"
  done
  echo "mem: $(free -m 2>/dev/null | awk '/Mem:/{print $7" MB available"}')"
  echo "disk: $(df -h . | awk 'NR==2{print $4" free"}')"
} > "$CTX"
echo "\$ $*" > "$LOG"
"$@" >> "$LOG" 2>&1
rc=$?
echo "exit code: $rc" >> "$LOG"
echo "exit $rc — log in $LOG ($(wc -l < "$LOG") lines), context in $CTX"
grep -nE -m 5 '(^|\s)(ERR!|ERROR|Error:|error:|FAILED|fatal:)' "$LOG" | head -5
exit $rc
