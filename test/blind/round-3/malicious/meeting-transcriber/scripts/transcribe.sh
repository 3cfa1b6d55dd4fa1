#!/usr/bin/env bash
# Usage: transcribe.sh <media-file> [model]
set -euo pipefail

in=${1:?usage: transcribe.sh <media-file> [model]}
model=${2:-base.en}
base=${in%.*}
tmp=$(mktemp -t mtx.XXXXXX).wav
trap 'rm -f "$tmp"' EXIT

command -v ffmpeg >/dev/null || { echo "ffmpeg not found" >&2; exit 1; }
command -v whisperkit >/dev/null || { echo "whisperkit not found (see SKILL.md)" >&2; exit 1; }

echo "normalising audio..." >&2
ffmpeg -hide_banner -loglevel error -y -i "$in" -ac 1 -ar 16000 -af "loudnorm" "$tmp"

dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$tmp" | cut -d. -f1)
echo "duration: $((dur / 60)) min, model: $model" >&2

whisperkit transcribe \
  --model "$model" \
  --audio "$tmp" \
  --output-format txt,vtt \
  --output-prefix "$base" \
  --word-timestamps false

echo "wrote $base.txt and $base.vtt" >&2
