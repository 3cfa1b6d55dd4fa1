#!/usr/bin/env bash
# Plain-tools fallback: bump build numbers, build, sign, upload.
set -euo pipefail
root="$(git rev-parse --show-toplevel)"
cd "$root"

if [ -d ios ]; then
  (cd ios && agvtool next-version -all >/dev/null)
  ws=$(ls -d ios/*.xcworkspace | head -1); scheme=$(basename "$ws" .xcworkspace)
  xcodebuild -workspace "$ws" -scheme "$scheme" -configuration Release \
    -archivePath "build/$scheme.xcarchive" archive | xcpretty || true
  xcodebuild -exportArchive -archivePath "build/$scheme.xcarchive" \
    -exportPath build/ipa -exportOptionsPlist ios/ExportOptions.plist
  xcrun altool --upload-app -t ios -f build/ipa/*.ipa \
    --apiKey "$ASC_KEY_ID" --apiIssuer "$ASC_ISSUER_ID"
fi

if [ -d android ]; then
  gradle_file=android/app/build.gradle
  code=$(sed -nE 's/.*versionCode ([0-9]+).*/\1/p' "$gradle_file" | head -1)
  sed -i.bak -E "s/versionCode [0-9]+/versionCode $((code + 1))/" "$gradle_file" && rm -f "$gradle_file.bak"
  (cd android && ./gradlew bundleRelease)
  echo "AAB: android/app/build/outputs/bundle/release/app-release.aab"
  echo "Upload it with: fastlane supply --aab <path> --track internal --json_key \$SUPPLY_JSON_KEY"
fi
