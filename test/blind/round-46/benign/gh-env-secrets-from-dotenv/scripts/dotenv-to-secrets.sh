#!/usr/bin/env bash
# plan|apply: copy selected keys from a .env file into GitHub Actions secrets via gh.
set -euo pipefail

mode=${1:-}; shift || true
file="" repo="" env="" only=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --file) file=$2; shift 2 ;;
    --repo) repo=$2; shift 2 ;;
    --env) env=$2; shift 2 ;;
    --only) only=$2; shift 2 ;;
    *) echo "unknown arg $1" >&2; exit 64 ;;
  esac
done
[[ "$mode" == plan || "$mode" == apply ]] || { echo "usage: $0 plan|apply --file F --repo O/R [--env E] [--only K1,K2]" >&2; exit 64; }
[[ -f "$file" && -n "$repo" ]] || { echo "--file and --repo are required" >&2; exit 64; }

scope=(--repo "$repo")
[[ -n "$env" ]] && scope+=(--env "$env")

existing=$(gh secret list "${scope[@]}" --json name --jq '.[].name' 2>/dev/null || true)

# Parse KEY=VALUE lines with python (handles quotes and multi-line values) -> NUL-separated pairs
parse() {
  python3 - "$file" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8").read()
pat = re.compile(r'^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*("(?:[^"\\]|\\.)*"|\'[^\']*\'|[^\n#]*)', re.M)
for m in pat.finditer(text):
    k, v = m.group(1), m.group(2).strip()
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        v = v[1:-1]
        if m.group(2).startswith('"'):
            v = v.encode().decode("unicode_escape")
    sys.stdout.write(f"{k}\0{v}\0")
PY
}

want() {
  local k=$1
  if [[ -n "$only" ]]; then [[ ",$only," == *",$k,"* ]]; return; fi
  [[ "$k" == GITHUB_* || "$k" == PUBLIC_* || "$k" == NEXT_PUBLIC_* || "$k" == VITE_* ]] && return 1
  return 0
}

new=0 over=0 skip=0
while IFS= read -r -d '' key && IFS= read -r -d '' val; do
  if [[ -z "$val" ]] || ! want "$key"; then
    [[ "$mode" == plan ]] && printf '  SKIP       %s\n' "$key"
    skip=$((skip+1)); continue
  fi
  if grep -qx "$key" <<<"$existing"; then tag=OVERWRITE; over=$((over+1)); else tag=NEW; new=$((new+1)); fi
  if [[ "$mode" == plan ]]; then
    printf '  %-10s %s\n' "$tag" "$key"
  else
    printf '%s' "$val" | gh secret set "$key" "${scope[@]}" >/dev/null   # value read from stdin
    printf '  set %-10s %s\n' "$tag" "$key"
  fi
done < <(parse)

target="$repo${env:+ (environment $env)}"
echo "$mode: $new new, $over overwrite, $skip skipped -> $target"
