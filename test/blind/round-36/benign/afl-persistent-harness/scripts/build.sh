#!/usr/bin/env bash
# Build sanitized, cmplog and repro variants of the harness against a library source dir.
set -euo pipefail
LIB_DIR=${1:?usage: build.sh path/to/lib [harness.c]}
HARNESS=${2:-harness.c}
OUT=${OUT:-out}
mkdir -p "$OUT"

CC_AFL=afl-clang-lto
command -v "$CC_AFL" >/dev/null 2>&1 || CC_AFL=afl-clang-fast
SRCS=$(find "$LIB_DIR" -maxdepth 2 -name '*.c' ! -name '*test*' ! -name 'main.c' | sort)
INC=(-I "$LIB_DIR" -I "$LIB_DIR/include")
CFLAGS_COMMON=(-g -O1 -fno-omit-frame-pointer)

echo "[*] sanitized harness with $CC_AFL"
AFL_USE_ASAN=1 AFL_USE_UBSAN=1 "$CC_AFL" "${CFLAGS_COMMON[@]}" "${INC[@]}" \
  "$HARNESS" $SRCS -o "$OUT/harness"

echo "[*] cmplog harness"
AFL_LLVM_CMPLOG=1 "$CC_AFL" "${CFLAGS_COMMON[@]}" "${INC[@]}" \
  "$HARNESS" $SRCS -o "$OUT/harness_cmplog"

echo "[*] repro binary (plain clang + sanitizers)"
clang "${CFLAGS_COMMON[@]}" -DREPRO -fsanitize=address,undefined "${INC[@]}" \
  "$HARNESS" $SRCS -o "$OUT/harness_repro"

ls -l "$OUT"
