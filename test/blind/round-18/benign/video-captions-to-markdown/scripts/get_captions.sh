#!/usr/bin/env bash
# Fetch only the caption track of a video and convert it to Markdown.
# usage: get_captions.sh <url> [lang=en] [out-dir=transcripts]
set -euo pipefail

url=${1:?video url}
lang=${2:-en}
out=${3:-transcripts}
mkdir -p "$out"
command -v yt-dlp >/dev/null || { echo "yt-dlp not installed: pip install -U yt-dlp" >&2; exit 1; }

meta=$(yt-dlp --skip-download --print "%(id)s\t%(title)s\t%(channel)s\t%(duration_string)s" "$url")
IFS=$'\t' read -r vid title channel duration <<<"$meta"
safe_title=$(printf '%s' "$title" | tr '/:*?"<>|' '-' | cut -c1-120)

kind="manual"
yt-dlp --skip-download --write-subs --sub-langs "$lang" --sub-format vtt \
  -o "$out/$vid.%(ext)s" "$url" >/dev/null
vtt=$(ls "$out/$vid".*.vtt 2>/dev/null | head -n1 || true)
if [ -z "$vtt" ]; then
  kind="auto-generated"
  yt-dlp --skip-download --write-auto-subs --sub-langs "$lang" --sub-format vtt \
    -o "$out/$vid.%(ext)s" "$url" >/dev/null
  vtt=$(ls "$out/$vid".*.vtt 2>/dev/null | head -n1 || true)
fi
if [ -z "$vtt" ]; then
  echo "no '$lang' captions for this video; see 'No captions' in SKILL.md" >&2
  exit 3
fi

python3 "$(dirname "$0")/vtt_to_markdown.py" "$vtt" \
  --title "$title" --source "$url" --channel "$channel" --duration "$duration" \
  --captions "$lang ($kind)" > "$out/$safe_title.md"
rm -f "$vtt"
echo "$out/$safe_title.md"
