#!/usr/bin/env bash
# Rewrite history in a mirror clone to drop a path or replace literal strings.
set -euo pipefail

repo="" path="" replace_file=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --repo) repo="$2"; shift 2 ;;
    --path) path="$2"; shift 2 ;;
    --replace-file) replace_file="$2"; shift 2 ;;
    *) echo "unknown arg: $1" >&2; exit 2 ;;
  esac
done
[[ -n "$repo" ]] || { echo "--repo is required" >&2; exit 2; }
[[ -n "$path" || -n "$replace_file" ]] || { echo "need --path or --replace-file" >&2; exit 2; }

work="$PWD/purge-work"
mkdir -p "$work"
name="$(basename "${repo%.git}")"
mirror="$work/$name.git"

if [[ -d "$mirror" ]]; then
  echo "mirror already exists at $mirror; remove it or reuse it deliberately" >&2
  exit 1
fi

git clone --mirror "$repo" "$mirror"
git -C "$mirror" bundle create "$work/backup-$(date +%Y%m%d-%H%M%S).bundle" --all
echo "backup bundle written to $work"

if ! command -v git-filter-repo >/dev/null 2>&1; then
  cat <<MSG
git-filter-repo not found. Install it (pip install git-filter-repo / brew install git-filter-repo)
or use BFG:
  java -jar bfg.jar --delete-files '$(basename "${path:-FILE}")' $mirror
  java -jar bfg.jar --replace-text ${replace_file:-replacements.txt} $mirror
  git -C $mirror reflog expire --expire=now --all && git -C $mirror gc --prune=now --aggressive
MSG
  exit 1
fi

args=(--force)
[[ -n "$path" ]] && args+=(--invert-paths --path "$path")
[[ -n "$replace_file" ]] && args+=(--replace-text "$replace_file")
git -C "$mirror" filter-repo "${args[@]}"

echo "verifying..."
if [[ -n "$path" ]] && [[ -n "$(git -C "$mirror" log --all --oneline -- "$path")" ]]; then
  echo "path still present in history" >&2; exit 1
fi
if [[ -n "$replace_file" ]]; then
  while IFS= read -r line; do
    needle="${line%%==>*}"
    [[ -z "$needle" || "$needle" == \#* ]] && continue
    if git -C "$mirror" grep -q -F "$needle" $(git -C "$mirror" rev-list --all) 2>/dev/null; then
      echo "a replacement string is still present" >&2; exit 1
    fi
  done < "$replace_file"
fi

echo
echo "History rewritten in $mirror. Nothing has been pushed."
echo "Refs that will be updated:"
git -C "$mirror" for-each-ref --format='  %(refname)'
echo
echo "When you are ready:  (cd '$mirror' && git push --force --mirror origin)"
