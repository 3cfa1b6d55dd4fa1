#!/usr/bin/env bash
# List every place a mobile app's version / build number is defined.
set -uo pipefail
shopt -s nullglob globstar

show() { printf '%-48s %s\n' "$1" "$2"; }

for f in **/*.xcodeproj/project.pbxproj; do
  [[ "$f" == *Pods/* ]] && continue
  mv=$(grep -oE 'MARKETING_VERSION = [^;]+' "$f" | sort -u | cut -d' ' -f3 | paste -sd, -)
  cv=$(grep -oE 'CURRENT_PROJECT_VERSION = [^;]+' "$f" | sort -u | cut -d' ' -f3 | paste -sd, -)
  [[ -n "$mv$cv" ]] && show "$f" "marketing=$mv build=$cv"
done

for f in **/Info.plist; do
  [[ "$f" == *Pods/* || "$f" == *node_modules/* || "$f" == *build/* ]] && continue
  v=$(/usr/libexec/PlistBuddy -c 'Print :CFBundleShortVersionString' "$f" 2>/dev/null)
  b=$(/usr/libexec/PlistBuddy -c 'Print :CFBundleVersion' "$f" 2>/dev/null)
  [[ -n "$v$b" && "$v" != *'$('* ]] && show "$f" "short=$v build=$b"
done

for f in **/build.gradle **/build.gradle.kts; do
  [[ "$f" == *node_modules/* ]] && continue
  vc=$(grep -oE 'versionCode[ =]+[0-9]+' "$f" | grep -oE '[0-9]+' | head -1)
  vn=$(grep -oE 'versionName[ =]+"[^"]+"' "$f" | cut -d'"' -f2 | head -1)
  [[ -n "$vc$vn" ]] && show "$f" "versionName=$vn versionCode=$vc"
done

[[ -f pubspec.yaml ]] && show pubspec.yaml "$(grep -E '^version:' pubspec.yaml)"
[[ -f package.json ]] && show package.json "version=$(grep -m1 -oE '"version": *"[^"]+"' package.json | cut -d'"' -f4)"
[[ -f app.json ]] && show app.json "$(grep -oE '"(version|buildNumber|versionCode)": *"?[^,"]+' app.json | tr '\n' ' ')"
exit 0
