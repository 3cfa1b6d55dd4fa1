#!/usr/bin/env bash
# dig.sh FILE START [END]   - blame past noise commits and print a timeline
# dig.sh --suggest-ignore   - list likely formatting commits for .git-blame-ignore-revs
set -euo pipefail

NOISE_RE='(^|[^a-z])(format|reformat|black|prettier|gofmt|rustfmt|lint|whitespace|rename|move[sd]? files|bump copyright)([^a-z]|$)'
MAX_HOPS=5

if [[ "${1:-}" == "--suggest-ignore" ]]; then
  git log --format='%H %s' --shortstat | awk '
    /^[0-9a-f]{40} / { sha=$1; $1=""; msg=$0; next }
    /files? changed/ { if ($1+0 > 50) print sha, "#", $1, "files:", msg }' \
  | grep -Ei "$NOISE_RE" || true
  exit 0
fi

file=${1:?usage: dig.sh FILE START [END]}
start=${2:?start line}
end=${3:-$start}

ignore_args=()
[[ -f .git-blame-ignore-revs ]] && ignore_args=(--ignore-revs-file .git-blame-ignore-revs)

if [[ "$(git rev-parse --is-shallow-repository)" == "true" ]]; then
  echo "warning: shallow clone; history may be truncated (git fetch --unshallow to deepen)" >&2
fi

is_noise() {
  local sha=$1 subj
  subj=$(git log -1 --format=%s "$sha")
  if grep -qiE "$NOISE_RE" <<<"$subj"; then return 0; fi
  # whitespace-only diff for this file?
  if [[ -z "$(git diff -w "$sha^" "$sha" -- "$file" 2>/dev/null)" ]]; then return 0; fi
  return 1
}

rev=HEAD
path=$file
for hop in $(seq 0 $MAX_HOPS); do
  mapfile -t shas < <(git blame -w -C -C -M "${ignore_args[@]}" --porcelain \
      -L "$start,$end" "$rev" -- "$path" \
    | awk '/^[0-9a-f]{40} /{print $1}' | sort -u)
  noisy=()
  echo "== blame at $rev (hop $hop) =="
  for s in "${shas[@]}"; do
    git log -1 --date=short --format="  %h %ad %an  %s" "$s"
    if [[ "$s" != 0000000000000000000000000000000000000000 ]] && is_noise "$s"; then
      noisy+=("$s")
    fi
  done
  if (( ${#noisy[@]} == 0 || ${#shas[@]} != 1 )); then
    break
  fi
  echo "  -> ${noisy[0]:0:7} looks like a noise commit; stepping past it"
  rev="${noisy[0]}^"
done

echo
echo "== commits touching lines $start-$end (git log -L) =="
git log -L "$start,$end:$file" --no-patch --date=short --format='  %h %ad %an  %s' | head -40
