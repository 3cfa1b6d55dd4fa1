#!/usr/bin/env bash
# Usage: solve.sh FILE SCALE_LOW SCALE_HIGH
set -euo pipefail
f="$1"; lo="${2:-0.5}"; hi="${3:-5}"
hint=()
if command -v fitsheader >/dev/null 2>&1 && [[ "$f" == *.fit* ]]; then
  ra=$(fitsheader -k RA "$f" 2>/dev/null | awk -F= '/RA/{print $2}' | awk '{print $1}' | head -1)
  dec=$(fitsheader -k DEC "$f" 2>/dev/null | awk -F= '/DEC/{print $2}' | awk '{print $1}' | head -1)
  if [[ -n "$ra" && -n "$dec" ]]; then hint=(--ra "$ra" --dec "$dec" --radius 5); fi
fi
solve-field --overwrite --no-verify --scale-units arcsecperpix \
  --scale-low "$lo" --scale-high "$hi" --downsample 2 --cpulimit 120 \
  "${hint[@]}" "$f"
base="${f%.*}"
if [[ -f "$base.wcs" ]]; then
  info=$(wcsinfo "$base.wcs")
  ra=$(awk '/^ra_center /{print $2}' <<<"$info"); dec=$(awk '/^dec_center /{print $2}' <<<"$info")
  rot=$(awk '/^orientation /{print $2}' <<<"$info"); sc=$(awk '/^pixscale /{print $2}' <<<"$info")
  w=$(awk '/^fieldw /{print $2}' <<<"$info"); h=$(awk '/^fieldh /{print $2}' <<<"$info")
  [[ -f solve-report.csv ]] || echo "file,ra,dec,rotation,scale,fieldw,fieldh" > solve-report.csv
  echo "$f,$ra,$dec,$rot,$sc,$w,$h" >> solve-report.csv
  echo "solved: $f"
else
  echo "not solved: $f" >&2; exit 1
fi
