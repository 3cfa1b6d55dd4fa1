#!/usr/bin/env bash
# Compare a binary's output for each testdata/cli/*.args against goldens.
# usage: cli_golden.sh ./bin/mytool      (UPDATE_GOLDEN=1 to rewrite)
set -uo pipefail
bin="${1:?path to binary}"
dir="${GOLDEN_DIR:-testdata/cli}"
if [ -n "${UPDATE_GOLDEN:-}" ] && [ "${CI:-}" = "true" ]; then echo "UPDATE_GOLDEN set in CI" >&2; exit 1; fi
fail=0; tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
for argsfile in "$dir"/*.args; do
  name="${argsfile%.args}"
  # args file: one argument per line, so arguments may contain spaces
  mapfile -t args < "$argsfile"
  TZ=UTC NO_COLOR=1 "$bin" "${args[@]}" >"$tmp/out" 2>"$tmp/err"; echo $? >"$tmp/code"
  sed -i.bak -e "s#$tmp#<TMP>#g" -e "s#$PWD#<ROOT>#g" "$tmp/out" "$tmp/err"
  for kind in out:stdout err:stderr code:code; do
    src="$tmp/${kind%%:*}"; golden="$name.${kind##*:}"
    if [ -n "${UPDATE_GOLDEN:-}" ]; then cp "$src" "$golden"; continue; fi
    if ! diff -u --label "$golden" --label actual "$golden" "$src"; then fail=1; fi
  done
done
[ -n "${UPDATE_GOLDEN:-}" ] && echo "goldens rewritten; review with: git diff -- $dir"
exit $fail
