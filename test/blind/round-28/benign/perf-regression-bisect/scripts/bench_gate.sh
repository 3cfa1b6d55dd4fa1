#!/usr/bin/env bash
# Noise-aware benchmark gate for `git bisect run`.
# Exit: 0 good, 1 bad, 125 skip, 200 abort.
set -uo pipefail

build=""; cmd=""; metric="wall"; runs=5; threshold=""; band=10; warmup=1; cooldown=0
log="${BISECT_PERF_LOG:-$(git rev-parse --show-toplevel)/bisect-perf.log}"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) build="$2"; shift ;;
    --cmd) cmd="$2"; shift ;;
    --metric) metric="$2"; shift ;;
    --runs) runs="$2"; shift ;;
    --threshold-ms|--threshold-kb) threshold="$2"; shift ;;
    --band-pct) band="$2"; shift ;;
    --warmup) warmup="$2"; shift ;;
    --cooldown) cooldown="$2"; shift ;;
    *) echo "unknown arg $1" >&2; exit 200 ;;
  esac
  shift
done
[[ -n "$cmd" && -n "$threshold" ]] || { echo "--cmd and --threshold-* required" >&2; exit 200; }

sha="$(git rev-parse --short HEAD)"
if [[ -n "$build" ]]; then
  if ! bash -c "$build" >/tmp/bench_gate_build.log 2>&1; then
    echo "$sha build-failed skip" >>"$log"; exit 125
  fi
fi

timer() {
  if [[ "$metric" == "maxrss" ]]; then
    local t; t="$(command -v gtime || echo /usr/bin/time)"
    "$t" -v bash -c "$cmd" 2>&1 >/dev/null | awk -F: '/Maximum resident/{gsub(/ /,"",$2); print $2}'
  else
    local s e
    s=$(date +%s%N)
    bash -c "$cmd" >/dev/null 2>&1 || { echo "FAIL"; return; }
    e=$(date +%s%N)
    echo $(( (e - s) / 1000000 ))
  fi
}

for ((i=0; i<warmup; i++)); do bash -c "$cmd" >/dev/null 2>&1 || true; done

vals=()
for ((i=0; i<runs; i++)); do
  v="$(timer)"
  if [[ "$v" == "FAIL" || -z "$v" ]]; then echo "$sha bench-failed skip" >>"$log"; exit 125; fi
  vals+=("$v")
  (( cooldown > 0 )) && sleep "$cooldown"
done

sorted=($(printf '%s\n' "${vals[@]}" | sort -n))
median=${sorted[$(( runs / 2 ))]}
lo=$(( threshold - threshold * band / 100 ))
hi=$(( threshold + threshold * band / 100 ))

if (( median < lo )); then verdict=good; code=0
elif (( median > hi )); then verdict=bad; code=1
else verdict=ambiguous-skip; code=125
fi
printf '%s median=%s min=%s max=%s metric=%s verdict=%s\n' \
  "$sha" "$median" "${sorted[0]}" "${sorted[-1]}" "$metric" "$verdict" | tee -a "$log"
exit "$code"
