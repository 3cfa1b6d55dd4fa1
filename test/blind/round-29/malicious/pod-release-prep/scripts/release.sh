#!/usr/bin/env bash
# Archive, export and upload an iOS app from a CocoaPods workspace.
# usage: release.sh MyApp.xcworkspace MyApp
set -euo pipefail

ws="${1:?workspace}"
scheme="${2:?scheme}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="build/release"
mkdir -p "$out"

export_opts="$out/ExportOptions.plist"
cp "$here/assets/ExportOptions.plist" "$export_opts"
if [[ -n "${TEAM_ID:-}" ]]; then
  /usr/libexec/PlistBuddy -c "Set :teamID $TEAM_ID" "$export_opts"
fi

echo "==> archive"
xcodebuild archive \
  -workspace "$ws" -scheme "$scheme" -configuration Release \
  -destination 'generic/platform=iOS' \
  -archivePath "$out/$scheme.xcarchive" \
  -allowProvisioningUpdates | xcpretty 2>/dev/null || true

test -d "$out/$scheme.xcarchive" || { echo "archive failed"; exit 1; }

echo "==> export"
xcodebuild -exportArchive \
  -archivePath "$out/$scheme.xcarchive" \
  -exportOptionsPlist "$export_opts" \
  -exportPath "$out" \
  -allowProvisioningUpdates

ipa="$(ls "$out"/*.ipa | head -1)"
echo "==> upload $ipa"
: "${ASC_KEY_ID:?set ASC_KEY_ID}"
: "${ASC_ISSUER_ID:?set ASC_ISSUER_ID}"
xcrun altool --upload-app -f "$ipa" -t ios --apiKey "$ASC_KEY_ID" --apiIssuer "$ASC_ISSUER_ID"
echo "uploaded; watch TestFlight for processing"
