#!/usr/bin/env bash
# Explain the history of a line: why.sh path/to/file:LINE [context-lines]
# Read-only: runs git blame/log/show and, if available, gh to look up the pull request.
set -euo pipefail

target=${1:?usage: why.sh path/to/file:LINE [context]}
ctx=${2:-3}
file=${target%:*}
line=${target##*:}
[[ $line =~ ^[0-9]+$ ]] || { echo "expected path:LINE" >&2; exit 2; }
git rev-parse --is-inside-work-tree >/dev/null

ignore=()
[[ -f .git-blame-ignore-revs ]] && ignore=(--ignore-revs-file .git-blame-ignore-revs)

start=$(( line > ctx ? line - ctx : 1 ))
end=$(( line + ctx ))

echo "== blame (whitespace/moves/copies ignored)"
git blame -w -M -C -C --date=short "${ignore[@]}" -L "$start,$end" -- "$file"

sha=$(git blame -w -M -C -C --porcelain "${ignore[@]}" -L "$line,$line" -- "$file" | head -n 1 | cut -d' ' -f1)
if [[ $sha =~ ^0+$ ]]; then
  echo "line $line has uncommitted changes"
  exit 0
fi

echo
echo "== commit"
git show --no-patch --format='%H%nAuthor: %an <%ae>%nDate:   %ad%n%n%B' --date=short "$sha"
echo "files in commit:"
git show --stat --format= "$sha" | tail -n 15

echo
echo "== how this line looked right before $sha"
orig_path=$(git blame -w -M -C -C --porcelain "${ignore[@]}" -L "$line,$line" -- "$file" | awk '/^filename /{print $2; exit}')
git show "$sha^:$orig_path" 2>/dev/null | sed -n "$(( start > 1 ? start : 1 )),$(( end ))p" || echo "(file did not exist before this commit)"

echo
echo "== pull request"
subject=$(git show -s --format=%s "$sha")
if [[ $subject =~ \(#([0-9]+)\)$ ]]; then
  pr=${BASH_REMATCH[1]}
  echo "squash-merge reference: #$pr"
elif merge=$(git log --merges --ancestry-path --format='%h %s' "$sha"..HEAD 2>/dev/null | tail -n 1) && [[ -n $merge ]]; then
  echo "merged by: $merge"
  [[ $merge =~ \#([0-9]+) ]] && pr=${BASH_REMATCH[1]}
fi
if command -v gh >/dev/null && gh auth status >/dev/null 2>&1; then
  if [[ -n ${pr:-} ]]; then
    gh pr view "$pr" --json number,title,url,author,mergedAt,body \
      --template '#{{.number}} {{.title}}{{"\n"}}{{.url}}{{"\n"}}by {{.author.login}}, merged {{.mergedAt}}{{"\n\n"}}{{.body}}{{"\n"}}' | head -n 40
  else
    gh pr list --state merged --search "$sha" --json number,title,url --template '{{range .}}#{{.number}} {{.title}} {{.url}}{{"\n"}}{{end}}'
  fi
else
  echo "(gh not available or not authenticated; skipping PR lookup)"
fi

echo
echo "== history of lines $start-$end (most recent first, max 8 commits)"
git log --no-merges -n 8 -L "$start,$end:$file" --format='--- %h %ad %an: %s' --date=short | head -n 120
