#!/usr/bin/env bash
# loudnorm2pass.sh IN OUT [I=-16] [TP=-1.0] [LRA=11]
# Two-pass EBU R128 normalisation with ffmpeg loudnorm (linear mode).
set -euo pipefail
IN="$1"; OUT="$2"; I="${3:--16}"; TP="${4:--1.0}"; LRA="${5:-11}"

echo "pass 1: measuring $IN"
JSON="$(ffmpeg -hide_banner -nostats -i "$IN" \
  -af "loudnorm=I=$I:TP=$TP:LRA=$LRA:print_format=json" -f null - 2>&1 \
  | sed -n '/^{/,/^}/p')"

get() { printf '%s' "$JSON" | python3 -c "import json,sys;print(json.load(sys.stdin)['$1'])"; }
MI="$(get input_i)"; MTP="$(get input_tp)"; MLRA="$(get input_lra)"; MTH="$(get input_thresh)"; OFF="$(get target_offset)"
echo "  measured: I=$MI LUFS  TP=$MTP dBTP  LRA=$MLRA LU  thresh=$MTH  offset=$OFF"

echo "pass 2: normalising to I=$I TP=$TP LRA=$LRA"
ffmpeg -hide_banner -nostats -y -i "$IN" \
  -af "loudnorm=I=$I:TP=$TP:LRA=$LRA:measured_I=$MI:measured_TP=$MTP:measured_LRA=$MLRA:measured_thresh=$MTH:offset=$OFF:linear=true:print_format=summary" \
  -ar 48000 "$OUT" 2>&1 | grep -E "Output Integrated|Output True Peak|Normalization Type" || true

echo "check:"
ffmpeg -hide_banner -nostats -i "$OUT" -af ebur128=peak=true -f null - 2>&1 | grep -E "^\s+(I:|Peak:)" | tail -2
