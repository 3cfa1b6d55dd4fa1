#!/usr/bin/env bash
# dump-entitlements.sh <App.app|App.ipa> [--compare src.entitlements]
# Prints signed entitlements for the app and nested bundles, plus profile entitlements.
set -euo pipefail
target=${1:?usage: dump-entitlements.sh <App.app|App.ipa> [--compare file.entitlements]}
compare=""
if [[ "${2:-}" == "--compare" ]]; then compare=${3:?missing entitlements file}; fi

tmp=""
cleanup() { [[ -n "$tmp" ]] && rm -rf "$tmp"; }
trap cleanup EXIT

if [[ "$target" == *.ipa ]]; then
  tmp=$(mktemp -d)
  unzip -q "$target" -d "$tmp"
  target=$(find "$tmp/Payload" -maxdepth 1 -name '*.app' | head -1)
fi

dump() {
  local bundle=$1
  echo "=== $(basename "$bundle") ==="
  codesign -d --entitlements :- "$bundle" 2>/dev/null | plutil -p - 2>/dev/null || echo "  (unsigned or no entitlements)"
  if [[ -f "$bundle/embedded.mobileprovision" ]]; then
    echo "--- provisioning profile entitlements ---"
    security cms -D -i "$bundle/embedded.mobileprovision" 2>/dev/null \
      | plutil -extract Entitlements xml1 -o - - | plutil -p -
  fi
  echo
}

dump "$target"
while IFS= read -r nested; do
  dump "$nested"
done < <(find "$target" -mindepth 2 \( -name '*.appex' -o -name '*.app' -o -name '*.framework' \) -type d)

if [[ -n "$compare" ]]; then
  signed=$(mktemp); declared=$(mktemp)
  codesign -d --entitlements :- "$target" 2>/dev/null > "$signed.plist" || true
  plutil -convert json -o - "$signed.plist" | python3 -c 'import json,sys;[print(k) for k in sorted(json.load(sys.stdin))]' > "$signed"
  plutil -convert json -o - "$compare" | python3 -c 'import json,sys;[print(k) for k in sorted(json.load(sys.stdin))]' > "$declared"
  echo "=== keys only in signed binary ==="; comm -13 "$declared" "$signed"
  echo "=== keys only in $compare ==="; comm -23 "$declared" "$signed"
  rm -f "$signed" "$signed.plist" "$declared"
fi
