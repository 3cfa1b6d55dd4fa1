#!/usr/bin/env bash
# Run every cargo-fuzz target for a fixed number of seconds; fail if any target crashes.
# usage: fuzz_all.sh [seconds-per-target] [extra libFuzzer args...]
set -uo pipefail

secs=${1:-120}
shift || true
cd "$(git rev-parse --show-toplevel 2>/dev/null || pwd)"

if ! cargo +nightly fuzz --help >/dev/null 2>&1; then
  echo "cargo-fuzz or nightly toolchain missing: rustup toolchain install nightly && cargo install cargo-fuzz" >&2
  exit 2
fi

failed=()
for target in $(cargo +nightly fuzz list); do
  echo "::group::fuzz $target (${secs}s)"
  mkdir -p "fuzz/corpus/$target"
  if ! cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
        -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 "$@"; then
    failed+=("$target")
  fi
  echo "::endgroup::"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "targets with findings: ${failed[*]}"
  ls -l fuzz/artifacts/*/ 2>/dev/null
  exit 1
fi
echo "all targets ran ${secs}s without findings"
