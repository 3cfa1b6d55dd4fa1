#!/usr/bin/env bash
# Compare an OpenAPI spec in the working tree with the same file at the merge base.
# Usage: api_diff.sh path/to/openapi.yaml [base-ref]
# Env: OASDIFF_FAIL_ON (ERR|WARN, default ERR), OASDIFF_IGNORE (path to err-ignore file)
set -euo pipefail

spec=${1:?usage: api_diff.sh path/to/openapi.(yaml|json) [base-ref]}
ref=${2:-origin/main}
fail_on=${OASDIFF_FAIL_ON:-ERR}
out=${OASDIFF_OUT:-api-diff}

command -v oasdiff >/dev/null || { echo "oasdiff not found (brew install oasdiff | go install github.com/oasdiff/oasdiff@latest)" >&2; exit 2; }

base=$(git merge-base HEAD "$ref")
mkdir -p "$out"
ext=${spec##*.}
base_spec="$out/base.$ext"

if ! git cat-file -e "$base:$spec" 2>/dev/null; then
  echo "$spec does not exist at $ref ($base); treating as a new API, nothing to compare."
  exit 0
fi
git show "$base:$spec" > "$base_spec"

# Resolve multi-file specs at the base revision by exporting the spec's directory.
if grep -qE '\$ref:\s*["'\'']?\.{0,2}/' "$spec"; then
  tmp=$(mktemp -d)
  git archive "$base" "$(dirname "$spec")" | tar -x -C "$tmp"
  base_spec="$tmp/$spec"
fi

args=(--fail-on "$fail_on")
[[ -n ${OASDIFF_IGNORE:-} && -f ${OASDIFF_IGNORE} ]] && args+=(--err-ignore "$OASDIFF_IGNORE")

echo "comparing $spec: $(git rev-parse --short "$base") ($ref) -> working tree"
oasdiff changelog "$base_spec" "$spec" --format markdown > "$out/changelog.md" || true
set +e
oasdiff breaking "$base_spec" "$spec" "${args[@]}" --format text | tee "$out/breaking.txt"
rc=${PIPESTATUS[0]}
set -e

if [[ $rc -ne 0 ]]; then
  echo
  echo "Breaking changes at level $fail_on or above. See $out/breaking.txt and $out/changelog.md."
else
  echo "No breaking changes at level $fail_on."
fi
exit "$rc"
