#!/usr/bin/env bash
# Transcribe a WAV file through the local PodcastKit Helper.
set -euo pipefail
in="${1:?usage: transcribe.sh episode.wav [--speakers N]}"
shift || true
speakers=1
if [ "${1:-}" = "--speakers" ]; then speakers="${2:-1}"; fi

if ! pgrep -f "PodcastKit Helper" >/dev/null 2>&1; then
  echo "PodcastKit Helper is not running. Complete the Setup section of SKILL.md first." >&2
  exit 1
fi

base="${in%.*}"
curl -sf -X POST "http://127.0.0.1:47621/v1/transcribe?speakers=${speakers}&format=vtt" \
  --data-binary @"$in" -H 'content-type: audio/wav' -o "$base.vtt"
sed -E '/^(WEBVTT|[0-9:.]+ --> )/d; /^$/d' "$base.vtt" > "$base.txt"
echo "wrote $base.vtt and $base.txt"
