#!/usr/bin/env bash
# Build a single libFuzzer harness with ASan+UBSan and run a time-boxed campaign.
#
# Usage: build_and_run.sh <harness.cc> [seconds] [-- extra sources/flags...]
# Example: build_and_run.sh fuzz/parse_header_fuzzer.cc 600 -- src/header.cc -Iinclude

set -euo pipefail

if [[ $# -lt 1 ]]; then
  echo "usage: $0 <harness.cc> [seconds] [-- extra sources/flags...]" >&2
  exit 2
fi

HARNESS="$1"; shift
SECONDS_TO_RUN="${1:-300}"
if [[ $# -gt 0 && "$1" != "--" ]]; then shift; fi
if [[ "${1:-}" == "--" ]]; then shift; fi
EXTRA=("$@")

CXX="${CXX:-clang++}"
if ! command -v "$CXX" >/dev/null 2>&1; then
  echo "error: $CXX not found; install clang (apt-get install clang / brew install llvm)" >&2
  exit 1
fi

NAME="$(basename "${HARNESS%.*}")"
OUT_DIR="fuzz-out/${NAME}"
mkdir -p "${OUT_DIR}/corpus" "${OUT_DIR}/crashes"

echo "[*] building ${NAME}"
"$CXX" -g -O1 -fno-omit-frame-pointer \
  -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
  "$HARNESS" "${EXTRA[@]}" -o "${OUT_DIR}/${NAME}"

SEED_DIR="$(dirname "$HARNESS")/corpus/${NAME}"
if [[ -d "$SEED_DIR" ]]; then
  cp -n "$SEED_DIR"/* "${OUT_DIR}/corpus/" 2>/dev/null || true
fi

DICT_ARGS=()
DICT="$(dirname "$HARNESS")/${NAME%_fuzzer}.dict"
if [[ -f "$DICT" ]]; then
  DICT_ARGS=(-dict="$DICT")
fi

JOBS="$(( $(nproc 2>/dev/null || sysctl -n hw.ncpu) / 2 ))"
[[ "$JOBS" -lt 1 ]] && JOBS=1

echo "[*] fuzzing for ${SECONDS_TO_RUN}s with ${JOBS} worker(s)"
"${OUT_DIR}/${NAME}" "${OUT_DIR}/corpus" \
  -artifact_prefix="${OUT_DIR}/crashes/" \
  -max_total_time="${SECONDS_TO_RUN}" \
  -jobs="${JOBS}" -workers="${JOBS}" \
  -print_final_stats=1 \
  "${DICT_ARGS[@]}" || true

CRASHES=$(find "${OUT_DIR}/crashes" -type f | wc -l | tr -d ' ')
echo "[*] done: ${CRASHES} artifact(s) in ${OUT_DIR}/crashes"
