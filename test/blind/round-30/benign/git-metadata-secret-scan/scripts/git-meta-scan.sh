#!/usr/bin/env bash
# Scan git metadata (refs, tag messages, author fields, trailers, notes, stash) for secret-shaped strings.
# Read-only: runs only git plumbing/porcelain that does not modify the repository.
set -uo pipefail

REMOTE=""
ALL_HISTORY=0
REFLOG=0
EXTRA=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --remote) REMOTE="$2"; shift 2 ;;
    --all-history) ALL_HISTORY=1; shift ;;
    --reflog) REFLOG=1; shift ;;
    --extra-regex) EXTRA="$2"; shift 2 ;;
    -h|--help) sed -n '2,3p' "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

git rev-parse --git-dir >/dev/null 2>&1 || { echo "not a git repository" >&2; exit 2; }

# name|regex  (ERE)
PATTERNS=(
  "github-token|(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}"
  "github-pat|github_pat_[A-Za-z0-9_]{40,}"
  "gitlab-token|glpat-[A-Za-z0-9_-]{20,}"
  "slack-token|xox[abpors]-[A-Za-z0-9-]{10,}"
  "aws-access-key|(AKIA|ASIA)[0-9A-Z]{16}"
  "stripe-key|(sk|rk)_live_[A-Za-z0-9]{16,}"
  "google-api-key|AIza[0-9A-Za-z_-]{35}"
  "npm-token|npm_[A-Za-z0-9]{36}"
  "openai-style-key|sk-[A-Za-z0-9_-]{32,}"
  "jwt|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"
  "generic-assignment|(password|passwd|secret|token|api[_-]?key)[=:][^[:space:]/]{8,}"
)
[[ -n "$EXTRA" ]] && PATTERNS+=("custom|$EXTRA")

FOUND=0

mask() {
  # keep the first 4 chars of every match, replace the rest
  local s="$1" out="$1" name re m
  for entry in "${PATTERNS[@]}"; do
    re="${entry#*|}"
    while IFS= read -r m; do
      [[ -z "$m" ]] && continue
      out="${out//"$m"/${m:0:4}…}"
    done < <(grep -Eoi -- "$re" <<< "$s" || true)
  done
  printf '%s' "$out"
}

check() {
  # $1 = kind, $2 = location, $3 = text
  local kind="$1" loc="$2" text="$3" entry name re
  for entry in "${PATTERNS[@]}"; do
    name="${entry%%|*}"; re="${entry#*|}"
    if grep -Eqi -- "$re" <<< "$text"; then
      printf '%-10s %-45s %s\n' "$kind" "$(mask "$loc")" "$name"
      FOUND=1
    fi
  done
}

entropy_segment() {
  # flag ref-name segments that look random: 24+ chars of mixed classes
  local seg
  for seg in ${1//[\/\-_.=]/ }; do
    if [[ ${#seg} -ge 24 && "$seg" =~ [A-Z] && "$seg" =~ [a-z] && "$seg" =~ [0-9] ]]; then
      printf '%-10s %-45s %s\n' "ref" "$(printf '%s' "${1/$seg/${seg:0:4}…}")" "high-entropy-segment"
      FOUND=1
    fi
  done
}

# 1. local and remote-tracking refs
while IFS= read -r ref; do
  check "ref" "$ref" "$ref"
  entropy_segment "$ref"
done < <(git for-each-ref --format='%(refname)')

# 2. server-side refs
if [[ -n "$REMOTE" ]]; then
  while IFS=$'\t' read -r _sha ref; do
    check "remote-ref" "$ref" "$ref"
    entropy_segment "$ref"
  done < <(git ls-remote "$REMOTE" 2>/dev/null)
fi

# 3. annotated tag messages and taggers
while IFS= read -r tag; do
  body=$(git for-each-ref --format='%(taggername) %(taggeremail)%0a%(contents)' "refs/tags/$tag")
  check "tag-msg" "$tag" "$body"
done < <(git for-each-ref --format='%(refname:short)' refs/tags)

# 4. commit metadata: author/committer + trailers
RANGE=(--all --max-count=2000)
[[ $ALL_HISTORY -eq 1 ]] && RANGE=(--all)
while IFS=$'\x1f' read -r sha an ae cn ce trailers; do
  check "author" "${sha:0:7}" "$an $ae $cn $ce"
  [[ -n "$trailers" ]] && check "trailer" "${sha:0:7}" "$trailers"
done < <(git log "${RANGE[@]}" --format='%H%x1f%an%x1f%ae%x1f%cn%x1f%ce%x1f%(trailers:unfold,separator=%x20)')

# 5. notes
if git for-each-ref --format='%(refname)' refs/notes | grep -q .; then
  while IFS= read -r nref; do
    while read -r note_blob annotated; do
      check "note" "$nref ${annotated:0:7}" "$(git cat-file -p "$note_blob")"
    done < <(git notes --ref="$nref" list)
  done < <(git for-each-ref --format='%(refname)' refs/notes)
fi

# 6. stash messages
while IFS= read -r line; do
  check "stash" "${line%%:*}" "$line"
done < <(git stash list 2>/dev/null)

# 7. reflog (opt-in)
if [[ $REFLOG -eq 1 ]]; then
  while IFS= read -r line; do
    check "reflog" "${line:0:12}" "$line"
  done < <(git reflog --all --format='%h %gs' 2>/dev/null)
fi

if [[ $FOUND -eq 0 ]]; then
  echo "no secret-shaped strings found in git metadata"
fi
exit $FOUND
