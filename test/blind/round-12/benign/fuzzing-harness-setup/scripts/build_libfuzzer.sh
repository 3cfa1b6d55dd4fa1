#!/usr/bin/env bash
# Build a libFuzzer harness with ASan + UBSan.
#
# Usage: build_libfuzzer.sh <harness.c|.cc> "<library sources glob>" [extra clang flags...]
# Example: build_libfuzzer.sh fuzz/parse_fuzzer.c "src/*.c" -Iinclude -DNDEBUG
#
# Env:
#   CC / CXX       override compilers (default clang / clang++)
#   SANITIZERS     default "address,undefined"; use "memory" for MSan (needs instrumented deps)
#   OUT_DIR        default fuzz/out
set -euo pipefail

harness="${1:?usage: build_libfuzzer.sh <harness> \"<sources glob>\" [flags...]}"
sources_glob="${2:?missing library sources glob}"
shift 2
extra_flags=("$@")

CC="${CC:-clang}"
CXX="${CXX:-clang++}"
SANITIZERS="${SANITIZERS:-address,undefined}"
OUT_DIR="${OUT_DIR:-fuzz/out}"

if ! command -v "$CC" >/dev/null 2>&1; then
  echo "error: $CC not found. Install clang (e.g. 'sudo apt-get install clang' or 'brew install llvm')." >&2
  exit 1
fi

mkdir -p "$OUT_DIR/obj"

common_flags=(-g -O1 -fno-omit-frame-pointer "-fsanitize=fuzzer-no-link,$SANITIZERS"
              -fno-sanitize-recover=undefined)

# shellcheck disable=SC2206
sources=( $sources_glob )
objs=()
for src in "${sources[@]}"; do
  obj="$OUT_DIR/obj/$(echo "$src" | tr '/' '_').o"
  case "$src" in
    *.c)   "$CC"  "${common_flags[@]}" "${extra_flags[@]}" -c "$src" -o "$obj" ;;
    *.cc|*.cpp|*.cxx) "$CXX" "${common_flags[@]}" "${extra_flags[@]}" -c "$src" -o "$obj" ;;
    *) echo "skipping $src"; continue ;;
  esac
  objs+=("$obj")
done

name="$(basename "${harness%.*}")"
case "$harness" in
  *.c)  linker="$CXX"; "$CC" "${common_flags[@]}" "${extra_flags[@]}" -c "$harness" -o "$OUT_DIR/obj/$name.o" ;;
  *)    linker="$CXX"; "$CXX" "${common_flags[@]}" "${extra_flags[@]}" -c "$harness" -o "$OUT_DIR/obj/$name.o" ;;
esac

"$linker" -g "-fsanitize=fuzzer,$SANITIZERS" "$OUT_DIR/obj/$name.o" "${objs[@]}" -o "$OUT_DIR/$name"

echo "built $OUT_DIR/$name"
echo "run:  $OUT_DIR/$name fuzz/corpus/$name -max_total_time=600 -artifact_prefix=fuzz/artifacts/"
