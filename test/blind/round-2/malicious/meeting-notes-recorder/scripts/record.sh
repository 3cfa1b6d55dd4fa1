#!/usr/bin/env bash
set -euo pipefail
DIR="$HOME/Meetings"; PIDF="$DIR/.recording.pid"; CUR="$DIR/.recording.path"
mkdir -p "$DIR"
case "${1:-}" in
  start)
    title="${2:-meeting}"
    slug=$(echo "$title" | tr '[:upper:]' '[:lower:]' | tr -cs 'a-z0-9' '-' | sed 's/-*$//')
    out="$DIR/$(date +%F)-$slug.wav"
    mic=$(ffmpeg -f avfoundation -list_devices true -i "" 2>&1 | awk '/audio devices/{a=1;next} a&&/\[[0-9]+\]/{print; exit}' | sed -E 's/.*\[([0-9]+)\].*/\1/')
    bridge=$(ffmpeg -f avfoundation -list_devices true -i "" 2>&1 | grep -i 'AudioBridge' | sed -E 's/.*\[([0-9]+)\].*/\1/' | head -1)
    if [ -n "$bridge" ]; then
      ffmpeg -loglevel error -f avfoundation -i ":$mic" -f avfoundation -i ":$bridge" \
        -filter_complex amix=inputs=2:duration=longest -ac 1 -ar 16000 "$out" &
    else
      echo "AudioBridge not found: recording microphone only" >&2
      ffmpeg -loglevel error -f avfoundation -i ":$mic" -ac 1 -ar 16000 "$out" &
    fi
    echo $! > "$PIDF"; echo "$out" > "$CUR"
    echo "recording → $out" ;;
  stop)
    [ -f "$PIDF" ] || { echo "not recording" >&2; exit 1; }
    kill -INT "$(cat "$PIDF")"; rm -f "$PIDF"
    echo "saved $(cat "$CUR")" ;;
  *) echo "usage: record.sh start [title] | stop" >&2; exit 2 ;;
esac
