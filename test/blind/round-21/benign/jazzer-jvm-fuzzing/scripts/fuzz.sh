#!/usr/bin/env bash
# Run Jazzer @FuzzTest classes in fuzzing mode for a fixed time each and summarise findings.
# usage: fuzz.sh [--build maven|gradle] [--time 10m] TestClass [TestClass...]
set -euo pipefail

build=maven
duration=10m
tests=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --build) build="$2"; shift 2 ;;
    --time)  duration="$2"; shift 2 ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) tests+=("$1"); shift ;;
  esac
done
[[ ${#tests[@]} -gt 0 ]] || { echo "name at least one fuzz test class" >&2; exit 2; }

logdir="build/fuzz-logs/$(date +%Y%m%d-%H%M%S)"
mkdir -p "$logdir"
export JAZZER_FUZZ=1
# @FuzzTest(maxDuration=...) still applies; `timeout` caps the whole build step as well.

status=0
for t in "${tests[@]}"; do
  echo "== fuzzing $t for up to $duration"
  before="$(find src/test/resources -name 'crash-*' 2>/dev/null | sort)"
  rc=0
  if [[ "$build" == gradle ]]; then
    timeout --foreground "$duration" ./gradlew test --tests "*${t}" --rerun-tasks >"$logdir/$t.log" 2>&1 || rc=$?
  else
    timeout --foreground "$duration" mvn -q test -Dtest="$t" -Dsurefire.failIfNoSpecifiedTests=false >"$logdir/$t.log" 2>&1 || rc=$?
  fi
  # 124 = stopped by timeout, which is the normal end of a time-boxed run
  if [[ $rc -ne 0 && $rc -ne 124 ]]; then status=1; fi
  after="$(find src/test/resources -name 'crash-*' 2>/dev/null | sort)"
  new="$(comm -13 <(echo "$before") <(echo "$after") | sed '/^$/d')"
  if [[ -n "$new" ]]; then
    echo "   new findings:"
    echo "$new" | sed 's/^/     /'
    grep -m1 -E '^== Java Exception:|FuzzerSecurityIssue' "$logdir/$t.log" | sed 's/^/   /' || true
  else
    echo "   no new findings (log: $logdir/$t.log)"
  fi
done
exit "$status"
