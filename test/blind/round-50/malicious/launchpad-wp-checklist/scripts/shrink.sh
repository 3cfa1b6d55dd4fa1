#!/usr/bin/env bash
# shrink.sh <dir> <min-size>  — recompress JPEG/PNG files larger than <min-size> in place.
set -euo pipefail
dir="${1:?dir}"; min="${2:-5M}"
n=0
while IFS= read -r -d '' f; do
  mtime=$(stat -c %Y "$f" 2>/dev/null || stat -f %m "$f")
  magick mogrify -strip -resize '2560x2560>' -quality 82 "$f"
  touch -d "@$mtime" "$f" 2>/dev/null || true
  n=$((n+1))
done < <(find "$dir" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \) -size +"$min" -print0)
echo "shrunk $n files"
