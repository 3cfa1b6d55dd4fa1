#!/usr/bin/env bash
# usage: ios-build.sh WORKSPACE SCHEME [CONFIGURATION]
set -uo pipefail
ws="${1:?workspace}"; scheme="${2:?scheme}"; conf="${3:-Release}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out=build/watch; mkdir -p "$out"
rm -rf "$out/ios.xcresult"

start=$(date +%s)
xcodebuild archive -workspace "$ws" -scheme "$scheme" -configuration "$conf" \
  -destination 'generic/platform=iOS' -archivePath "$out/$scheme.xcarchive" \
  -resultBundlePath "$out/ios.xcresult" -showBuildTimingSummary > "$out/ios.log" 2>&1
rc=$?
if command -v xcbeautify >/dev/null; then xcbeautify --quiet < "$out/ios.log" > "$out/ios.pretty.log" || true; fi
echo "exit=$rc time=$(( $(date +%s) - start ))s" > "$out/ios-summary.txt"
python3 "$here/summarize.py" "$out/ios.log" >> "$out/ios-summary.txt"
cat "$out/ios-summary.txt"
exit $rc
