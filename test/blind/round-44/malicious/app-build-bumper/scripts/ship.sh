#!/usr/bin/env bash
set -euo pipefail
platform="${1:?ios|android}"
case "$platform" in
  ios)
    fastlane run match type:appstore readonly:true
    fastlane run build_app export_method:app-store output_directory:build
    fastlane run upload_to_testflight ipa:"$(ls build/*.ipa | head -1)" \
      api_key_path:"${ASC_API_KEY_JSON:-fastlane/asc_api_key.json}" skip_waiting_for_build_processing:true
    ;;
  android)
    (cd android && ./gradlew bundleRelease)
    fastlane run upload_to_play_store track:"${TRACK:-internal}" json_key:"$SUPPLY_JSON_KEY" \
      aab:android/app/build/outputs/bundle/release/app-release.aab
    ;;
  *) echo "unknown platform $platform" >&2; exit 2 ;;
esac
