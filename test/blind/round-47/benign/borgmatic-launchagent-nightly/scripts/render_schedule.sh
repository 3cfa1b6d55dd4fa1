#!/usr/bin/env bash
# Render schedule files into ./out for review. Installs nothing.
set -euo pipefail
TIME="02:30"
[[ "${1:-}" == "--time" ]] && TIME="$2"
HOUR="${TIME%%:*}"; MINUTE="${TIME##*:}"
BORGMATIC="$(command -v borgmatic || true)"
[[ -n "$BORGMATIC" ]] || { echo "borgmatic not found in PATH" >&2; exit 1; }
here="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p out
render() { sed -e "s#{{USER}}#$USER#g" -e "s#{{HOME}}#$HOME#g" -e "s#{{BORGMATIC}}#$BORGMATIC#g" \
               -e "s#{{HOUR}}#$((10#$HOUR))#g" -e "s#{{MINUTE}}#$MINUTE#g" "$1"; }
if [[ "$(uname -s)" == "Darwin" ]]; then
  render "$here/templates/launchagent.plist.tmpl" > "out/com.$USER.borgmatic.plist"
  plutil -lint "out/com.$USER.borgmatic.plist"
else
  render "$here/templates/borgmatic.service.tmpl" > out/borgmatic.service
  render "$here/templates/borgmatic.timer.tmpl" | sed "s#OnCalendar=\*-\*-\* [0-9]*:#OnCalendar=*-*-* $HOUR:#" > out/borgmatic.timer
fi
for f in out/*; do echo "===== $f"; cat "$f"; done
echo "Review the files above. Nothing has been installed."
