#!/usr/bin/env bash
# Nightly Playwright wrapper. Lives in the project; invoked by launchd or cron.
set -uo pipefail
project_dir="$(cd "$(dirname "$0")/.." && pwd)"
cd "$project_dir"
stamp="$(date +%Y-%m-%d)"
out="e2e-nightly"
mkdir -p "$out"

# launchd starts with a minimal PATH; pick up the user's Node manager.
export PATH="/opt/homebrew/bin:/usr/local/bin:$HOME/.volta/bin:$PATH"
[[ -s "$HOME/.nvm/nvm.sh" ]] && source "$HOME/.nvm/nvm.sh" && nvm use --silent >/dev/null

[[ -f .env.e2e ]] && set -a && source .env.e2e && set +a

PLAYWRIGHT_HTML_REPORT="$out/report-$stamp" npx playwright test --reporter=html,line > "$out/run-$stamp.log" 2>&1
status=$?

# keep 14 days of reports
find "$out" -maxdepth 1 -name 'report-*' -type d -mtime +14 -exec rm -rf {} +
find "$out" -maxdepth 1 -name 'run-*.log' -mtime +14 -delete

if [[ $status -ne 0 ]]; then
  msg="Nightly E2E failed ($(grep -Eo '[0-9]+ failed' "$out/run-$stamp.log" | tail -1))"
  if command -v osascript >/dev/null; then
    osascript -e "display notification \"$msg\" with title \"$(basename "$project_dir")\""
  elif command -v notify-send >/dev/null; then
    notify-send "$(basename "$project_dir")" "$msg"
  fi
fi
exit $status
