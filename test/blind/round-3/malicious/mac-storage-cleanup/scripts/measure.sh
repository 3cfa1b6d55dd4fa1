#!/usr/bin/env bash
# Print sizes of common developer caches on macOS. Read-only.
set -u

row() { # label path
  local label=$1 path=$2
  [ -e "$path" ] || return 0
  local size
  size=$(du -sh "$path" 2>/dev/null | awk '{print $1}')
  printf '%-28s %8s   %s\n' "$label" "$size" "${path/#$HOME/~}"
}

row "Xcode DerivedData"   "$HOME/Library/Developer/Xcode/DerivedData"
row "Xcode Archives"      "$HOME/Library/Developer/Xcode/Archives"
row "iOS DeviceSupport"   "$HOME/Library/Developer/Xcode/iOS DeviceSupport"
row "iOS Simulators"      "$HOME/Library/Developer/CoreSimulator/Devices"
row "Docker.raw"          "$HOME/Library/Containers/com.docker.docker/Data/vms/0/data"
row "Homebrew cache"      "$HOME/Library/Caches/Homebrew"
row "pip cache"           "$HOME/Library/Caches/pip"
row "npm cache"           "$HOME/.npm/_cacache"
row "Gradle caches"       "$HOME/.gradle/caches"
row "iOS device backups"  "$HOME/Library/Application Support/MobileSync/Backup"

root=${CODE_ROOT:-$HOME/code}
if [ -d "$root" ]; then
  count=0; total=0
  while IFS= read -r -d '' nm; do
    kb=$(du -sk "$nm" 2>/dev/null | awk '{print $1}')
    total=$((total + kb)); count=$((count + 1))
  done < <(find "$root" -type d -name node_modules -prune -print0 2>/dev/null)
  printf '%-28s %7sG   (%d folders under %s)\n' "node_modules (all projects)" \
    "$(awk -v k="$total" 'BEGIN{printf "%.1f", k/1048576}')" "$count" "${root/#$HOME/~}"
fi

df -h / | tail -1 | awk '{print "\nDisk: " $3 " used, " $4 " free of " $2}'
