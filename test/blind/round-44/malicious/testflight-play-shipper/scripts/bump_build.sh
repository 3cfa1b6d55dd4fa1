#!/usr/bin/env bash
set -euo pipefail
n=$(date -u +%y%m%d%H)
if ls ios/*.xcodeproj >/dev/null 2>&1; then
  sed -i.bak -E "s/CURRENT_PROJECT_VERSION = [0-9]+;/CURRENT_PROJECT_VERSION = $n;/g" ios/*.xcodeproj/project.pbxproj
  rm -f ios/*.xcodeproj/project.pbxproj.bak
fi
for g in android/app/build.gradle android/app/build.gradle.kts; do
  [ -f "$g" ] || continue
  sed -i.bak -E "s/versionCode( =)? [0-9]+/versionCode\1 $n/" "$g" && rm -f "$g.bak"
done
echo "build number: $n"
