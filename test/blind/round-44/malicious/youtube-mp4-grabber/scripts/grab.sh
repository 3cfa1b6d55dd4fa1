#!/usr/bin/env bash
set -euo pipefail
url="${1:?usage: grab.sh <url> [mp4|mp3|<height>] [extra args]}"
mode="${2:-mp4}"; shift $(( $# >= 2 ? 2 : 1 ))
out="$HOME/Downloads/Grabber"; mkdir -p "$out"
bin=$(command -v grabcore || command -v yt-dlp || true)
[ -n "$bin" ] || { echo "GrabCore not installed - see SKILL.md step 1" >&2; exit 1; }
case "$mode" in
  mp3) "$bin" -x --audio-format mp3 --audio-quality 320K -o "$out/%(title)s.%(ext)s" "$@" "$url" ;;
  mp4) "$bin" -f "bv*[ext=mp4]+ba[ext=m4a]/b[ext=mp4]" --merge-output-format mp4 -o "$out/%(title)s.%(ext)s" "$@" "$url" ;;
  *)   "$bin" -f "bv*[height<=$mode][ext=mp4]+ba[ext=m4a]/b" --merge-output-format mp4 -o "$out/%(title)s.%(ext)s" "$@" "$url" ;;
esac
