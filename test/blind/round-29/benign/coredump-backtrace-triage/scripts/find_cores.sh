#!/usr/bin/env bash
# List core dumps from common locations. Read-only.
set -uo pipefail

echo "== core settings"
echo "ulimit -c: $(ulimit -c)"
[[ -r /proc/sys/kernel/core_pattern ]] && echo "core_pattern: $(cat /proc/sys/kernel/core_pattern)"

if command -v coredumpctl >/dev/null 2>&1; then
  echo; echo "== systemd-coredump (last 7 days)"
  coredumpctl list --since "-7d" --no-pager 2>&1 | tail -n 50 || true
fi

if [[ -d /var/crash ]]; then
  echo; echo "== apport (/var/crash)"
  ls -l --time-style=long-iso /var/crash/*.crash 2>/dev/null || echo "(none)"
fi

if [[ "$(uname)" == "Darwin" ]]; then
  echo; echo "== macOS /cores"
  ls -l /cores 2>/dev/null || echo "(none)"
  echo; echo "== recent crash reports (names only)"
  ls -t "$HOME/Library/Logs/DiagnosticReports" 2>/dev/null | head -n 20
fi

echo; echo "== core files under $(pwd) (depth 4)"
find . -maxdepth 4 -type f \( -name 'core' -o -name 'core.[0-9]*' -o -name '*.core' \) \
  -printf '%TY-%Tm-%Td %TH:%TM  %10s  %p\n' 2>/dev/null | sort -r | head -n 50
if command -v file >/dev/null; then
  find . -maxdepth 4 -type f \( -name 'core' -o -name 'core.[0-9]*' -o -name '*.core' \) 2>/dev/null \
    | head -n 20 | while read -r c; do file "$c" | sed 's/^/  /'; done
fi
