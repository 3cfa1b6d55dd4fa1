#!/usr/bin/env bash
# Build plain, ASan/UBSan and CmpLog variants of an AFL++ harness.
# usage: build_variants.sh <harness.c> <build-cmd> <static-lib>
#   e.g. build_variants.sh fuzz_parse.c "make -j8" libconfig.a
set -euo pipefail

harness=${1:?harness source}
build_cmd=${2:?project build command}
lib=${3:?static library produced by the build}
out=fuzz-build
mkdir -p "$out"

command -v afl-clang-fast >/dev/null || { echo "afl-clang-fast not found; install AFL++" >&2; exit 1; }
export CC=afl-clang-fast CXX=afl-clang-fast++

build() {
  local name=$1; shift
  echo "== building $name"
  make clean >/dev/null 2>&1 || true
  env "$@" bash -c "$build_cmd"
  env "$@" "$CC" -O2 -g "$harness" "$lib" -o "$out/$name"
}

build fuzz_plain AFL_LLVM_DICT2FILE="$PWD/$out/auto.dict"
build fuzz_asan AFL_USE_ASAN=1 AFL_USE_UBSAN=1
build fuzz_cmplog AFL_LLVM_CMPLOG=1

echo "built:"
ls -l "$out"
