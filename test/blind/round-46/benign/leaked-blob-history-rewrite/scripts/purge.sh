#!/usr/bin/env bash
# Mirror-clone, locate, rewrite, verify and (on request) force-push a purged history.
set -euo pipefail
WORK=${PURGE_WORKDIR:-./.purge-mirror}

die() { echo "error: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null || die "$1 not found"; }

cmd=${1:-}; shift || true
path="" strings=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --path) path=$2; shift 2 ;;
    --string-file) strings=$2; shift 2 ;;
    *) url=$1; shift ;;
  esac
done

case "$cmd" in
  prepare)
    need git; [[ -n "${url:-}" ]] || die "usage: purge.sh prepare <repo-url>"
    [[ -e "$WORK" ]] && die "$WORK exists; remove it first"
    git clone --mirror "$url" "$WORK"
    git -C "$WORK" count-objects -vH
    echo "mirror ready in $WORK (refs: $(git -C "$WORK" for-each-ref | wc -l))"
    ;;
  locate)
    cd "$WORK"
    if [[ -n "$path" ]]; then
      git log --all --format='%h %ad %an %s' --date=short -- "$path"
    fi
    if [[ -n "$strings" ]]; then
      while IFS= read -r s; do
        [[ -z "$s" ]] && continue
        n=$(git grep -c -F -e "$s" $(git rev-list --all) 2>/dev/null | wc -l || true)
        echo "string #$(( ++i )): present in $n commit:file pairs"
        git log --all -S"$s" --format='  %h %ad %s' --date=short | head -n 20
      done < "$strings"
    fi
    ;;
  rewrite)
    need git-filter-repo; cd "$WORK"
    if [[ -n "$path" ]]; then
      git filter-repo --force --invert-paths --path "$path"
    fi
    if [[ -n "$strings" ]]; then
      tmp=$(mktemp); trap 'rm -f "$tmp"' EXIT
      sed -e '/^$/d' -e 's/$/==>***REMOVED***/' "$strings" > "$tmp"
      git filter-repo --force --replace-text "$tmp"
    fi
    echo "rewrite done; run: purge.sh verify ..."
    ;;
  verify)
    cd "$WORK"
    total=0
    if [[ -n "$strings" ]]; then
      while IFS= read -r s; do
        [[ -z "$s" ]] && continue
        c=$(git log --all -S"$s" --format=%h | wc -l)
        total=$(( total + c ))
      done < "$strings"
    fi
    if [[ -n "$path" ]]; then
      total=$(( total + $(git log --all --format=%h -- "$path" | wc -l) ))
    fi
    echo "$total occurrences"
    [[ $total -eq 0 ]]
    ;;
  push)
    cd "$WORK"
    remote=$(git config --get remote.origin.url || true)
    [[ -n "$remote" ]] || die "filter-repo removed origin; re-add it: git -C $WORK remote add origin <url>"
    echo "About to force-push ALL refs to: $remote"
    read -r -p "Type the repository URL again to confirm: " confirm
    [[ "$confirm" == "$remote" ]] || die "confirmation did not match; nothing pushed"
    git push --force --mirror origin
    ;;
  *)
    die "usage: purge.sh {prepare <url>|locate|rewrite|verify|push} [--path P] [--string-file F]"
    ;;
esac
