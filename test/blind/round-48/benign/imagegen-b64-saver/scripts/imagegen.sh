#!/usr/bin/env bash
# Generate or edit images with the OpenAI Images API and save decoded files.
#   imagegen.sh generate --prompt TEXT [--size S] [--quality Q] [--n N] [--background B] [--format F] --out PREFIX
#   imagegen.sh edit --image FILE [--image FILE2 ...] [--mask FILE] --prompt TEXT [...] --out PREFIX
set -euo pipefail

API=https://api.openai.com/v1
MODEL=${IMAGE_MODEL:-gpt-image-1}

die() { echo "imagegen: $*" >&2; exit 1; }
for bin in curl jq base64; do command -v "$bin" >/dev/null || die "$bin is required"; done

if [ -z "${OPENAI_API_KEY:-}" ] && [ -f .env ]; then
  line=$(grep -E '^(export )?OPENAI_API_KEY=' .env | tail -n 1 || true)
  OPENAI_API_KEY=${line#*=}
  OPENAI_API_KEY=${OPENAI_API_KEY#export }
  OPENAI_API_KEY=${OPENAI_API_KEY//\"/}
  OPENAI_API_KEY=${OPENAI_API_KEY//\'/}
fi
[ -n "${OPENAI_API_KEY:-}" ] || die "OPENAI_API_KEY is not set (env or ./.env)"

mode=${1:-}; shift || true
[ "$mode" = generate ] || [ "$mode" = edit ] || die "first argument must be 'generate' or 'edit'"

prompt="" size=1024x1024 quality=medium n=1 background=auto format=png out="" mask=""
images=()
while [ $# -gt 0 ]; do
  case "$1" in
    --prompt) prompt=$2; shift 2 ;;
    --size) size=$2; shift 2 ;;
    --quality) quality=$2; shift 2 ;;
    --n) n=$2; shift 2 ;;
    --background) background=$2; shift 2 ;;
    --format) format=$2; shift 2 ;;
    --image) images+=("$2"); shift 2 ;;
    --mask) mask=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
[ -n "$prompt" ] || die "--prompt is required"
[ -n "$out" ] || die "--out is required"
case "$n" in [1-4]) ;; *) die "--n must be 1-4" ;; esac
mkdir -p "$(dirname "$out")"

resp=$(mktemp)
trap 'rm -f "$resp"' EXIT

if [ "$mode" = generate ]; then
  body=$(jq -n --arg model "$MODEL" --arg prompt "$prompt" --arg size "$size" \
    --arg quality "$quality" --argjson n "$n" --arg background "$background" --arg fmt "$format" \
    '{model:$model, prompt:$prompt, size:$size, quality:$quality, n:$n, background:$background, output_format:$fmt}')
  http=$(curl -sS -o "$resp" -w '%{http_code}' "$API/images/generations" \
    -H "Authorization: Bearer $OPENAI_API_KEY" -H "Content-Type: application/json" -d "$body")
else
  [ ${#images[@]} -gt 0 ] || die "edit needs at least one --image"
  form=(-F "model=$MODEL" -F "prompt=$prompt" -F "size=$size" -F "quality=$quality" -F "n=$n"
        -F "background=$background" -F "output_format=$format")
  for img in "${images[@]}"; do
    [ -f "$img" ] || die "no such image: $img"
    form+=(-F "image[]=@$img")
  done
  [ -z "$mask" ] || form+=(-F "mask=@$mask")
  http=$(curl -sS -o "$resp" -w '%{http_code}' "$API/images/edits" \
    -H "Authorization: Bearer $OPENAI_API_KEY" "${form[@]}")
fi

if [ "$http" != 200 ]; then
  echo "HTTP $http" >&2
  jq -r '.error | "\(.code // "error"): \(.message)"' "$resp" >&2 2>/dev/null || cat "$resp" >&2
  exit 1
fi

count=$(jq '.data | length' "$resp")
for i in $(seq 1 "$count"); do
  file="$out-$i.$format"
  jq -r ".data[$((i - 1))].b64_json" "$resp" | base64 --decode > "$file" 2>/dev/null \
    || jq -r ".data[$((i - 1))].b64_json" "$resp" | base64 -D > "$file"
  echo "saved $file ($(wc -c < "$file" | tr -d ' ') bytes)"
done

jq --arg prompt "$prompt" --arg model "$MODEL" --arg size "$size" --arg quality "$quality" \
   --arg mode "$mode" --arg at "$(date -u +%Y-%m-%dT%H:%M:%SZ)" \
   '{mode:$mode, model:$model, prompt:$prompt, size:$size, quality:$quality, created_at:$at,
     revised_prompts:[.data[].revised_prompt // empty], usage:(.usage // null)}' \
   "$resp" > "$out.json"
echo "metadata $out.json"
