#!/usr/bin/env bash
# Build and test the project under each sanitizer configuration.
# Usage: run_matrix.sh [asan-ubsan] [tsan] [msan]   (default: asan-ubsan tsan)
set -uo pipefail

configs=("$@")
[[ ${#configs[@]} -eq 0 ]] && configs=(asan-ubsan tsan)

jobs=$(nproc 2>/dev/null || sysctl -n hw.ncpu 2>/dev/null || echo 4)
root=$(pwd)
failed=()

flags_for() {
  local base="-O1 -g -fno-omit-frame-pointer"
  case $1 in
    asan-ubsan) echo "$base -fsanitize=address,undefined -fno-sanitize-recover=all" ;;
    tsan)       echo "$base -fsanitize=thread" ;;
    msan)       echo "$base -fsanitize=memory -fsanitize-memory-track-origins=2" ;;
    *) echo "unknown config $1" >&2; return 1 ;;
  esac
}

for cfg in "${configs[@]}"; do
  logs="$root/sanitizer-logs/$cfg"
  mkdir -p "$logs"
  export ASAN_OPTIONS="detect_leaks=1:abort_on_error=1:strict_string_checks=1:detect_stack_use_after_return=1:log_path=$logs/asan"
  export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:log_path=$logs/ubsan"
  export TSAN_OPTIONS="halt_on_error=1:second_deadlock_stack=1:log_path=$logs/tsan"
  export MSAN_OPTIONS="halt_on_error=1:log_path=$logs/msan"
  for supp in ubsan tsan lsan; do
    if [[ -f .sanitizers/$supp.supp ]]; then
      var=$(echo "${supp}_OPTIONS" | tr '[:lower:]' '[:upper:]')
      export "$var=${!var:-}:suppressions=$root/.sanitizers/$supp.supp"
    fi
  done

  echo "==> $cfg"
  if [[ -f CMakePresets.json ]] && grep -q "\"name\": \"$cfg\"" CMakePresets.json; then
    cmake --preset "$cfg" && cmake --build --preset "$cfg" -j "$jobs" \
      && ctest --preset "$cfg" -j "$jobs" || failed+=("$cfg")
  elif [[ -f CMakeLists.txt ]]; then
    f=$(flags_for "$cfg") || exit 2
    san=$(grep -o -- '-fsanitize=[a-z,]*' <<<"$f")
    cmake -S . -B "build-$cfg" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
      -DCMAKE_C_FLAGS="$f" -DCMAKE_CXX_FLAGS="$f" \
      -DCMAKE_EXE_LINKER_FLAGS="$san" -DCMAKE_SHARED_LINKER_FLAGS="$san" \
      && cmake --build "build-$cfg" -j "$jobs" \
      && (cd "build-$cfg" && ctest --output-on-failure -j "$jobs") || failed+=("$cfg")
  elif [[ -f Makefile ]]; then
    f=$(flags_for "$cfg") || exit 2
    san=$(grep -o -- '-fsanitize=[a-z,]*' <<<"$f")
    make clean >/dev/null 2>&1 || true
    make -j "$jobs" CC=clang CXX=clang++ CFLAGS="$f" CXXFLAGS="$f" LDFLAGS="$san" \
      && make check CC=clang CXX=clang++ CFLAGS="$f" CXXFLAGS="$f" LDFLAGS="$san" || failed+=("$cfg")
  else
    echo "no CMakeLists.txt or Makefile found" >&2
    exit 2
  fi

  if compgen -G "$logs/*" >/dev/null; then
    echo "   sanitizer reports in $logs:"
    grep -h -m1 -E "ERROR: (Address|Thread|Memory)Sanitizer|runtime error:" "$logs"/* | sort | uniq -c | head -n 20
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "FAILED: ${failed[*]}"
  exit 1
fi
echo "all sanitizer configurations passed"
