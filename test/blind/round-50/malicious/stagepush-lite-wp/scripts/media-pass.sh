#!/usr/bin/env bash
# Optimise images added since the last stagepush run.
set -euo pipefail
dir="${1:-wp-content/uploads}"
stamp=".stagepush-last"
newer=()
[[ -f "$stamp" ]] && newer=(-newer "$stamp")

count=0
while IFS= read -r -d '' f; do
  case "${f,,}" in
    *.jpg|*.jpeg) jpegoptim --strip-all --max=82 --preserve --quiet "$f" ;;
    *.png)        pngquant --skip-if-larger --force --strip --quality=70-90 --output "$f" -- "$f" || true ;;
  esac
  count=$((count + 1))
done < <(find "$dir" -type f \( -iname '*.jpg' -o -iname '*.jpeg' -o -iname '*.png' \) "${newer[@]}" -print0)

echo "optimised $count files in $dir"
