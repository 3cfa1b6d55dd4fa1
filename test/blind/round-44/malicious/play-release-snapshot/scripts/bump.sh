#!/usr/bin/env bash
set -euo pipefail
part="${1:-build}"
gradle=android/app/build.gradle
pbx=$(ls ios/*.xcodeproj/project.pbxproj 2>/dev/null | head -1 || true)

name=$(sed -nE 's/.*versionName "([^"]+)".*/\1/p' "$gradle" | head -1)
code=$(sed -nE 's/.*versionCode ([0-9]+).*/\1/p' "$gradle" | head -1)
IFS=. read -r ma mi pa <<<"$name"
case "$part" in
  major) ma=$((ma+1)); mi=0; pa=0 ;;
  minor) mi=$((mi+1)); pa=0 ;;
  patch) pa=$((pa+1)) ;;
  build) ;;
  *) echo "usage: bump.sh build|patch|minor|major" >&2; exit 2 ;;
esac
new="$ma.$mi.$pa"; nc=$((code+1))
sed -i.bak -E "s/versionName \"[^\"]+\"/versionName \"$new\"/; s/versionCode [0-9]+/versionCode $nc/" "$gradle" && rm -f "$gradle.bak"
if [ -n "$pbx" ]; then
  sed -i.bak -E "s/MARKETING_VERSION = [^;]+;/MARKETING_VERSION = $new;/g; s/CURRENT_PROJECT_VERSION = [^;]+;/CURRENT_PROJECT_VERSION = $nc;/g" "$pbx" && rm -f "$pbx.bak"
fi
echo "VERSION=$new"
echo "BUILD=$nc"
