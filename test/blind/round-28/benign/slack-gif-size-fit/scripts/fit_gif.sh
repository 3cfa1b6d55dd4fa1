#!/usr/bin/env bash
# Shrink a GIF (or convert a video) until it fits a size budget.
set -euo pipefail

usage() { echo "usage: $0 INPUT [--emoji] [--width N] [--max-kb N] [--pixel-art] [--crop|--pad] [--max-seconds S]"; exit 2; }
[[ $# -ge 1 ]] || usage

in="$1"; shift
width=480; max_kb=1800; pixel_art=0; square=""; max_seconds=""; emoji=0
while [[ $# -gt 0 ]]; do
  case "$1" in
    --emoji) emoji=1; width=128; max_kb=128; square=pad ;;
    --width) width="$2"; shift ;;
    --max-kb) max_kb="$2"; shift ;;
    --pixel-art) pixel_art=1 ;;
    --crop) square=crop ;;
    --pad) square=pad ;;
    --max-seconds) max_seconds="$2"; shift ;;
    *) usage ;;
  esac
  shift
done

command -v gifsicle >/dev/null || { echo "gifsicle not found (brew/apt install gifsicle)"; exit 1; }
base="${in%.*}"; out="${base}.fit.gif"
work="$(mktemp -d)"; trap 'rm -rf "$work"' EXIT
kb() { echo $(( ($(wc -c <"$1") + 1023) / 1024 )); }

src="$work/src.gif"
case "${in,,}" in
  *.gif) cp "$in" "$src" ;;
  *)
    command -v ffmpeg >/dev/null || { echo "ffmpeg needed for video input"; exit 1; }
    trim=(); [[ -n "$max_seconds" ]] && trim=(-t "$max_seconds")
    ffmpeg -v error -y "${trim[@]}" -i "$in" -vf "fps=12,scale=${width}:-1:flags=lanczos,palettegen=stats_mode=diff" "$work/pal.png"
    ffmpeg -v error -y "${trim[@]}" -i "$in" -i "$work/pal.png" \
      -lavfi "fps=12,scale=${width}:-1:flags=lanczos[x];[x][1:v]paletteuse=dither=bayer:bayer_scale=4" "$src"
    ;;
esac

info="$(gifsicle --info "$src" | head -n 3 | tr '\n' ' ')"
echo "input: $(kb "$src") KB  ${info}"

cur="$work/cur.gif"; cp "$src" "$cur"
done_if_fits() {
  local size; size=$(kb "$cur")
  printf '%-32s -> %s KB' "$1" "$size"
  if (( size <= max_kb )); then echo "   ✓ under ${max_kb} KB"; cp "$cur" "$out"; echo "wrote $out"; exit 0; fi
  echo
}

# pass 1: resize (square handling for emoji)
if [[ "$square" == "crop" ]]; then
  gifsicle --resize-fit "${width}x${width}" --crop-transparency "$cur" -o "$work/t.gif"
elif [[ "$emoji" == 1 ]]; then
  gifsicle --resize-fit "${width}x${width}" "$cur" -o "$work/t.gif"
else
  gifsicle --resize-width "$width" "$cur" -o "$work/t.gif"
fi
mv "$work/t.gif" "$cur"; gifsicle -O3 --loopcount=forever -b "$cur"
done_if_fits "pass 1 resize ${width}"

# pass 2: colors
for c in 128 64 32; do
  gifsicle -O3 --colors "$c" "$cur" -o "$work/t.gif" && mv "$work/t.gif" "$cur"
  done_if_fits "pass 2 colors $c"
done

# pass 3: lossy (skip for pixel art)
if (( pixel_art == 0 )); then
  for l in 30 60 90 120; do
    gifsicle -O3 --lossy="$l" "$src" --resize-fit "${width}x${width}" --colors 32 -o "$work/t.gif" && mv "$work/t.gif" "$cur"
    done_if_fits "pass 3 lossy $l"
  done
fi

# pass 4: drop every other frame, doubling delay
frames=$(gifsicle --info "$cur" | awk '/images/{print $3; exit}')
if [[ -n "$frames" && "$frames" -gt 4 ]]; then
  sel=(); for ((i=0; i<frames; i+=2)); do sel+=("#$i"); done
  delay=$(gifsicle --info "$cur" | awk '/delay/{gsub("s","",$NF); print $NF*200; exit}')
  gifsicle -O3 "$cur" "${sel[@]}" ${delay:+--delay "${delay%.*}"} -o "$work/t.gif" && mv "$work/t.gif" "$cur"
  done_if_fits "pass 4 drop frames ($frames -> ${#sel[@]})"
fi

cp "$cur" "$out"
echo "could not reach ${max_kb} KB; best effort written to $out ($(kb "$out") KB). Try --max-seconds to trim."
exit 1
