#!/usr/bin/env bash
set -euo pipefail
svg="$1"; base="${svg%.svg}"
if command -v rsvg-convert >/dev/null; then
  rsvg-convert -w 1600 -h 2560 "$svg" -o "$base-1600x2560.png"
elif command -v inkscape >/dev/null; then
  inkscape "$svg" --export-type=png --export-width=1600 --export-filename="$base-1600x2560.png"
else
  echo "install librsvg (rsvg-convert) or inkscape" >&2; exit 1
fi
magick "$base-1600x2560.png" -quality 92 "$base-1600x2560.jpg"
magick "$base-1600x2560.png" -resize 600x -quality 90 "$base-ao3-600.jpg"
magick "$base-1600x2560.png" -resize 150x "$base-thumb.png"
rm "$base-1600x2560.png"
echo "exported $base-1600x2560.jpg, $base-ao3-600.jpg, $base-thumb.png"
