#!/usr/bin/env bash
# transcode.sh - web MP4 or HLS ladder with ffmpeg.
#   transcode.sh mp4 INPUT [OUT_DIR] [--two-pass BITRATE]
#   transcode.sh hls INPUT [OUT_DIR]
set -euo pipefail

mode="${1:?mode: mp4|hls}"; in="${2:?input file}"; out="${3:-}"
shift 2; [[ $# -gt 0 && "$1" != --* ]] && shift
two_pass=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --two-pass) two_pass="${2:?bitrate like 4M}"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

[[ -f "$in" ]] || { echo "no such file: $in" >&2; exit 2; }
base="$(basename "${in%.*}")"
out="${out:-./${base}_${mode}}"
PRESET="${PRESET:-slow}"; CRF="${CRF:-21}"; SEG="${SEG:-6}"; HW="${HW:-none}"

if [[ -d "$out" && -n "$(ls -A "$out" 2>/dev/null)" && "${FORCE:-0}" != 1 ]]; then
  echo "$out is not empty; set FORCE=1 to overwrite" >&2; exit 2
fi
mkdir -p "$out"

work="$(mktemp -d "${TMPDIR:-/tmp}/ladder.XXXXXX")"
trap 'rm -rf "$work"' EXIT INT TERM

probe() { ffprobe -v error -select_streams v:0 -show_entries "stream=$1" -of default=nw=1:nk=1 "$in"; }
W=$(probe width); H=$(probe height)
fps_raw=$(probe r_frame_rate); fps=$(awk -F/ '{ if ($2>0) printf "%d", ($1/$2)+0.5; else print 30 }' <<<"$fps_raw")
(( fps > 0 && fps <= 120 )) || fps=30
gop=$(( fps * 2 ))
short=$(( W < H ? W : H ))
portrait=$(( H > W ? 1 : 0 ))
has_audio=$(ffprobe -v error -select_streams a -show_entries stream=index -of csv=p=0 "$in" | head -1)

af=""
if [[ "${AUDIO_NORM:-0}" == 1 && -n "$has_audio" ]]; then
  af="-af loudnorm=I=-16:TP=-1.5:LRA=11"
fi

venc() {
  case "$HW" in
    nvenc)        echo "-c:v h264_nvenc -preset p5 -rc vbr" ;;
    videotoolbox) echo "-c:v h264_videotoolbox -allow_sw 1" ;;
    qsv)          echo "-c:v h264_qsv -preset slower" ;;
    *)            echo "-c:v libx264 -preset $PRESET -profile:v high" ;;
  esac
}

scale_for() { # $1 = target short side
  if (( portrait )); then echo "scale=$1:-2"; else echo "scale=-2:$1"; fi
}

poster() {
  local t; t=$(ffprobe -v error -show_entries format=duration -of default=nw=1:nk=1 "$in" | awk '{printf "%.2f", $1*0.1}')
  ffmpeg -hide_banner -loglevel error -y -ss "$t" -i "$in" -frames:v 1 -vf "$(scale_for 720)" -q:v 3 "$out/poster.jpg"
}

if [[ "$mode" == mp4 ]]; then
  dst="$out/$base.mp4"
  common=(-hide_banner -y -i "$in" -map 0:v:0 -map "0:a:0?" -pix_fmt yuv420p -fps_mode cfr -r "$fps" -g "$gop")
  if [[ -n "$two_pass" && "$HW" == none ]]; then
    ffmpeg "${common[@]}" $(venc) -b:v "$two_pass" -pass 1 -passlogfile "$work/pass" -an -f mp4 /dev/null
    ffmpeg "${common[@]}" $(venc) -b:v "$two_pass" -pass 2 -passlogfile "$work/pass" \
      -c:a aac -b:a 128k $af -movflags +faststart "$dst"
  else
    q="-crf $CRF"; [[ "$HW" != none ]] && q="-b:v ${two_pass:-5M}"
    ffmpeg "${common[@]}" $(venc) $q -c:a aac -b:a 128k $af -movflags +faststart "$dst"
  fi
  poster
  ls -lh "$dst" "$out/poster.jpg"
  exit 0
fi

[[ "$mode" == hls ]] || { echo "mode must be mp4 or hls" >&2; exit 2; }

# rung: short-side vbitrate maxrate bufsize abitrate
rungs=("1080 5000k 5350k 7500k 128k" "720 2800k 3000k 4200k 128k" "480 1400k 1500k 2100k 96k" "360 800k 856k 1200k 96k")
selected=()
for r in "${rungs[@]}"; do
  read -r h _ <<<"$r"
  (( h <= short )) && selected+=("$r")
done
(( ${#selected[@]} )) || selected=("${rungs[-1]}")

n=${#selected[@]}
split="[0:v]fps=$fps,split=$n"; for i in $(seq 0 $((n-1))); do split+="[s$i]"; done; split+=";"
filters="$split"; maps=(); vsm=""
for i in "${!selected[@]}"; do
  read -r h vb mr bs ab <<<"${selected[$i]}"
  filters+="[s$i]$(scale_for "$h"),format=yuv420p[v$i];"
  maps+=(-map "[v$i]")
  [[ -n "$has_audio" ]] && maps+=(-map 0:a:0)
  maps+=("-b:v:$i" "$vb" "-maxrate:v:$i" "$mr" "-bufsize:v:$i" "$bs")
  [[ -n "$has_audio" ]] && maps+=("-b:a:$i" "$ab")
  if [[ -n "$has_audio" ]]; then vsm+="v:$i,a:$i,name:${h}p "; else vsm+="v:$i,name:${h}p "; fi
done
filters="${filters%;}"

ffmpeg -hide_banner -y -i "$in" -filter_complex "$filters" "${maps[@]}" \
  $(venc) -g "$gop" -keyint_min "$gop" -sc_threshold 0 \
  ${has_audio:+-c:a aac -ac 2} $af \
  -f hls -hls_time "$SEG" -hls_playlist_type vod -hls_segment_type fmp4 \
  -hls_fmp4_init_filename init.mp4 \
  -hls_segment_filename "$out/v%v/seg_%05d.m4s" \
  -master_pl_name master.m3u8 \
  -var_stream_map "${vsm% }" "$out/v%v/prog.m3u8"

poster
echo "HLS ladder written to $out (master.m3u8, ${n} renditions)"
