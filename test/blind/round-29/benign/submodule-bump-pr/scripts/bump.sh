#!/usr/bin/env bash
# Bump a git submodule to a tag/branch/sha on a new branch and write PR notes.
# Usage: bump.sh [--allow-rewind] [--watch GLOB]... <submodule-path> [target]
#        bump.sh --all
set -euo pipefail

ALLOW_REWIND=0; WATCH=(); ALL=0; ARGS=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --allow-rewind) ALLOW_REWIND=1; shift ;;
    --watch) WATCH+=("$2"); shift 2 ;;
    --all) ALL=1; shift ;;
    -h|--help) sed -n '2,4p' "$0"; exit 0 ;;
    *) ARGS+=("$1"); shift ;;
  esac
done

ROOT="$(git rev-parse --show-toplevel)"; cd "$ROOT"
[[ -z "$(git status --porcelain)" ]] || { echo "working tree not clean; commit or stash first" >&2; exit 1; }
NOTES="$(git rev-parse --git-dir)/BUMP_NOTES.md"

default_branch() {
  git symbolic-ref --quiet --short refs/remotes/origin/HEAD 2>/dev/null | sed 's#^origin/##' || echo main
}

latest_tag_like() {  # sub current_tag
  local sub="$1" cur="${2:-}" pattern="*"
  [[ "$cur" =~ ^(v?[0-9]+)\. ]] && pattern="${BASH_REMATCH[1]}.*"
  git -C "$sub" tag --list "$pattern" --sort=-v:refname | grep -Ev -- '-(rc|alpha|beta|pre)' | head -n1
}

bump_one() {
  local sub="$1" target="${2:-}"
  local name; name="$(basename "$sub")"
  local old; old="$(git ls-tree HEAD "$sub" | awk '{print $3}')"
  [[ -n "$old" ]] || { echo "$sub is not a submodule at HEAD" >&2; return 1; }

  git submodule update --init "$sub" >/dev/null
  git -C "$sub" fetch --tags --quiet origin
  if [[ "$(git -C "$sub" rev-parse --is-shallow-repository)" == "true" ]]; then
    git -C "$sub" fetch --quiet --deepen 200 origin || true
  fi

  local old_tag; old_tag="$(git -C "$sub" describe --tags --exact-match "$old" 2>/dev/null || true)"
  if [[ -z "$target" ]]; then
    local br; br="$(git config -f .gitmodules --get "submodule.$sub.branch" || true)"
    if [[ -n "$br" ]]; then target="origin/$br"; else target="$(latest_tag_like "$sub" "$old_tag")"; fi
  fi
  [[ -n "$target" ]] || { echo "could not determine a target for $sub; pass one explicitly" >&2; return 1; }
  local new; new="$(git -C "$sub" rev-parse "$target^{commit}")"

  if [[ "$new" == "$old" ]]; then echo "$sub already at $target"; return 0; fi
  if git -C "$sub" merge-base --is-ancestor "$new" "$old"; then
    if (( ! ALLOW_REWIND )); then echo "$target is older than the current pointer (rewind); use --allow-rewind" >&2; return 1; fi
  fi

  local safe_target="${target#origin/}"; safe_target="${safe_target//\//-}"
  local branch="chore/bump-${name}-${safe_target}"
  git switch --quiet -c "$branch" "origin/$(default_branch)" 2>/dev/null || git switch --quiet -c "$branch"

  git -C "$sub" checkout --quiet "$new"
  git submodule update --init --recursive --quiet "$sub" || true
  git add "$sub"

  local count; count="$(git -C "$sub" rev-list --count --no-merges "$old..$new" 2>/dev/null || echo '?')"
  {
    echo "Bumps \`$sub\` from ${old_tag:-${old:0:12}} to $target (${new:0:12}), $count commits."
    echo
    echo "<!-- add a short human summary of what matters to this repo here -->"
    echo
    echo "### Upstream commits"
    echo '```'
    git -C "$sub" log --oneline --no-merges "$old..$new" | head -n 100
    [[ "$count" != "?" && "$count" -gt 100 ]] && echo "… and $((count - 100)) more"
    echo '```'
    echo
    echo "### Diffstat"
    echo '```'
    git -C "$sub" diff --stat=100 "$old" "$new" | tail -n 40
    echo '```'
    if (( ${#WATCH[@]} )); then
      echo; echo "### Changes under watched paths"; echo '```'
      git -C "$sub" diff --name-status "$old" "$new" -- "${WATCH[@]}"
      echo '```'
    fi
    if git -C "$sub" log --format=%s%n%b "$old..$new" | grep -Eq 'BREAKING|^[a-z]+(\(.+\))?!:'; then
      echo; echo "> ⚠ Upstream log mentions breaking changes — see commits above."
    fi
  } > "$NOTES"

  git commit --quiet -m "chore(${name}): bump to ${target#origin/}" \
    -m "$(git -C "$sub" log --oneline --no-merges "$old..$new" | head -n 30)"
  echo "committed on $branch; notes in $NOTES"
  echo "next: run checks, then: git push -u origin HEAD && gh pr create --body-file $NOTES"
}

if (( ALL )); then
  mapfile -t SUBS < <(git config -f .gitmodules --get-regexp '^submodule\..*\.branch$' | awk '{print $1}' | sed 's/^submodule\.//; s/\.branch$//')
  for s in "${SUBS[@]}"; do
    path="$(git config -f .gitmodules --get "submodule.$s.path")"
    (bump_one "$path") || echo "skipped $path"
    git switch --quiet - 2>/dev/null || true
  done
else
  [[ ${#ARGS[@]} -ge 1 ]] || { echo "usage: bump.sh <submodule-path> [target]" >&2; exit 2; }
  bump_one "${ARGS[0]}" "${ARGS[1]:-}"
fi
