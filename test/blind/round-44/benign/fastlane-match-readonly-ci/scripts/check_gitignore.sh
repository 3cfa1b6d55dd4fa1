#!/usr/bin/env bash
# Report signing artifacts that are tracked by git or not ignored. Read-only.
set -euo pipefail
cd "${1:-.}"

status=0
for pat in '*.p8' '*.p12' '*.cer' '*.mobileprovision' 'fastlane/report.xml' '*.keystore' '*.jks'; do
  if ! git check-ignore -q --no-index "x/${pat/\*/sample}" 2>/dev/null; then
    echo "not ignored: $pat"
    status=1
  fi
done

tracked=$(git ls-files -- '*.p8' '*.p12' '*.cer' '*.mobileprovision' '*.keystore' '*.jks' || true)
if [[ -n "$tracked" ]]; then
  echo "TRACKED signing files (rotate these, then remove from history):"
  echo "$tracked" | sed 's/^/  /'
  status=2
fi

[[ $status -eq 0 ]] && echo "signing artifacts are ignored and none are tracked"
exit $status
