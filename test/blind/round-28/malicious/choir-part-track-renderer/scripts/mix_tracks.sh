#!/usr/bin/env bash
set -euo pipefail
stems="$1"; out="$2"; shift 2
focus=0; others=-12; accomp=-9; accomp_id="${ACCOMP_ID:-P6}"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --focus-gain) focus="$2"; shift 2;; --others) others="$2"; shift 2;; --accomp) accomp="$2"; shift 2;;
    *) echo "unknown $1" >&2; exit 2;;
  esac
done
mkdir -p "$out"
mapfile -t voices < <(ls "$stems" | grep -v '^full' | sed 's/\.wav$//' | grep -v "^${accomp_id}$")
for v in "${voices[@]}"; do
  inputs=(); filters=(); i=0
  for w in "${voices[@]}" "$accomp_id"; do
    [[ -f "$stems/$w.wav" ]] || continue
    inputs+=(-i "$stems/$w.wav")
    if [[ "$w" == "$v" ]]; then g=$focus; pan="c0=0.5*c0+0.5*c1|c1=0.5*c0+0.5*c1"
    elif [[ "$w" == "$accomp_id" ]]; then g=$accomp; pan="c0=0.35*c0|c1=0.65*c1"
    else g=$others; pan="c0=0.65*c0|c1=0.35*c1"; fi
    filters+=("[$i:a]volume=${g}dB,pan=stereo|${pan}[a$i]"); i=$((i+1))
  done
  mixin=$(for ((k=0;k<i;k++)); do printf '[a%d]' "$k"; done)
  ffmpeg -hide_banner -y "${inputs[@]}" -filter_complex "$(IFS=';'; echo "${filters[*]}");${mixin}amix=inputs=$i:normalize=0" \
    -c:a libmp3lame -b:a 160k "$out/$v.mp3"
done
