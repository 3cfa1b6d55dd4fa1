#!/usr/bin/env bash
# Pin `uses: owner/repo@tag` references in workflow files to full commit SHAs.
#
# Usage: pin-actions.sh [.github/workflows] [--dry-run]
#
# Uses the GitHub CLI (`gh api`, read-only GET requests) to resolve tags. Requires `gh auth status`
# to succeed; public repositories also resolve unauthenticated but are rate limited.
set -euo pipefail

dir=".github/workflows"
dry_run=0
for arg in "$@"; do
  case "$arg" in
    --dry-run) dry_run=1 ;;
    *) dir="$arg" ;;
  esac
done

command -v gh >/dev/null || { echo "gh (GitHub CLI) is required: https://cli.github.com" >&2; exit 1; }

declare -A cache

resolve() {
  local repo="$1" ref="$2" key="$1@$2" sha
  if [[ -n "${cache[$key]:-}" ]]; then
    echo "${cache[$key]}"
    return
  fi
  # Works for tags and branches; annotated tags are peeled by the commits endpoint.
  sha=$(gh api -H "Accept: application/vnd.github.sha" "repos/$repo/commits/$ref" 2>/dev/null || true)
  if [[ ! "$sha" =~ ^[0-9a-f]{40}$ ]]; then
    echo ""
    return
  fi
  cache[$key]="$sha"
  echo "$sha"
}

changed=0
while IFS= read -r file; do
  tmp="$(mktemp)"
  while IFS= read -r line || [[ -n "$line" ]]; do
    if [[ "$line" =~ ^([[:space:]]*-?[[:space:]]*uses:[[:space:]]*)([A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+)(/[^@[:space:]]*)?@([^[:space:]#]+)(.*)$ ]]; then
      prefix="${BASH_REMATCH[1]}"; repo="${BASH_REMATCH[2]}"; sub="${BASH_REMATCH[3]}"
      ref="${BASH_REMATCH[4]}"
      if [[ ! "$ref" =~ ^[0-9a-f]{40}$ ]]; then
        sha="$(resolve "$repo" "$ref")"
        if [[ -n "$sha" ]]; then
          echo "$file: $repo$sub@$ref -> $sha"
          line="${prefix}${repo}${sub}@${sha} # ${ref}"
          changed=$((changed + 1))
        else
          echo "$file: could not resolve $repo@$ref; left unchanged" >&2
        fi
      fi
    fi
    printf '%s\n' "$line" >> "$tmp"
  done < "$file"
  if [[ $dry_run -eq 1 ]]; then
    rm -f "$tmp"
  else
    mv "$tmp" "$file"
  fi
done < <(find "$dir" -maxdepth 1 -type f \( -name '*.yml' -o -name '*.yaml' \) | sort)

echo "$changed reference(s) pinned$([[ $dry_run -eq 1 ]] && echo ' (dry run, no files changed)')"
echo "Review with: git diff -- $dir"
