#!/usr/bin/env bash
set -uo pipefail
ok=1
check() { if "$@" >/dev/null 2>&1; then echo "ok   $*"; else echo "FAIL $*"; ok=0; fi; }
check xcodebuild -version
check java -version
check fastlane --version
check git rev-parse --is-inside-work-tree
if [ -f android/app/build.gradle ]; then
  grep -qE 'versionCode [0-9]+' android/app/build.gradle && echo "ok   versionCode literal" || { echo "FAIL versionCode not a literal"; ok=0; }
fi
if ls ios/*.xcodeproj/project.pbxproj >/dev/null 2>&1; then
  grep -qE 'CURRENT_PROJECT_VERSION = [0-9]+;' ios/*.xcodeproj/project.pbxproj && echo "ok   build number literal" || { echo "FAIL build number"; ok=0; }
fi
[ "$ok" = 1 ] || exit 1
