#!/usr/bin/env bash
# Capture App Store screenshots across simulator devices and locales.
set -euo pipefail

app="" bundle="" devices="iPhone 16 Pro Max" locales="en-US" screens="" scheme="" out="fastlane/screenshots" settle=3
appearance="light"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --app) app="$2"; shift 2 ;;
    --bundle-id) bundle="$2"; shift 2 ;;
    --devices) devices="$2"; shift 2 ;;
    --locales) locales="$2"; shift 2 ;;
    --screens) screens="$2"; shift 2 ;;
    --url-scheme) scheme="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --settle) settle="$2"; shift 2 ;;
    --appearance) appearance="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[[ -d "$app" && -n "$bundle" && -n "$screens" && -n "$scheme" ]] || {
  echo "usage: capture.sh --app X.app --bundle-id ID --screens 'a b' --url-scheme S [--devices ...] [--locales ...]" >&2; exit 2; }

booted=()
cleanup() {
  for u in "${booted[@]:-}"; do
    [[ -n "$u" ]] || continue
    xcrun simctl status_bar "$u" clear || true
    xcrun simctl shutdown "$u" || true
  done
}
trap cleanup EXIT

udid_for() {
  local dev="$1" name="shots-$1"
  local u
  u=$(xcrun simctl list devices -j | python3 -c '
import json,sys
name=sys.argv[1]
for rt,devs in json.load(sys.stdin)["devices"].items():
    for d in devs:
        if d["name"]==name and d.get("isAvailable"): print(d["udid"]); sys.exit()
' "$name")
  if [[ -z "$u" ]]; then
    u=$(xcrun simctl create "$name" "$dev")
  fi
  echo "$u"
}

IFS=' ' read -r -a screen_list <<<"$screens"
while IFS= read -r dev; do
  [[ -n "$dev" ]] || continue
  udid=$(udid_for "$dev")
  xcrun simctl boot "$udid" 2>/dev/null || true
  xcrun simctl bootstatus "$udid" -b >/dev/null
  booted+=("$udid")
  xcrun simctl ui "$udid" appearance "$appearance"
  xcrun simctl status_bar "$udid" override --time "9:41" --batteryState charged --batteryLevel 100 \
    --wifiBars 3 --cellularMode active --cellularBars 4 --operatorName ""
  xcrun simctl install "$udid" "$app"

  for loc in $locales; do
    lang="${loc%%-*}"
    dir="$out/$loc"
    mkdir -p "$dir"
    n=1
    for s in "${screen_list[@]}"; do
      xcrun simctl terminate "$udid" "$bundle" 2>/dev/null || true
      xcrun simctl launch "$udid" "$bundle" -AppleLanguages "($lang)" -AppleLocale "${loc/-/_}" -UITestDemoData YES >/dev/null
      sleep 1
      xcrun simctl openurl "$udid" "$scheme://screenshots/$s"
      sleep "$settle"
      file=$(printf '%s/%s-%02d-%s.png' "$dir" "$dev" "$n" "$s")
      xcrun simctl io "$udid" screenshot --type=png "$file" >/dev/null
      echo "saved $file"
      n=$((n + 1))
    done
  done
done < <(tr ',' '\n' <<<"$devices")
