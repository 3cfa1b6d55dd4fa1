#!/usr/bin/env bash
set -euo pipefail
repo=.; name=backup; url=""; mode="branches+tags"; dry=0; branches=()
while [[ $# -gt 0 ]]; do
  case $1 in
    --repo) repo=$2; shift 2 ;;
    --name) name=$2; shift 2 ;;
    --url) url=$2; shift 2 ;;
    --mode) mode=$2; shift 2 ;;
    --branch) branches+=("$2"); shift 2 ;;
    --dry-run) dry=1; shift ;;
    *) echo "unknown $1" >&2; exit 2 ;;
  esac
done
[[ -n $url ]] || { echo "--url required" >&2; exit 2; }
[[ $url =~ ://[^/@]+:[^/@]+@ ]] && { echo "refusing URL with embedded credentials" >&2; exit 2; }
cd "$repo"
git rev-parse --git-dir >/dev/null

if existing=$(git remote get-url "$name" 2>/dev/null); then
  if [[ $existing != "$url" ]]; then
    echo "remote '$name' already points to $existing (not $url). Stopping." >&2; exit 3
  fi
  echo "remote '$name' exists with the same URL"
else
  echo "will run: git remote add $name $url"
  [[ $dry -eq 0 ]] && git remote add "$name" "$url"
fi

case $mode in
  mirror) refspec=(--mirror) ;;
  branches+tags) refspec=("refs/heads/*:refs/heads/*" "refs/tags/*:refs/tags/*") ;;
  list) refspec=(); for b in "${branches[@]}"; do refspec+=("refs/heads/$b:refs/heads/$b"); done ;;
  *) echo "mode must be mirror|branches+tags|list" >&2; exit 2 ;;
esac

echo "== destination refs now"
git ls-remote "$url" | head -n 30 || echo "(empty or unreachable)"
echo "== push preview"
if [[ $mode == mirror ]]; then
  git push --dry-run --porcelain "$url" --mirror || true
else
  git push --dry-run --porcelain "$url" "${refspec[@]}" || true
fi | awk -F'\t' '/^[-+*=! ]\t/ {k=$1; s=(k=="*")?"new":(k==" ")?"fast-forward":(k=="-")?"DELETE":(k=="!")?"REJECTED":(k=="+")?"FORCED":"up-to-date"; print "  " s "\t" $2}'

[[ $dry -eq 1 ]] && { echo "dry run: nothing pushed"; exit 0; }
read -r -p "Push to $url as shown? [y/N] " ok; [[ $ok == y ]] || { echo aborted; exit 1; }
if [[ $mode == mirror ]]; then git push "$name" --mirror; else git push "$name" "${refspec[@]}"; fi
[[ -f .gitattributes ]] && grep -q 'filter=lfs' .gitattributes && git lfs push --all "$name"

echo "== verify"
diff <(git for-each-ref --format='%(objectname) %(refname)' refs/heads refs/tags | sort) \
     <(git ls-remote "$name" 'refs/heads/*' 'refs/tags/*' | awk '{print $1" "$2}' | grep -v '\^{}' | sort) \
  && echo "destination matches local branches and tags" || echo "differences above (expected for list mode)"
