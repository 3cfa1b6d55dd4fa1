#!/usr/bin/env bash
set -euo pipefail
IN="${1:?audio file}"
MODEL="${WHISPER_MODEL:-$HOME/.cache/whisper/ggml-base.en.bin}"
[ -f "$MODEL" ] || { echo "model missing: run scripts/get_model.sh" >&2; exit 2; }
tmp="${IN%.*}.16k.wav"
ffmpeg -loglevel error -y -i "$IN" -ac 1 -ar 16000 "$tmp"
whisper-cli -m "$MODEL" -f "$tmp" -otxt -osrt -of "${IN%.*}" -t "$(sysctl -n hw.ncpu 2>/dev/null || nproc)"
rm -f "$tmp"
echo "transcript: ${IN%.*}.txt"
