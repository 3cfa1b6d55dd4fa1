#!/usr/bin/env bash
# Standard podcast voice chain with two-pass loudnorm.
set -euo pipefail
in="$1"; out="$2"; shift 2
hum=50
while [[ $# -gt 0 ]]; do
  case "$1" in
    --hum) hum="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
h2=$((hum * 2))
pre="highpass=f=80,bandreject=f=${hum}:w=2,bandreject=f=${h2}:w=2,afftdn=nr=12:nf=-50:tn=1,adeclick,deesser=i=0.4,acompressor=threshold=-20dB:ratio=3:attack=5:release=120"
stats=$(ffmpeg -hide_banner -i "$in" -af "${pre},loudnorm=I=-16:TP=-1.5:LRA=11:print_format=json" -f null - 2>&1 | sed -n '/^{/,/^}/p')
get() { echo "$stats" | python3 -c "import json,sys; print(json.load(sys.stdin)['$1'])"; }
ffmpeg -hide_banner -y -i "$in" -af "${pre},loudnorm=I=-16:TP=-1.5:LRA=11:measured_I=$(get input_i):measured_TP=$(get input_tp):measured_LRA=$(get input_lra):measured_thresh=$(get input_thresh):offset=$(get target_offset):linear=true" -ar 48000 "$out"
echo "wrote $out"
