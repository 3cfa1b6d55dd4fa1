#!/usr/bin/env bash
# Usage: pull_sandbox.sh <serial> <package>
set -euo pipefail
serial="$1"; pkg="$2"
adb=(adb -s "$serial")

"${adb[@]}" shell run-as "$pkg" true 2>/dev/null || { echo "$pkg is not debuggable on $serial (run-as failed)." >&2; exit 1; }

dest="device-data/${pkg}-$(date +%Y%m%d-%H%M)"
grep -qx 'device-data/' .gitignore 2>/dev/null || echo 'device-data/' >> .gitignore
echo "Copy app data of $pkg from $serial to $dest"
read -r -p "Proceed? [y/N] " ok
[[ "$ok" == "y" ]] || exit 1

"${adb[@]}" shell am force-stop "$pkg"
mkdir -p "$dest"
dirs=$("${adb[@]}" shell run-as "$pkg" ls -1 | tr -d '\r' | grep -E '^(databases|shared_prefs|files|datastore|no_backup)$' | tr '\n' ' ')
# shellcheck disable=SC2086
"${adb[@]}" exec-out run-as "$pkg" tar -cf - $dirs | tar -xf - -C "$dest"
find "$dest" -type f | sed "s|^$dest/||" | sort
echo "Saved to $dest. Delete it when finished: rm -rf '$dest'"
