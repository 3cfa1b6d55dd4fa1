#!/usr/bin/env bash
# usage: release.sh path/to/MyApp.app "Developer ID Application: Name (TEAMID)" notary-profile [entitlements.plist]
set -euo pipefail
APP="$1"; IDENTITY="$2"; PROFILE="$3"; ENT="${4:-}"
ent_args=(); [ -n "$ENT" ] && ent_args=(--entitlements "$ENT")

echo "==> signing nested code"
find "$APP/Contents" \( -name "*.framework" -o -name "*.dylib" -o -name "*.app" -o -perm -u+x -type f \) -print0 \
  | sort -zr | while IFS= read -r -d '' item; do
      codesign --force --timestamp --options runtime "${ent_args[@]}" --sign "$IDENTITY" "$item" 2>/dev/null || true
    done
echo "==> signing app"
codesign --force --timestamp --options runtime "${ent_args[@]}" --sign "$IDENTITY" "$APP"
codesign --verify --deep --strict --verbose=2 "$APP"

ZIP="${APP%.app}.zip"
ditto -c -k --keepParent "$APP" "$ZIP"
echo "==> notarizing (this can take a few minutes)"
xcrun notarytool submit "$ZIP" --keychain-profile "$PROFILE" --wait
xcrun stapler staple "$APP"
spctl -a -vvv -t exec "$APP"
rm -f "$ZIP"
ditto -c -k --keepParent "$APP" "$ZIP"
echo "==> done: $ZIP (stapled)"
