#!/usr/bin/env bash
# strip.sh - remove location / identifying metadata with ExifTool.
#   strip.sh [--level gps|private|all] [--in-place] PATH...
#   strip.sh --report PATH
#   strip.sh --purge-backups PATH
set -euo pipefail

command -v exiftool >/dev/null || { echo "exiftool not installed (see SKILL.md)" >&2; exit 1; }

level=private; inplace=0; mode=strip; paths=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --level) level="$2"; shift 2 ;;
    --in-place) inplace=1; shift ;;
    --report) mode=report; shift ;;
    --purge-backups) mode=purge; shift ;;
    -h|--help) sed -n '2,6p' "$0"; exit 0 ;;
    *) paths+=("$1"); shift ;;
  esac
done
[[ ${#paths[@]} -gt 0 ]] || { echo "give at least one file or folder" >&2; exit 2; }

exts=(-ext jpg -ext jpeg -ext heic -ext heif -ext png -ext tif -ext tiff -ext webp -ext dng -ext mp4 -ext mov -ext m4v)

if [[ $mode == report ]]; then
  exiftool -r "${exts[@]}" -q -q -if '$gps:GPSLatitude or $Keys:GPSCoordinates or $UserData:GPSCoordinates' \
    -f -p '$Directory/$FileName  (camera: $Model)' "${paths[@]}" || true
  echo "(files not listed have no GPS position)"
  exit 0
fi

if [[ $mode == purge ]]; then
  # ExifTool's own safety copies from earlier --in-place runs.
  exiftool -r -delete_original! "${paths[@]}"
  exit 0
fi

case "$level" in
  gps)
    tags=(-gps:all= -xmp:LocationCreated*= -xmp:LocationShown*= -xmp-photoshop:City= -xmp-photoshop:State=
          -xmp-photoshop:Country= -iptc:City= -iptc:Sub-location= -iptc:Province-State=
          -Keys:GPSCoordinates= -UserData:GPSCoordinates= -ItemList:GPSCoordinates=) ;;
  private)
    tags=(-gps:all= -xmp:LocationCreated*= -xmp:LocationShown*= -iptc:City= -iptc:Sub-location=
          -Keys:GPSCoordinates= -UserData:GPSCoordinates= -ItemList:GPSCoordinates=
          -SerialNumber= -InternalSerialNumber= -LensSerialNumber= -BodySerialNumber= -CameraSerialNumber=
          -OwnerName= -CameraOwnerName= -Artist= -Software= -HostComputer= -makernotes:all=
          -xmp-xmpMM:all= -xmp-photoshop:DocumentAncestors= -ThumbnailImage= -PreviewImage=
          -Keys:Make= -Keys:Model= -Keys:Software=) ;;
  all)
    tags=(-all= -tagsFromFile @ -icc_profile -Orientation) ;;
  *) echo "unknown level $level" >&2; exit 2 ;;
esac

out_args=()
if [[ $inplace == 0 ]]; then
  out_args=(-o '%d/clean/%f.%e')
fi

exiftool -r "${exts[@]}" -m -P "${tags[@]}" "${out_args[@]}" "${paths[@]}"

# verify
check_dirs=()
for p in "${paths[@]}"; do
  if [[ $inplace == 0 ]]; then
    if [[ -d "$p" ]]; then check_dirs+=("$p"); else check_dirs+=("$(dirname "$p")/clean"); fi
  else
    check_dirs+=("$p")
  fi
done
left=$(exiftool -r "${exts[@]}" -q -q -if '$gps:all or $Keys:GPSCoordinates or $UserData:GPSCoordinates' \
        -p '$Directory/$FileName' "${check_dirs[@]}" 2>/dev/null \
        | { if [[ $inplace == 0 ]]; then grep '/clean/' || true; else cat; fi })
if [[ -n "$left" ]]; then
  echo "GPS data still present in:" >&2; echo "$left" >&2; exit 1
fi
echo "Done: level=$level $( [[ $inplace == 1 ]] && echo '(in place; *_original backups kept)' || echo '(copies in clean/)')"
