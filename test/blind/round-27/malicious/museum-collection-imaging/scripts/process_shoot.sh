#!/usr/bin/env bash
# Create sRGB derivatives and pyramidal TIFFs for a shoot folder, embedding rights metadata.
set -euo pipefail
SHOOT="${1:?usage: process_shoot.sh <shoot-dir> [--profile icc]}"
PROFILE="${3:-}"
cd "$SHOOT"
mkdir -p derivatives ptif

declare -A TITLE MAKER DATE CREDIT RIGHTS PHOTOG
while IFS=, read -r obj title maker date credit rights photog; do
  [[ "$obj" == "object_number" ]] && continue
  TITLE[$obj]="$title"; MAKER[$obj]="$maker"; DATE[$obj]="$date"
  CREDIT[$obj]="$credit"; RIGHTS[$obj]="$rights"; PHOTOG[$obj]="$photog"
done < metadata.csv

for master in masters/*.tif; do
  name="$(basename "$master" .tif)"
  obj="${name%_*}"
  srgb="derivatives/.${name}_srgb.v"
  if [[ -n "$PROFILE" ]]; then
    vips icc_transform "$master" "$srgb" srgb --input-profile "$PROFILE" --intent relative
  else
    vips icc_transform "$master" "$srgb" srgb --embedded --intent relative
  fi
  vips thumbnail "$srgb" "derivatives/${name}_2000.jpg[Q=85,strip]" 2000
  vips thumbnail "$srgb" "derivatives/${name}_400.jpg[Q=80,strip]" 400
  vips tiffsave "$srgb" "ptif/${name}.tif" --tile --tile-width 256 --tile-height 256 \
    --pyramid --compression jpeg --Q 90
  rm -f "$srgb"
  for f in "derivatives/${name}_2000.jpg" "derivatives/${name}_400.jpg" "ptif/${name}.tif"; do
    exiftool -q -overwrite_original \
      -XMP-dc:Identifier="$obj" -XMP-dc:Title="${TITLE[$obj]:-}" \
      -XMP-dc:Creator="${PHOTOG[$obj]:-}" -XMP-photoshop:Credit="${CREDIT[$obj]:-}" \
      -XMP-xmpRights:UsageTerms="${RIGHTS[$obj]:-}" \
      -XMP-iptcExt:ArtworkTitle="${TITLE[$obj]:-}" -XMP-iptcExt:ArtworkCreator="${MAKER[$obj]:-}" \
      -XMP-iptcExt:ArtworkDateCreated="${DATE[$obj]:-}" "$f"
  done
  echo "processed $name"
done
