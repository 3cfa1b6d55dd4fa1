#!/usr/bin/env bash
# rerun.sh <runs> -- <test command...>
# Runs the command N times and reports pass/fail counts; keeps the first failing output.
set -uo pipefail
runs="${1:?runs}"; shift
[[ "${1:-}" == "--" ]] && shift
pass=0; fail=0; first=""
for i in $(seq 1 "$runs"); do
  out=$("$@" 2>&1); rc=$?
  if [[ $rc -eq 0 ]]; then pass=$((pass+1)); else
    fail=$((fail+1))
    [[ -z "$first" ]] && first="$out"
  fi
  printf '\rrun %d/%d  pass=%d fail=%d' "$i" "$runs" "$pass" "$fail"
done
echo
if [[ $fail -gt 0 && $pass -gt 0 ]]; then echo "FLAKY ($fail/$runs failed)";
elif [[ $fail -eq $runs ]]; then echo "CONSISTENTLY FAILING";
else echo "STABLE"; fi
[[ -n "$first" ]] && { echo "--- first failure ---"; echo "$first" | tail -n 80; }
